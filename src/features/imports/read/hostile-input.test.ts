import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, test } from 'vitest';
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
    expect(rows[1]).toEqual({ row: 3, error: { field: 'productName', message: 'is longer than 500 characters' } });
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

  test('valid UTF-8 holding NUL bytes → FileError (binary data)', async () => {
    expect((await fileErrorOf(write(`${HEADER}\n\u0000\u0000\u0000`))).message).toMatch(/binary data/);
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
    ['=1+2 in grossAmount', 'grossAmount', '=1+2', 'grossMinor'],
    ['@SUM in netAmount', 'netAmount', '@SUM(A1:A9)', 'netMinor'],
    ['=HYPERLINK in netAmount', 'netAmount', '"=HYPERLINK(""x"",""1"")"', 'netMinor'],
    ['+1 in quantity', 'quantity', '+1', 'quantity'],
    ['-2 in quantity', 'quantity', '-2', 'quantity'],
    ['=2 in orderTime', 'orderTime', '=2', 'orderTime'],
  ])('in numeric fields → row error: %s', async (_name, column, value, field) => {
    const values = ROW.split(',');
    values[HEADER.split(',').indexOf(column)] = value;
    const rows = await run(write(csv(values.join(','), ROW.replace('O1', 'O2'))));
    expect(rows[0]).toEqual({ row: 2, error: { field, message: expect.stringMatching(/not a (number|whole|date)/) } });
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
