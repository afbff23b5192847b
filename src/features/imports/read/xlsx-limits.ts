import { problem } from '../../../lib/problems/problem.js';
import { FileError } from '../import-types.js';
import { megabytes, type ZipArchive } from './zip-archive.js';

/** How much an XLSX import may unpack and hold, so a small hostile file cannot exhaust memory. */
export interface XlsxLimits {
  /** The sum of the sizes the zip directory declares for all parts (each part is also held to its own). */
  maxUnpackedBytes: number;
  /** Cells of the worksheet read: from its `<dimension>` before reading, and counted while streaming. */
  maxCells: number;
}

export const XLSX_LIMITS: Readonly<XlsxLimits> = Object.freeze({
  // A real 100 000-line platform report unpacks to 30–60 MB.
  maxUnpackedBytes: 200 * 1024 * 1024,
  // 100 000 lines × 50 columns.
  maxCells: 5_000_000,
});

const count = (n: number) => n.toLocaleString('en-US');

/** Refuses a workbook whose parts declare more bytes than the limit, before anything is inflated. */
export function checkUnpackedSize(zip: ZipArchive, limits: XlsxLimits): void {
  const total = zip.entries.reduce((sum, entry) => sum + entry.size, 0);
  if (total > limits.maxUnpackedBytes) {
    const limit = megabytes(limits.maxUnpackedBytes);
    throw new FileError(
      problem('import.file.xlsx_unpacked_too_large', {
        limitMb: Number.parseInt(limit, 10),
        declaredMb: Number.parseInt(megabytes(total), 10),
      }),
      `the workbook unpacks to more than ${limit} (limit ${limit}; its parts declare ${megabytes(total)}): split the report into smaller files`,
    );
  }
}

/** The cell count of a `<dimension ref="A1:Z100">` (a single cell `A1` counts 1); undefined when unreadable. */
export function dimensionCells(ref: string): number | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
  if (!match) return undefined;
  const [, c1 = '', r1 = '', c2 = c1, r2 = r1] = match;
  const columns = Math.abs(columnIndex(c2) - columnIndex(c1)) + 1;
  return columns * (Math.abs(Number(r2) - Number(r1)) + 1);
}

/** The 0-based index of column letters (`A` → 0, `XFD` → 16 383). */
export function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + letter.charCodeAt(0) - 64;
  return index - 1;
}

/** Refuses a worksheet whose dimension says it holds more cells than the limit (before a cell is read). */
export function checkDimension(ref: string, limits: XlsxLimits): void {
  const cells = dimensionCells(ref);
  if (cells !== undefined && cells > limits.maxCells) {
    throw new FileError(
      problem('import.file.xlsx_too_many_cells', { maxCells: limits.maxCells, dimension: ref, cells }),
      `the worksheet holds more than ${count(limits.maxCells)} cells (its dimension ${ref} says ${count(cells)}; limit ${count(limits.maxCells)}): split the report`,
    );
  }
}

/** The error for a worksheet found, while streaming, to hold more cells than the limit (its dimension lied or was absent). */
export const tooManyCells = (limits: XlsxLimits) =>
  new FileError(
    problem('import.file.xlsx_too_many_cells_read', { maxCells: limits.maxCells }),
    `the worksheet holds more than ${count(limits.maxCells)} cells (limit ${count(limits.maxCells)}): split the report`,
  );
