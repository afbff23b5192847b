/**
 * Problems of imports: the upload, a file that cannot be read (`import.file.*`, the import fails), an import
 * that stopped for another reason (`import.failed.*`, its report's `failedKey`), one bad row of a report
 * (`import.cell.*`, the row is rejected and listed in the report), and the signed webhook.
 */
export const IMPORT_PROBLEMS = {
  'import.upload.not_multipart': 'send the report as multipart/form-data with fields `source` and `file`',
  'import.upload.several_files': 'send one file per import',
  'import.upload.too_large': 'the file is larger than the upload limit (KOS_MAX_UPLOAD_MB)',

  'import.file.empty': 'the file is empty',
  'import.file.xls': 'this is an old binary .xls workbook: save it as .xlsx or CSV (UTF-8) and import that',
  'import.file.missing_columns': 'missing required column(s): {{columns, list}}',
  'import.file.missing_columns_not_comma':
    'missing required column(s): {{columns, list}} — the file seems not to be comma-separated: save it as "CSV UTF-8 (comma delimited)"',
  'import.file.not_utf8': 'the file is not UTF-8 text (undecodable bytes near byte {{offset, number}}); export it as CSV UTF-8',
  'import.file.binary': 'the file holds binary data (or UTF-16 text without a byte-order mark), not CSV text',
  'import.file.truncated': 'the file ends in the middle of a character: it was cut short',
  'import.file.csv_unreadable': 'the CSV cannot be read: {{reason}}',
  'import.file.json_not_utf8': 'malformed JSON: the file is not UTF-8 text',
  'import.file.json_malformed': 'malformed JSON: {{reason}}',
  'import.file.json_too_deep': 'the JSON is nested deeper than {{maxDepth}} levels',
  'import.file.json_no_records': 'the JSON holds no records: expected an array, {"data":[…]} or {"result":{"data":[…]}}',
  'import.file.xlsx_unreadable': 'the XLSX workbook cannot be read: {{reason}}',
  'import.file.xlsx_not_workbook': 'the file is a zip but not an Excel workbook (it has no xl/workbook.xml)',
  'import.file.xlsx_no_worksheet': 'the workbook has no worksheet',
  'import.file.xlsx_no_rows': 'the workbook has no rows',
  'import.file.xlsx_column_beyond': "cell {{cell}} lies beyond Excel's last column (XFD)",
  'import.file.xlsx_shared_string': 'a cell refers to shared string {{index}}, which the workbook does not hold',
  'import.file.xlsx_unpacked_too_large':
    'the workbook unpacks to more than {{limitMb, number}} MB (limit {{limitMb, number}} MB; its parts declare {{declaredMb, number}} MB): split the report into smaller files',
  'import.file.xlsx_too_many_cells':
    'the worksheet holds more than {{maxCells, number}} cells (its dimension {{dimension}} says {{cells, number}}; limit {{maxCells, number}}): split the report',
  'import.file.xlsx_too_many_cells_read':
    'the worksheet holds more than {{maxCells, number}} cells (limit {{maxCells, number}}): split the report',

  'import.failed.stopped_before_start': 'the server stopped before this import started; import the file again',
  'import.failed.stopped_during':
    'the server stopped during this import after {{rows, number}} rows were committed; import the file again to finish it (nothing is duplicated)',
  'import.failed.unexpected': 'the import stopped on an unexpected error',

  'import.cell.empty': 'is empty',
  'import.cell.nul': 'contains a NUL character (U+0000)',
  'import.cell.lone_surrogate': 'is not well-formed Unicode (a lone surrogate)',
  'import.cell.too_long': 'is longer than {{maximum, number}} characters',
  'import.cell.too_large': 'is too large',
  'import.cell.excel_rounded': '"{{value}}" was turned into a rounded number by Excel; export the original file again',
  'import.cell.excel_overflow': '"{{value}}" is Excel\'s overflow mark; export the original file again',
  'import.cell.not_number': '"{{value}}" is not a number (use . as the decimal point, no grouping)',
  'import.cell.not_minor_units': '"{{value}}" is not a whole number of minor units',
  'import.cell.not_quantity': '"{{value}}" is not a whole quantity of at least 1',
  'import.cell.not_datetime': '"{{value}}" is not a date-time {{format}}',
  'import.cell.not_datetime_excel': '"{{value}}" is not a date-time {{format}} (a date reformatted by Excel?)',
  'import.cell.not_real_datetime': '"{{value}}" is not a real date-time',
  'import.cell.not_boolean': '"{{value}}" is not true or false',
  'import.cell.not_yes_no': '"{{value}}" is not Yes or No',
  'import.cell.not_zero_one': '"{{value}}" is not 0 or 1',
  'import.cell.not_option': '"{{value}}" is not one of {{options, list(type: disjunction)}}',
  'import.cell.not_json': '"{{value}}" is not JSON',
  'import.cell.not_json_object': 'is not a JSON object',
  'import.cell.unknown_status': 'unknown status "{{value}}"',
  'import.cell.currency_mismatch': "currency {{currency}} differs from the organisation's {{orgCurrency}}",
  'import.cell.currency_missing': "currency (empty) differs from the organisation's {{orgCurrency}}",
  'import.cell.price_overflow': 'price × quantity is too large',
  'import.cell.refunded_items': '"{{value}}" is not a whole number of refunded items between 0 and {{sold, number}} (items sold)',
  'import.row.other_kos': 'this line was imported for KOS {{kos}}; import it for that KOS, or reassign the line first',
  'import.shopee.no_currency_suffix': 'the money headers carry no currency suffix such as (₫)',
  'import.shopee.mixed_currencies': 'the money headers mix currencies: {{suffixes, list}}',
  'import.shopee.unknown_currency_suffix': 'unknown currency suffix ({{suffix}})',
  'import.shopee.commission_mismatch': '{{total}} is not Item Shopee Commission {{shopee}} + Item Seller Commission {{seller}}',
  'import.line.not_object': 'a line must be a JSON object',

  'webhook.body.too_deep': 'nests deeper than {{maxDepth}} levels',
  'webhook.body.not_json': 'is not valid JSON',
  'webhook.lines.too_many': 'at most {{maximum, number}} lines per call',
  'webhook.replay':
    'this signed request was already accepted in the last {{windowSeconds}} s (a replay): sign each new request with the current X-Kos-Timestamp',
  'webhook.signature.no_secret': 'the org has no webhookSecret: set one with PATCH /api/v1/org {"webhookSecret": "…"}',
  'webhook.signature.unsigned': 'unsigned request: send X-Kos-Timestamp and X-Kos-Signature (see docs/webhooks.md)',
  'webhook.signature.missing_timestamp': 'missing X-Kos-Timestamp header (unix seconds)',
  'webhook.signature.malformed_timestamp': 'X-Kos-Timestamp must be unix seconds: 1 to 12 digits, not milliseconds',
  'webhook.signature.missing_signature': 'missing X-Kos-Signature header',
  'webhook.signature.malformed_signature': 'X-Kos-Signature must be sha256=<64 hex digits>',
  'webhook.signature.timestamp_outside_window':
    "X-Kos-Timestamp is more than {{toleranceSeconds}} s from the server's clock: sign every request, retries included, with the current time (server time {{serverTime}})",
  'webhook.signature.signature_mismatch':
    'X-Kos-Signature does not match: it must be the hex HMAC-SHA256 of "<X-Kos-Timestamp>.<raw body>" with the org\'s webhookSecret',
} as const;
