import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { CanonicalLine } from '../orders/lines.js';
import type { ParsedRow } from './import-types.js';
import { StagedFileWriter, stagedFileLines } from './staged-file.js';

/**
 * Staged rows (docs/imports.md, "Speed"): the file is read and mapped once, its parsed rows written to a
 * temporary file; only when the whole file was read (no file error) are they stored, read back from there.
 * So a file error part-way still stores nothing, without a second pass over the file. A line row is one
 * JSON array of its values in LINE_KEYS order (compact, and quick to read back); any other row — a row
 * error, a skip, or a line with a value JSON cannot carry exactly (undefined, NaN) — is a v8 record.
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

export interface StagedRows {
  /** Data rows read from the file (lines, row errors and skips). */
  total: number;
  /** The rows, in file order. */
  replay(): AsyncGenerator<ParsedRow>;
  /** Removes the temporary file. */
  dispose(): Promise<void>;
}

/** Reads every row of the file into a temporary file; a file error throws here, before anything is stored. */
export async function stageRows(rows: AsyncIterable<ParsedRow>): Promise<StagedRows> {
  const dir = await mkdtemp(join(tmpdir(), 'kos-import-'));
  const path = join(dir, 'rows.ndjson');
  const dispose = () => rm(dir, { recursive: true, force: true });
  let total = 0;
  try {
    const file = new StagedFileWriter(path);
    try {
      for await (const row of rows) {
        file.line(encode(row));
        total += 1;
      }
    } finally {
      file.close();
    }
  } catch (error) {
    await dispose();
    throw error;
  }
  return {
    total,
    dispose,
    async *replay() {
      let count = 0;
      for (const text of stagedFileLines(path)) {
        yield decode(text);
        // A turn of the event loop now and then: V8 finishes its incremental garbage collection in tasks
        // that run only then (without them the peak RSS of a fresh 200 000-line import rose by ~30 MB).
        if (++count % 1000 === 0) await new Promise(setImmediate);
      }
    },
  };
}
