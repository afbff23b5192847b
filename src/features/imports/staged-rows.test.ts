import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { CanonicalLine } from '../orders/lines.js';
import type { ParsedRow } from './import-types.js';
import { mergeSorted } from './sorted-runs.js';
import { stageRows } from './staged-rows.js';

// Staged rows come back in order-id order (docs/imports.md, "Speed"): an external merge sort of the file's
// rows that keeps the file order of each order's rows and puts rows without a line first.

const line = (orderId: string, lineKey: string, grossMinor: number): CanonicalLine => ({
  platform: 'shopee',
  orderId,
  lineKey,
  status: 'completed',
  rawStatus: 'Completed',
  orderTime: 1_790_000_000_000,
  completedTime: null,
  sku: null,
  productName: 'Sữa rửa mặt 台灯',
  category: null,
  quantity: 1,
  grossMinor,
  netMinor: grossMinor,
  refundMinor: 0,
  platformCommissionMinor: null,
  currency: 'VND',
  subIds: ['BK00001'],
  creator: null,
  voucher: null,
  contentType: null,
  newBuyer: null,
});

/** Code-unit order of two strings (the order the staged rows are sorted in). */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

async function* each(rows: ParsedRow[]) {
  yield* rows;
}

const replayAll = async (rows: ParsedRow[], runRows: number, fanIn = 100): Promise<ParsedRow[]> => {
  const staged = await stageRows(each(rows), { runRows, fanIn });
  try {
    const out: ParsedRow[] = [];
    for await (const row of staged.replay()) out.push(row);
    expect(staged.total).toBe(rows.length);
    return out;
  } finally {
    await staged.dispose();
  }
};

/** What the replay must give: a file of one run as it is; else rows without a line, then lines by order id (stable). */
const expected = (rows: ParsedRow[], runRows: number): ParsedRow[] => {
  if (rows.length <= runRows) return rows;
  const key = (r: ParsedRow) => ('line' in r ? r.line.orderId : '');
  return [...rows].sort((a, b) => compare(key(a), key(b)));
};

describe('the merge of sorted runs', () => {
  test('gives every item in key order, equal keys in source order then each source’s own (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.tuple(fc.string({ maxLength: 3 }), fc.nat()), { maxLength: 30 }), { maxLength: 8 }),
        (runs) => {
          const sorted = runs.map((run) => [...run].sort((a, b) => compare(a[0], b[0])));
          const merged = [
            ...mergeSorted(
              sorted.map((run) => run[Symbol.iterator]()),
              (item) => item[0],
            ),
          ];
          const stable = sorted.flat().sort((a, b) => compare(a[0], b[0]));
          expect(merged).toEqual(stable);
        },
      ),
    );
  });

  test('closes every source when the reader stops early', () => {
    const closed: number[] = [];
    const source = (n: number) =>
      (function* () {
        try {
          yield `a${n}`;
          yield `b${n}`;
        } finally {
          closed.push(n);
        }
      })();
    for (const item of mergeSorted([source(1), source(2), source(3)], (s) => s)) if (item === 'a2') break;
    expect(closed.sort()).toEqual([1, 2, 3]);
  });
});

describe('staged rows', () => {
  const rows: ParsedRow[] = [
    { row: 2, line: line('260903BB', '1', 100) },
    { row: 3, error: { field: 'orderTime', message: 'not a time', key: 'import.row.time', params: {} } as never },
    { row: 4, line: line('260901AA', '1', 200) },
    { row: 5, line: line('260903BB', '2', 300) },
    { row: 6, skip: 'another creator' },
    { row: 7, line: line('260902CC', '1', 400) },
    { row: 8, line: line('260903BB', '1', 500) }, // the same key as row 2, later in the file: stays after it
    { row: 9, line: { ...line('260901AA', '2', 600), grossMinor: Number.NaN } }, // a v8 record, not JSON
    { row: 10, line: line('260901AA', '3', 700) },
  ];

  test.each([
    [1, 100],
    [2, 100],
    [3, 100],
    [8, 100],
    [1, 2],
    [2, 3],
  ])('come back sorted by order id, each order in file order (runs of %i rows, %i merged at once)', async (runRows, fanIn) => {
    const out = await replayAll(rows, runRows, fanIn);
    expect(out.map((r) => r.row)).toEqual([3, 6, 4, 9, 10, 7, 2, 5, 8]);
    expect(out).toEqual(expected(rows, runRows));
  });

  test('a file of one run comes back in file order', async () => {
    expect((await replayAll(rows, 9)).map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  test('any rows, run sizes and merges while staged: the replay is the stable sort of the file by order id (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('A1', 'A2', 'B1', 'Ü', '台', ''), fc.integer({ min: 0, max: 3 })), { maxLength: 40 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 2, max: 4 }),
        async (cells, runRows, fanIn) => {
          const input: ParsedRow[] = cells.map(([orderId, n], i) =>
            n === 0 ? { row: i + 2, skip: 'x' } : { row: i + 2, line: line(orderId || 'Z', String(n), i) },
          );
          expect(await replayAll(input, runRows, fanIn)).toEqual(expected(input, runRows));
        },
      ),
      { numRuns: 60 },
    );
  });

  test('a file error while staging removes the runs written so far, and a replay stopped early frees them', async () => {
    // A temporary folder of this test's own: other test files' imports stage beside it in the system one.
    const tempDir = mkdtempSync(join(tmpdir(), 'kos-staged-rows-'));
    try {
      async function* failing() {
        yield* rows;
        throw new Error('cut short');
      }
      await expect(stageRows(failing(), { runRows: 2, tempDir })).rejects.toThrow('cut short');
      expect(readdirSync(tempDir)).toEqual([]);
      const openFiles = () => readdirSync('/proc/self/fd').length;
      const fds = openFiles();
      const staged = await stageRows(each(rows), { runRows: 2, tempDir });
      for await (const row of staged.replay()) if (row.row === 4) break;
      expect(openFiles()).toBe(fds); // the five runs' files are closed
      expect(readdirSync(tempDir)).toHaveLength(1);
      await staged.dispose();
      expect(readdirSync(tempDir)).toEqual([]);
    } finally {
      rmSync(tempDir, { recursive: true, force: true });
    }
  });
});
