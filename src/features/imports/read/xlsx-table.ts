import { problem } from '../../../lib/problems/problem.js';
import { storableMessage } from '../../../lib/storable-text.js';
import { isBlankCell, normaliseHeader } from '../fields.js';
import { FileError } from '../import-types.js';
import type { Table, TableLayout, TableRow } from './table.js';
import { XLSX_LIMITS, type XlsxLimits } from './xlsx-limits.js';
import { type SheetRow, sheetRows } from './xlsx-sheet.js';
import { openWorkbook, type Workbook } from './xlsx-workbook.js';
import type { ZipEntry } from './zip-archive.js';

/** Any failure below the limits (a damaged zip, broken XML) as the file error an import answers with. */
function asFileError(error: unknown): FileError {
  if (error instanceof FileError) return error;
  const reason = storableMessage((error as Error).message);
  return new FileError(problem('import.file.xlsx_unreadable', { reason }), `the XLSX workbook cannot be read: ${reason}`);
}

async function* readable<T>(rows: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* rows;
  } catch (error) {
    throw asFileError(error);
  }
}

/** The first sheet (visible ones first, in workbook order) holding data, and its first data row. */
async function findHeader(
  workbook: Workbook,
  limits: XlsxLimits,
  headerRow: number,
): Promise<{ sheet: ZipEntry; header: SheetRow }> {
  for (const sheet of workbook.sheets) {
    for await (const header of readable(sheetRows(workbook.zip, sheet, workbook.cells, limits))) {
      if (header.number < headerRow) continue;
      return { sheet, header }; // leaving the loop stops the sheet's inflation
    }
  }
  throw new FileError(problem('import.file.xlsx_no_rows'), 'the workbook has no rows');
}

/**
 * An XLSX report as a table: the first worksheet with data, header in its first non-blank row, read as a stream.
 * The zip directory is checked against `limits` before anything is inflated.
 */
export async function xlsxTable(path: string, limits: XlsxLimits = XLSX_LIMITS, layout: TableLayout = {}): Promise<Table> {
  const workbook = await openWorkbook(path, limits).catch((error: unknown) => {
    throw asFileError(error);
  });
  const { sheet, header } = await findHeader(workbook, limits, layout.headerRow ?? 1);
  const index = new Map<string, number>();
  const columns = new Map<string, string | null>();
  header.cells.forEach((name, i) => {
    const { key, suffix } = normaliseHeader(name ?? '');
    if (key && !index.has(key)) {
      index.set(key, i);
      columns.set(key, suffix);
    }
  });
  return {
    kind: 'xlsx',
    columns,
    headers: header.cells.filter((name): name is string => name !== undefined && !isBlankCell(name)),
    async *rows(): AsyncGenerator<TableRow> {
      for await (const { number, cells } of readable(sheetRows(workbook.zip, sheet, workbook.cells, limits))) {
        if (number <= header.number) continue; // the header and anything above it
        const map = new Map<string, string>();
        for (const [key, i] of index) {
          const value = cells[i];
          if (value !== undefined && !isBlankCell(value)) map.set(key, value);
        }
        if (map.size) yield { row: number, cells: map };
      }
    },
  };
}
