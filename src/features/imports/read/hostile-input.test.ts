import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, test } from 'vitest';
import { MAX_JSON_DEPTH } from '../../../lib/json-depth.js';
import { FileError, type ParseContext, type ParsedRow } from '../import-types.js';
import { genericParser } from '../parsers/generic.js';
import { lazadaParser } from '../parsers/lazada.js';
import type { ReportParser } from '../parsers/parser.js';
import { openTable } from './table.js';

const ctx: ParseContext = { currency: 'VND', timezone: 'Asia/Ho_Chi_Minh', skuForShopeeItem: () => undefined };
const dir = mkdtempSync(join(tmpdir(), 'kos-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function write(content: string | Uint8Array, ext = 'csv'): string {
  const path = join(dir, `hostile-${++files}.${ext}`);
  writeFileSync(path, content);
  return path;
}

/** Opens, prepares and maps every row, as an import does; a FileError may come from any of the three. */
async function run(path: string, parser: ReportParser = genericParser): Promise<ParsedRow[]> {
  const table = await openTable(path);
  const map = parser.prepare(table, ctx);
  const out: ParsedRow[] = [];
  for await (const row of table.rows()) out.push(map(row));
  return out;
}

/** The FileError an import of the file ends with (fails the test on success or on any other error). */
async function fileErrorOf(path: string, parser?: ReportParser): Promise<FileError> {
  const error = await run(path, parser).then(
    () => new Error('expected a FileError, the file was read'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FileError);
  return error as FileError;
}

const HEADER = 'platform,orderId,status,orderTime,quantity,currency,grossAmount,netAmount,productName,sku,category,creator';
const ROW = 'website,O1,pending,2026-11-01 10:00:00,1,VND,1000,1000,Serum,SRM50,Beauty,lan';
const csv = (...rows: string[]) => `${[HEADER, ...rows].join('\r\n')}\r\n`;
const ok = (rows: ParsedRow[]) => rows.filter((r) => 'line' in r).length;

describe('hostile CSV structure', () => {
  test('semicolon-separated → FileError naming the missing columns and the delimiter', async () => {
    const error = await fileErrorOf(write(csv(ROW).replace(/,/g, ';')));
    expect(error.message).toMatch(/missing required columns: platform, orderId, status/);
    expect(error.message).toMatch(/not to be comma-separated/);
  });

  test('a quoted cell never closed at the end (file cut short) → FileError', async () => {
    const error = await fileErrorOf(write(`${csv(ROW)}website,O2,pending,2026-11-01 10:00:00,1,VND,1,1,"Serum Vit`));
    expect(error.message).toMatch(/the CSV cannot be read: .*quote/i);
  });

  test('an empty file → FileError "the file is empty"', async () => {
    expect((await fileErrorOf(write(''))).message).toBe('the file is empty');
  });

  test('a header-only file → no error, 0 rows', async () => {
    expect(await run(write(`${HEADER}\r\n`))).toEqual([]);
    expect(await run(write(HEADER))).toEqual([]);
  });

  test('a 1 MB cell → a row error for that field only; the other rows import', async () => {
    const huge = 'x'.repeat(1024 * 1024);
    const rows = await run(write(csv(ROW, ROW.replace('Serum', huge), ROW.replace('O1', 'O3'))));
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(rows[1]).toEqual({
      row: 3,
      error: {
        field: 'productName',
        message: 'is longer than 500 characters',
        key: 'import.cell.too_long',
        params: { maximum: 500 },
      },
    });
    expect(ok(rows)).toBe(2);
  });
});

describe('hostile bytes', () => {
  test('random bytes → FileError (not UTF-8), never a crash', async () => {
    let seed = 42;
    const bytes = Uint8Array.from({ length: 4096 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed >> 16;
    });
    bytes[0] = 0xc3; // not `{`, `[` or `PK`: sniffed as CSV text
    bytes[1] = 0x28; // an invalid UTF-8 sequence
    expect((await fileErrorOf(write(bytes))).message).toMatch(/not UTF-8 text/);
  });

  test('a PNG → FileError (not UTF-8)', async () => {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64, 0)]);
    expect((await fileErrorOf(write(png, 'png'))).message).toMatch(/not UTF-8 text/);
  });

  test('UTF-16LE without a BOM (valid UTF-8, every other byte NUL) → FileError (binary data)', async () => {
    const error = await fileErrorOf(write(Buffer.from(csv(ROW), 'utf16le')));
    expect(error.message).toMatch(/binary data \(or UTF-16 text without a byte-order mark\)/);
  });

  test('zero-filled bytes after a header → FileError (binary data)', async () => {
    expect((await fileErrorOf(write(`${HEADER}\n${'\u0000'.repeat(4096)}`))).message).toMatch(/binary data/);
  });

  test('UTF-16LE with BOM, tab-separated (Excel "Unicode Text") → FileError that says what to do', async () => {
    const text = csv(ROW).replace(/,/g, '\t');
    const error = await fileErrorOf(write(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'txt'));
    expect(error.message).toMatch(/missing required columns: platform/);
    expect(error.message).toMatch(/not to be comma-separated.*CSV UTF-8/);
  });

  test('UTF-16LE with BOM, comma-separated → read like UTF-8', async () => {
    const text = csv(ROW.replace('Serum', 'Sữa rửa mặt'));
    const utf16 = await run(write(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])));
    expect(utf16).toEqual(await run(write(text)));
    expect(utf16[0]).toMatchObject({ row: 2, line: { productName: 'Sữa rửa mặt' } });
  });

  test('UTF-8 with and without BOM give the same rows', async () => {
    const text = csv(ROW.replace('Serum', 'Kem chống nắng'), ROW.replace('O1', 'O2'));
    const plain = await run(write(text));
    expect(await run(write(`\uFEFF${text}`))).toEqual(plain);
    expect(ok(plain)).toBe(2);
  });

  test('a UTF-8 file cut in the middle of a character → FileError', async () => {
    const bytes = Buffer.from(
      csv(`${ROW.replace('Serum', 'Sữa')}`)
        .trimEnd()
        .concat(',ữ'),
    );
    expect((await fileErrorOf(write(bytes.subarray(0, bytes.length - 1)))).message).toMatch(/cut short|not UTF-8/);
  });
});

