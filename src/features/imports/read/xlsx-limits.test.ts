import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { FileError } from '../import-types.js';
import { openTable } from './table.js';
import { rowXml, sheetXml, text, workbookEntries } from './xlsx-fixture.js';
import { XLSX_LIMITS } from './xlsx-limits.js';
import { xlsxTable } from './xlsx-table.js';
import { entryChunks, openZip } from './zip-archive.js';
import { type FixtureEntry, repeatedDeflate, zipOf } from './zip-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'kos-xlsx-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function save(entries: FixtureEntry[]): string {
  const path = join(dir, `limits-${++files}.xlsx`);
  writeFileSync(path, zipOf(entries));
  return path;
}

/** Opens the workbook and reads every row, as an import does; resolves to the error it ends with. */
async function failureOf(path: string, open = openTable): Promise<unknown> {
  try {
    for await (const _ of (await open(path)).rows());
  } catch (error) {
    return error;
  }
  throw new Error('expected the workbook to be refused');
}

const MiB = 1024 * 1024;
const SHEET = sheetXml([rowXml(1, [{ t: 's', inner: '<v>0</v>' }]), rowXml(2, [text('O1')])]);

/**
 * A 1 GiB shared-strings part (one string of repeated text) that zips to about 1 MB; `declaredSize` makes the
 * zip directory lie about it. Built from one deflated megabyte repeated, so the test never holds the gigabyte.
 */
function bomb(declaredSize?: number): FixtureEntry[] {
  const sst = repeatedDeflate('<sst xmlns="x"><si><t>', 'kos '.repeat(MiB / 4), 1024, '</t></si></sst>');
  const entries = workbookEntries({ sheets: [{ name: 'Orders', xml: SHEET }], sharedStrings: ['orderId'] });
  return entries.map((e) => (e.name === 'xl/sharedStrings.xml' ? { ...e, deflated: sst, declaredSize } : e));
}

describe('XLSX zip bombs', () => {
  test('shared strings declared at 1 GiB (a 1 MB file) → FileError naming the 200 MB limit, before inflating', async () => {
    const path = save(bomb());
    const started = performance.now();
    const error = await failureOf(path);
    expect(error).toBeInstanceOf(FileError);
    expect((error as FileError).message).toMatch(/^the workbook unpacks to more than 200 MB \(limit 200 MB/);
    expect(XLSX_LIMITS.maxUnpackedBytes).toBe(200 * MiB);
    // Inflating and scanning the gigabyte takes many seconds (and exceljs 1.6 GB of memory); refusing takes none.
    expect(performance.now() - started).toBeLessThan(2000);
  });

  test('a directory that lies (declares 1 MB, inflates to 1 GiB) → FileError; inflation stops at the declared size', async () => {
    const path = save(bomb(MiB));
    const error = await failureOf(path);
    expect(error).toBeInstanceOf(FileError);
    expect((error as FileError).message).toMatch(
      /xl\/sharedStrings\.xml unpacks to more than the 1 MB its zip directory declares/,
    );

    const zip = await openZip(path);
    const entry = zip.find('xl/sharedStrings.xml');
    if (!entry) throw new Error('no shared strings entry');
    let inflated = 0;
    await expect(
      (async () => {
        for await (const chunk of entryChunks(zip, entry)) inflated += chunk.length;
      })(),
    ).rejects.toThrow(/declares/);
    expect(inflated).toBeLessThanOrEqual(MiB);
  });
});

describe('XLSX cell limits', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => rowXml(i + 1, [text(`c${i}`), text('x'), text('y')]));

  test('a dimension above 5 000 000 cells → FileError before any cell is read', async () => {
    const xml = sheetXml(rows(3), { dimension: 'A1:XFD1048576' });
    const error = await failureOf(save(workbookEntries({ sheets: [{ name: 'Big', xml }] })));
    expect(error).toBeInstanceOf(FileError);
    expect((error as FileError).message).toMatch(/more than 5,000,000 cells \(its dimension A1:XFD1048576 says/);
    expect(XLSX_LIMITS.maxCells).toBe(5_000_000);
  });

  test('more cells than the limit while streaming (the dimension lies) → FileError', async () => {
    const xml = sheetXml(rows(10), { dimension: 'A1:C2' });
    const path = save(workbookEntries({ sheets: [{ name: 'Lies', xml }] }));
    const error = await failureOf(path, (p) => xlsxTable(p, { ...XLSX_LIMITS, maxCells: 20 }));
    expect(error).toBeInstanceOf(FileError);
    expect((error as FileError).message).toMatch(/the worksheet holds more than 20 cells \(limit 20\)/);
    const within = await failureOf(path, (p) => xlsxTable(p, { ...XLSX_LIMITS, maxCells: 30 })).catch((e) => e);
    expect(String(within)).toMatch(/expected the workbook to be refused/);
  });
});
