import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { CanonicalLine } from '../orders/lines.js';
import type { ParsedRow } from './import-types.js';
import { byKey, mergeSorted } from './sorted-runs.js';
import { StagedFileWriter, stagedFileLines } from './staged-file.js';

/**
 * Staged rows (docs/imports.md, "Speed"): the file is read and mapped once, its parsed rows written to
 * temporary files; only when the whole file was read (no file error) are they stored, read back from there.
 * So a file error part-way still stores nothing, without a second pass over the file. A line row is one
 * JSON array of its values in LINE_KEYS order (compact, and quick to read back); any other row — a row
 * error, a skip, or a line with a value JSON cannot carry exactly (undefined, NaN) — is a v8 record.
 *
 * A file of more than RUN_ROWS rows comes back in order-id order, not file order (an external merge sort:
 * runs of RUN_ROWS rows, each sorted in memory and written to its own file, merged when read back). Each
 * chunk then stores a narrow range of order ids — and, as platforms' order ids grow with time, of order times — so the
 * database writes a few neighbouring index pages per chunk instead of a page per line. Rows of one order
 * keep their file order (the sort is stable), and rows without a line (row errors, skips) come first,
 * in file order; lines of different orders do not depend on each other when stored.
 */
const LINE_KEYS = [
  'platform',
  'orderId',
  'lineKey',
  'status',
  'rawStatus',
  'orderTime',
  'completedTime',
  'sku',
  'productName',
  'category',
  'quantity',
  'grossMinor',
  'netMinor',
  'refundMinor',
  'platformCommissionMinor',
  'currency',
  'subIds',
  'creator',
  'voucher',
  'contentType',
  'newBuyer',
] as const satisfies readonly (keyof CanonicalLine)[];

// Every field of CanonicalLine must be listed, or it would be lost on the way through the file.
type Unlisted = Exclude<keyof CanonicalLine, (typeof LINE_KEYS)[number]>;
const allListed: [Unlisted] extends [never] ? true : never = true;
void allListed;

const exact = (value: unknown): boolean =>
  value === null ||
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value)) ||
  (Array.isArray(value) && value.every((v) => typeof v === 'string'));

function encode(row: ParsedRow): string {
  if ('line' in row) {
    const values: unknown[] = [row.row];
    let plain = Object.keys(row.line).length === LINE_KEYS.length;
    for (const key of LINE_KEYS) {
      const value = row.line[key];
      if (!exact(value)) plain = false;
      values.push(value);
    }
    if (plain) return JSON.stringify(values);
  }
  return JSON.stringify({ v8: serialize(row).toString('base64') });
}

function decode(text: string): ParsedRow {
  const value = JSON.parse(text) as unknown[] | { v8: string };
  if (!Array.isArray(value)) return deserialize(Buffer.from(value.v8, 'base64')) as ParsedRow;
  return { row: value[0] as number, line: lineOf(value) };
}

/**
 * A staged line's values (LINE_KEYS order, after the row number) as a CanonicalLine, built as one literal:
 * one object shape for every line (docs/imports.md, "Speed"). The order is LINE_KEYS', checked below.
 */
const lineOf = (v: unknown[]): CanonicalLine =>
  ({
    platform: v[1],
    orderId: v[2],
    lineKey: v[3],
    status: v[4],
    rawStatus: v[5],
    orderTime: v[6],
    completedTime: v[7],
    sku: v[8],
    productName: v[9],
    category: v[10],
    quantity: v[11],
    grossMinor: v[12],
    netMinor: v[13],
    refundMinor: v[14],
    platformCommissionMinor: v[15],
    currency: v[16],
    subIds: v[17],
    creator: v[18],
    voucher: v[19],
    contentType: v[20],
    newBuyer: v[21],
  }) as CanonicalLine;

// lineOf reads the values in LINE_KEYS order: the two lists must name the same keys in the same order.
const literalKeys = Object.keys(lineOf([]));
if (literalKeys.join() !== LINE_KEYS.join()) throw new Error('staged-rows: lineOf and LINE_KEYS disagree');