describe('formula-looking cells', () => {
  const cells = ['=HYPERLINK("http://evil.example","click")', '+1', '-2', '@SUM(A1:A9)'];

  test('in text fields: kept as plain text, verbatim', async () => {
    const row = `website,O1,pending,2026-11-01 10:00:00,1,VND,1000,1000,"${cells[0]?.replace(/"/g, '""')}",${cells[1]},${cells[2]},${cells[3]}`;
    const [parsed] = await run(write(csv(row)));
    expect(parsed).toMatchObject({
      line: { productName: cells[0], sku: cells[1], category: cells[2], creator: cells[3] },
    });
  });

  test.each([
    ['=1+2 in grossAmount', 'grossAmount', '=1+2', 'grossMinor', 'import.cell.not_number'],
    ['@SUM in netAmount', 'netAmount', '@SUM(A1:A9)', 'netMinor', 'import.cell.not_number'],
    ['=HYPERLINK in netAmount', 'netAmount', '"=HYPERLINK(""x"",""1"")"', 'netMinor', 'import.cell.not_number'],
    ['+1 in quantity', 'quantity', '+1', 'quantity', 'import.cell.not_quantity'],
    ['-2 in quantity', 'quantity', '-2', 'quantity', 'import.cell.not_quantity'],
    ['=2 in orderTime', 'orderTime', '=2', 'orderTime', 'import.cell.not_datetime'],
  ])('in numeric fields → row error: %s', async (_name, column, value, field, key) => {
    const values = ROW.split(',');
    values[HEADER.split(',').indexOf(column)] = value;
    const rows = await run(write(csv(values.join(','), ROW.replace('O1', 'O2'))));
    expect(rows[0]).toEqual({
      row: 2,
      error: { field, message: expect.stringMatching(/not a (number|whole|date)/), key, params: expect.any(Object) },
    });
    expect(rows[1]).toHaveProperty('line');
  });
});

describe('hostile JSON and XLSX', () => {
  test('malformed JSON → FileError "malformed JSON"', async () => {
    expect((await fileErrorOf(write('{"result":{"data":[{"orderId":"1",', 'json'), lazadaParser)).message).toMatch(
      /^malformed JSON: /,
    );
  });

  test('JSON without a records array → FileError naming the expected shapes', async () => {
    const error = await fileErrorOf(write('{"result":{"rows":[]},"total":0}', 'json'), lazadaParser);
    expect(error.message).toMatch(/holds no records.*\{"data":\[…\]\}/);
  });

  test('JSON records without the required fields → FileError naming them', async () => {
    const error = await fileErrorOf(write('[{"orderId":"LZ1","sku":"S"}]', 'json'), lazadaParser);
    expect(error.message).toBe('missing required columns: subOrderId, status, conversionTime, orderAmt, currency');
  });

  test('an XLSX that is a truncated zip → FileError', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('orders');
    sheet.addRow(HEADER.split(','));
    for (let i = 0; i < 50; i++) sheet.addRow(ROW.replace('O1', `O${i}`).split(','));
    const whole = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(ok(await run(write(whole, 'xlsx')))).toBe(50);
    for (const cut of [0.2, 0.5, 0.95]) {
      const error = await fileErrorOf(write(whole.subarray(0, Math.floor(whole.length * cut)), 'xlsx'));
      expect(error.message).toMatch(/XLSX workbook cannot be read: .*cut short/);
    }
  });

  test('zip signature followed by junk → FileError', async () => {
    const junk = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    expect((await fileErrorOf(write(junk, 'xlsx'))).message).toMatch(/XLSX workbook cannot be read/);
  });
});

