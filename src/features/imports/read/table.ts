import { open } from 'node:fs/promises';
import { problem } from '../../../lib/problems/problem.js';
import { FileError } from '../import-types.js';
import { csvTable } from './csv-table.js';
import { jsonTable } from './json-table.js';
import { xlsxTable } from './xlsx-table.js';

/** One data row: its number (CSV/XLSX: file line, header = 1; JSON: 1-based record index) and cells by normalised header. */
export interface TableRow {
  row: number;
  cells: ReadonlyMap<string, string>;
  /** JSON records keep their original object (for nested fields such as `_extra.parameters`). */
  raw?: Record<string, unknown>;
}

/** A report file as a table. `rows()` may be iterated more than once (each call reads the file anew). */
export interface Table {
  kind: 'csv' | 'xlsx' | 'json';
  /** Normalised header → the header's currency suffix (`₫`), if any. */
  columns: Map<string, string | null>;
  /** CSV/XLSX: the header row's cells as written, in file order, blank ones left out (a mapping preview shows them). */
  headers?: string[];
  rows(): AsyncIterable<TableRow>;
}

/**
 * Where a CSV/XLSX table's header lies and how CSV cells are separated (a saved column mapping sets them,
 * docs/import-mappings.md): the header is the first non-blank row at or after `headerRow` (1-based, default 1).
 */
export interface TableLayout {
  headerRow?: number;
  delimiter?: string;
}

/** Opens a report by sniffing its first bytes: XLSX (zip), JSON (`{` or `[`), else CSV text. */
export async function openTable(path: string, layout: TableLayout = {}): Promise<Table> {
  const handle = await open(path, 'r');
  const head = Buffer.alloc(8);
  try {
    await handle.read(head, 0, 8, 0);
  } finally {
    await handle.close();
  }
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return xlsxTable(path, undefined, layout);
  if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new FileError(
      problem('import.file.xls'),
      'this is an old binary .xls workbook: save it as .xlsx or CSV (UTF-8) and import that',
    );
  }
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('{') || text.startsWith('[')) return jsonTable(path);
  return csvTable(path, layout);
}

/** Throws a file error naming every required column the table lacks. */
export function requireColumns(table: Table, required: Record<string, readonly string[]>): void {
  const missing = Object.entries(required)
    .filter(([, keys]) => !keys.some((key) => table.columns.has(key)))
    .map(([name]) => name);
  if (missing.length) {
    // A tab (Excel's "Unicode Text") is already folded to a space in the normalised key.
    const notComma = table.columns.size === 1 && [...table.columns.keys()][0]?.match(/[;\t| ]/);
    const hint = notComma ? ' — the file seems not to be comma-separated: save it as "CSV UTF-8 (comma delimited)"' : '';
    throw new FileError(
      problem(notComma ? 'import.file.missing_columns_not_comma' : 'import.file.missing_columns', { columns: missing }),
      `missing required column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}${hint}`,
    );
  }
}
