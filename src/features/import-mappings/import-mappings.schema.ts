import { z } from 'zod';
import { currency, platform, timezone } from '../../lib/schemas.js';
import { keyed } from '../../lib/zod-problems.js';
import { LINE_STATUSES } from '../orders/lines.js';
import {
  DEFAULT_DATE_FORMAT,
  foldStatus,
  MAPPED_FIELDS,
  MAPPING_FORMATS,
  MAPPING_NAME,
  type MappedField,
  REQUIRED_FIELDS,
  RESERVED_NAMES,
} from './import-mappings.js';
import { compileDateFormat } from './ldml-date.js';

/** zod of saved column mappings, in and out (docs/import-mappings.md, "The mapping"). */

const name = z
  .string()
  .regex(MAPPING_NAME, keyed('field.format', 'must be 3 to 40 of a-z, 0-9 and _', { format: '[a-z0-9_]{3,40}' }))
  .superRefine((value, ctx) => {
    if ((RESERVED_NAMES as readonly string[]).includes(value))
      ctx.addIssue({
        code: 'custom',
        ...keyed('import_mapping.name.reserved', `"${value}" is a built-in source name; choose another`, { name: value }),
      });
  });

const LISTED_TWICE = keyed('field.listed_twice', 'is listed twice');

const header = z.string().trim().min(1).max(200);
const columns = z.partialRecord(z.enum(MAPPED_FIELDS), header);

const statuses = z
  .record(z.string().trim().min(1).max(100), z.enum(LINE_STATUSES))
  .refine((s) => Object.keys(s).length <= 200, keyed('field.too_many', 'must have at most 200 status texts', { maximum: 200 }))
  .superRefine((s, ctx) => {
    const seen = new Map<string, string>();
    for (const [text, status] of Object.entries(s)) {
      const key = foldStatus(text);
      if (seen.has(key) && seen.get(key) !== status) ctx.addIssue({ code: 'custom', path: [text], ...LISTED_TWICE });
      seen.set(key, status);
    }
  });

const delimiter = z
  .string()
  .refine(
    (d) => d.length === 1 && !['"', '\n', '\r'].includes(d),
    keyed('import_mapping.delimiter.invalid', 'must be one character other than a quote or a line break'),
  );

const dateFormat = z
  .string()
  .max(64)
  .superRefine((pattern, ctx) => {
    const compiled = compileDateFormat(pattern);
    if ('error' in compiled)
      ctx.addIssue({
        code: 'custom',
        ...keyed('import_mapping.date_format.invalid', `is not a supported date format: ${compiled.error}`, {
          reason: compiled.error,
        }),
      });
  });

/** Every field optional and without defaults: a PATCH, and the preview's partial mapping. */
export const mappingPatch = z.strictObject({
  name: name.optional(),
  platform: platform.optional(),
  format: z.enum(MAPPING_FORMATS).optional(),
  delimiter: delimiter.nullable().optional(),
  headerRow: z.number().int().min(1).max(10_000).optional(),
  columns: columns.optional(),
  statuses: statuses.optional(),
  amountUnit: z.enum(['major', 'minor']).optional(),
  decimalMark: z.enum(['.', ',']).nullable().optional(),
  currency: currency.nullable().optional(),
  timezone: timezone.nullable().optional(),
  dateFormat: dateFormat.optional(),
});
export type MappingPatch = z.infer<typeof mappingPatch>;

/** A whole mapping: required columns mapped; a decimal mark only for major units. */
export const mappingCreate = mappingPatch
  .extend({
    name,
    platform,
    format: z.enum(MAPPING_FORMATS),
    headerRow: z.number().int().min(1).max(10_000).default(1),
    columns,
    statuses: statuses.default({}),
    amountUnit: z.enum(['major', 'minor']),
    dateFormat: dateFormat.default(DEFAULT_DATE_FORMAT),
  })
  .superRefine((m, ctx) => {
    for (const field of REQUIRED_FIELDS)
      if (!m.columns[field])
        ctx.addIssue({
          code: 'custom',
          path: ['columns', field],
          ...keyed('import_mapping.column.required', `is required: map the column that holds ${field}`, { field }),
        });
    if (m.amountUnit === 'minor' && m.decimalMark)
      ctx.addIssue({
        code: 'custom',
        path: ['decimalMark'],
        ...keyed('import_mapping.decimal_mark.minor', 'must be left out when amountUnit is minor'),
      });
  });
export type MappingCreate = z.infer<typeof mappingCreate>;

const specOut = {
  platform,
  format: z.enum(MAPPING_FORMATS),
  delimiter: z.string().nullable(),
  headerRow: z.number().int(),
  columns: z.partialRecord(z.enum(MAPPED_FIELDS), z.string()),
  statuses: z.record(z.string(), z.enum(LINE_STATUSES)),
  amountUnit: z.enum(['major', 'minor']),
  decimalMark: z.enum(['.', ',']).nullable(),
  currency: z.string().nullable(),
  timezone: z.string().nullable(),
  dateFormat: z.string(),
};

export const mappingOut = z.object({
  id: z.string(),
  name: z.string(),
  ...specOut,
  /** True once an import has used the name (it is then fixed). */
  used: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ImportMapping = z.infer<typeof mappingOut>;

export const presetOut = z.object({
  key: z.string(),
  label: z.string(),
  platform,
  mapping: z.object(specOut),
});

const rowErrorOut = z.object({
  field: z.string().optional(),
  message: z.string(),
  key: z.string(),
  params: z.record(z.string(), z.unknown()),
});

/** The preview of a file through a (partial) mapping (docs/import-mappings.md, "Preview"). */
export const previewOut = z.object({
  format: z.enum(MAPPING_FORMATS),
  headers: z.array(z.string()),
  rows: z.array(
    z.object({
      row: z.number().int(),
      cells: z.record(z.string(), z.string()),
      parsed: z.record(z.string(), z.unknown()).nullable(),
      errors: z.array(rowErrorOut),
    }),
  ),
  statusTexts: z.array(z.string()),
  suggestions: z.object({ columns: z.partialRecord(z.enum(MAPPED_FIELDS), z.string()) }),
});
export type MappingPreview = z.infer<typeof previewOut>;
export type PreviewColumns = Partial<Record<MappedField, string>>;