describe('NUL characters in cells (docs/formats.md): ids refused per row, free text cleaned', () => {
  const nulRow = (column: string, value: string) => {
    const values = ROW.split(',');
    values[HEADER.split(',').indexOf(column)] = value;
    return values.join(',');
  };

  test.each([
    ['orderId', 'orderId'],
    ['platform', 'platform'],
    ['status', 'status'],
    ['grossAmount', 'grossMinor'],
  ])('a NUL inside %s → a row error for that field; the other rows import', async (column, field) => {
    const rows = await run(write(csv(nulRow(column, 'O\u00001'), ROW.replace('O1', 'O2'))));
    expect(rows[0]).toMatchObject({ row: 2, error: { field } });
    expect(rows[1]).toHaveProperty('line');
  });

  test('an id is never cleaned: the row error says why', async () => {
    const [row] = await run(write(csv(nulRow('orderId', 'O1\u0000'))));
    expect(row).toEqual({
      row: 2,
      error: { field: 'orderId', message: 'contains a NUL character (U+0000)', key: 'import.cell.nul', params: {} },
    });
  });

  test('free text: NULs dropped, a cell of NUL padding alone is empty', async () => {
    const [row] = await run(write(csv(nulRow('productName', 'Ser\u0000um\u0000\u0000').replace(',Beauty,', ',\u0000\u0000,'))));
    expect(row).toMatchObject({ row: 2, line: { productName: 'Serum', category: null } });
  });

  test('NUL padding in the header → the columns are still found', async () => {
    const rows = await run(write(csv(ROW).replace('orderId,', 'orderId\u0000\u0000,')));
    expect(rows[0]).toMatchObject({ row: 2, line: { orderId: 'O1' } });
  });

  test('NUL padding after the last row (a fixed-size export) → a blank row, skipped', async () => {
    const rows = await run(write(`${csv(ROW)}\u0000\u0000\u0000\u0000`));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveProperty('line');
  });

  test('the same records as JSON give the same rows as CSV', async () => {
    const header = HEADER.split(',');
    const records = [nulRow('productName', 'Ser\u0000um'), nulRow('orderId', 'O\u00002'), ROW.replace('O1', 'O3')].map((r) =>
      Object.fromEntries(r.split(',').map((v, i) => [header[i], v])),
    );
    const fromJson = await run(write(JSON.stringify(records), 'json'));
    const fromCsv = await run(write(csv(...records.map((r) => Object.values(r).join(',')))));
    // Row numbers differ by design (JSON: record index; CSV: file line): compare what each row became.
    const outcome = (r: ParsedRow) => ('line' in r ? r.line : 'error' in r ? r.error : r.skip);
    expect(fromJson.map(outcome)).toEqual(fromCsv.map(outcome));
    expect(fromJson.map((r) => Object.keys(r)[1])).toEqual(['line', 'error', 'line']);
  });

  test('a lone surrogate (only JSON can carry one): id → row error, free text → U+FFFD', async () => {
    const record = Object.fromEntries(ROW.split(',').map((v, i) => [HEADER.split(',')[i], v]));
    const rows = await run(
      write(
        JSON.stringify([
          { ...record, productName: 'Serum \uD83D' },
          { ...record, orderId: 'O\uDC002' },
        ]),
        'json',
      ),
    );
    expect(rows[0]).toMatchObject({ line: { productName: 'Serum \uFFFD' } });
    expect(rows[1]).toEqual({
      row: 2,
      error: {
        field: 'orderId',
        message: 'is not well-formed Unicode (a lone surrogate)',
        key: 'import.cell.lone_surrogate',
        params: {},
      },
    });
  });
});

describe('file errors quoting a NUL (the reason is stored with the import)', () => {
  test('JSON: a raw NUL byte → "malformed JSON" showing it as \\u0000', async () => {
    const error = await fileErrorOf(write('[{"orderId":"LZ1"},\u0000]', 'json'), lazadaParser);
    expect(error.message).toMatch(/^malformed JSON: .*\\u0000/);
    expect(error.message).not.toContain('\u0000');
  });
});

describe('deeply nested JSON reports', () => {
  const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  test('200 000 levels → FileError naming the limit, no RangeError', async () => {
    const error = await fileErrorOf(write(`{"result":{"data":[{"orderId":"LZ1","x":${deep(200_000)}}]}}`, 'json'), lazadaParser);
    expect(error.message).toBe(`the JSON is nested deeper than ${MAX_JSON_DEPTH} levels`);
  });

  test('brackets inside strings do not count; nesting up to the limit reads', async () => {
    // {result:{data:[{nested:…}]}} is four levels before `nested`: this document is exactly at the limit.
    const record = { orderId: 'LZ1', note: '[[[[{{{{\\"'.repeat(100), nested: JSON.parse(deep(MAX_JSON_DEPTH - 4)) };
    const table = await openTable(write(JSON.stringify({ result: { data: [record] } }), 'json'));
    expect(table.columns.has('nested')).toBe(true);
  });
});