/** Rows a sorted run holds (a few hundred characters each, staged: a run holds a few MB while it is sorted). */
export const RUN_ROWS = 10_000;
/** Runs merged at once at most: a file of more than RUN_ROWS × FAN_IN rows merges runs while it is staged. */
export const FAN_IN = 100;

/** The order a row is stored in: its order id; rows without a line first. */
const sortKey = (row: ParsedRow): string => ('line' in row ? row.line.orderId : '');

/**
 * The key as a string of its own: a cell read from the file may be a slice that keeps the whole 32 KB
 * piece of text it came from alive for as long as the run holds its key.
 */
const ownKey = (key: string): string => (key.length < 13 ? key : Buffer.from(key).toString());

export interface StagedRows {
  /** Data rows read from the file (lines, row errors and skips). */
  total: number;
  /**
   * The rows: of a file of one run, in file order; of a longer file, those without a line in file order,
   * then the lines by order id, each order's in file order.
   */
  replay(): AsyncGenerator<ParsedRow>;
  /** Removes the temporary files. */
  dispose(): Promise<void>;
}

export interface StageOptions {
  runRows?: number;
  fanIn?: number;
  /** Where the import's temporary folder goes (the system's by default). */
  tempDir?: string;
}

/** Reads every row of the file into sorted runs on disk; a file error throws here, before anything is stored. */
export async function stageRows(
  rows: AsyncIterable<ParsedRow>,
  { runRows = RUN_ROWS, fanIn = FAN_IN, tempDir = tmpdir() }: StageOptions = {},
): Promise<StagedRows> {
  const dir = await mkdtemp(join(tempDir, 'kos-import-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  // The runs in file order; a run of level n holds fanIn^n runs' rows.
  const runs: { path: string; level: number }[] = [];
  let files = 0;
  const writeFile = (texts: Iterable<string>): string => {
    const path = join(dir, `run-${files++}.ndjson`);
    const file = new StagedFileWriter(path);
    try {
      for (const text of texts) file.line(text);
    } finally {
      file.close();
    }
    return path;
  };
  let run: { key: string; text: string }[] = [];
  // As a counter carries: before a run is added after fanIn runs of one level, those are merged into one
  // run of the next level — so the replay never opens more than about fanIn runs per level at once.
  const carry = () => {
    for (;;) {
      const last = runs.slice(-fanIn);
      const level = last[0]?.level ?? 0;
      if (last.length < fanIn || last.some((r) => r.level !== level)) return;
      const merged = mergeSorted(
        last.map((r) => stagedFileLines(r.path)),
        (text) => sortKey(decode(text)),
      );
      const path = writeFile(merged);
      for (const r of last) rmSync(r.path);
      runs.splice(-fanIn, fanIn, { path, level: level + 1 });
    }
  };
  const writeRun = (sorted = true) => {
    carry();
    if (sorted) run.sort(byKey);
    runs.push({ path: writeFile(mapped(run, (r) => r.text)), level: 0 });
    run = [];
  };
  let total = 0;
  try {
    for await (const row of rows) {
      if (run.length >= runRows) writeRun();
      run.push({ key: ownKey(sortKey(row)), text: encode(row) });
      total += 1;
    }
    // A file of one run (most files) stays in file order: its few chunks gain nothing from the sort.
    if (run.length > 0) writeRun(runs.length > 0);
  } catch (error) {
    await dispose();
    throw error;
  }
  return {
    total,
    dispose,
    async *replay() {
      let count = 0;
      const sources = runs.map((r) => mapped(stagedFileLines(r.path), decode));
      for (const row of mergeSorted(sources, sortKey)) {
        yield row;
        // A turn of the event loop now and then: V8 finishes its incremental garbage collection in tasks
        // that run only then (without them the peak RSS of a fresh 200 000-line import rose by ~30 MB).
        if (++count % 1000 === 0) await new Promise(setImmediate);
      }
    },
  };
}

function* mapped<A, B>(items: Iterable<A>, map: (item: A) => B): Generator<B> {
  for (const item of items) yield map(item);
}
