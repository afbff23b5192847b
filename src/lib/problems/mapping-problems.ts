/** Problems of saved column mappings and the imports that use them (docs/import-mappings.md). */
export const MAPPING_PROBLEMS = {
  'import_mapping.not_found': 'import mapping not found',
  'import_mapping.name.reserved': '"{{name}}" is a built-in source name; choose another',
  'import_mapping.name.taken': 'a mapping named "{{name}}" already exists',
  'import_mapping.name.used': 'the name "{{name}}" is fixed: an import has already used it as its source',
  'import_mapping.column.required': 'is required: map the column that holds {{field}}',
  'import_mapping.column.unmapped': 'the mapping has no column for {{field}}',
  'import_mapping.date_format.invalid': 'is not a supported date format: {{reason}}',
  'import_mapping.delimiter.invalid': 'must be one character other than a quote or a line break',
  'import_mapping.decimal_mark.minor': 'must be left out when amountUnit is minor',
  'import_mapping.file.format': 'the file is {{actual}}, but the mapping reads {{expected}}',
  'import_mapping.cell.not_amount': '"{{value}}" is not an amount with {{mark}} as the decimal mark',
  'import_mapping.preview.not_json': 'must be the mapping as JSON text',
} as const;
