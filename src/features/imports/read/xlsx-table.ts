import ExcelJS from 'exceljs';
import { normaliseHeader } from '../fields.js';
import { FileError } from '../import-types.js';
import type { Table, TableRow } from './table.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as the text a CSV export would hold (dates as wall time `YYYY-MM-DD HH:mm:ss`). */
function cellText(value: ExcelJS.CellValue): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) {
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
  }
  if (typeof value === 'number') {
    // An id stored as a number past 2^53 has lost digits already: show it the way Excel does, as damage.
    return Number.isSafeInteger(value) || !Number.isInteger(value) ? String(value) : value.toExponential(5).toUpperCase();
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
    return undefined;
  }
  return String(value);
}

async function* sheetRows(path: string): AsyncGenerator<{ number: number; cells: (string | undefined)[] }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as ExcelJS.CellValue[];
        yield { number: row.number, cells: values.slice(1).map(cellText) };
      }
      return; // the first worksheet only
    }
  } catch (error) {
    if (error instanceof FileError) throw error;
    const message = (error as Error).message;
    const detail = message === 'FILE_ENDED' ? 'the file ends early — it was cut short or is not a whole .xlsx' : message;
    throw new FileError(`the XLSX workbook cannot be read: ${detail}`);
  }
}

/** The first worksheet of an XLSX report, header in its first row, read as a stream. */
export async function xlsxTable(path: string): Promise<Table> {
  let header: (string | undefined)[] | null = null;
  for await (const first of sheetRows(path)) {
    header = first.cells;
    break;
  }
  if (!header) throw new FileError('the workbook has no rows');
  const index = new Map<string, number>();
  const columns = new Map<string, string | null>();
  header.forEach((name, i) => {
    const { key, suffix } = normaliseHeader(name ?? '');
    if (key && !index.has(key)) {
      index.set(key, i);
      columns.set(key, suffix);
    }
  });
  return {
    kind: 'xlsx',
    columns,
    async *rows(): AsyncGenerator<TableRow> {
      let first = true;
      for await (const { number, cells } of sheetRows(path)) {
        if (first) {
          first = false;
          continue;
        }
        const map = new Map<string, string>();
        for (const [key, i] of index) {
          const value = cells[i];
          if (value !== undefined && value.trim() !== '') map.set(key, value);
        }
        if (map.size) yield { row: number, cells: map };
      }
    },
  };
}
