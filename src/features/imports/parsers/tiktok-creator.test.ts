import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, test } from 'vitest';
import type { CanonicalLine } from '../../orders/lines.js';
import { FileError, type ParseContext, type ParsedRow } from '../import-types.js';
import { openTable } from '../read/table.js';
import { creatorAmount, refundShare, tiktokCreatorParser } from './tiktok-creator.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', '..', 'test', 'fixtures', 'tiktok-creator');
const VI = join(FIXTURES, 'tiktok_creator_vi.csv');
const EN = join(FIXTURES, 'tiktok_creator_en.csv');
const ctx: ParseContext = {
  currency: 'VND',
  timezone: 'Asia/Ho_Chi_Minh',
  skuForShopeeItem: () => undefined,
  skuForTiktokSku: (id) => (id === '137047019999' ? 'LIP01' : undefined),
};
const dir = mkdtempSync(join(tmpdir(), 'kos-tiktok-creator-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function parse(path: string, context = ctx): Promise<ParsedRow[]> {
  const table = await openTable(path);
  const map = tiktokCreatorParser.prepare(table, context);
  const out: ParsedRow[] = [];
  for await (const row of table.rows()) out.push(map(row));
  return out;
}
const lineOf = (row: ParsedRow | undefined): CanonicalLine => {
  if (!row || !('line' in row)) throw new Error(`not a line: ${JSON.stringify(row)}`);
  return row.line;
};
const at = (wall: string) => Date.parse(`${wall.replace(' ', 'T')}+07:00`);

describe('creatorAmount (dot thousands, `/`)', () => {
  test.each([
    ['100.000', 0, 100_000],
    ['1.598.000', 0, 1_598_000],
    ['229000', 0, 229_000],
    ['1,234,567', 0, 1_234_567],
    ['12,5', 2, 1250],
    ['1.234,56', 2, 123_456],
    ['1,234.56', 2, 123_456],
    ['12.5', 2, 1250],
    ['-2.290', 0, -2290],
    ['', 0, 0],
  ])('%s (%i digits) → %i', (text, digits, minor) => {
    expect(creatorAmount(text, digits, 'GMV')).toBe(minor);
  });
  test('a required empty amount and text that is no number are row errors naming the field', () => {
    expect(() => creatorAmount('', 0, 'GMV', true)).toThrow(/empty/);
    expect(() => creatorAmount('12.34.5', 0, 'GMV')).toThrow(/not a number/);
  });
});

describe('refundShare = round(net × refunded ÷ sold)', () => {
  test.each([
    [100_000, 1, 3, 33_333],
    [200_000, 1, 3, 66_667],
    [500_000, 2, 2, 500_000],
    [5, 1, 2, 3],
    [229_000, 0, 1, 0],
    [Number.MAX_SAFE_INTEGER, 1, 1, Number.MAX_SAFE_INTEGER],
  ])('net %i, %i of %i refunded → %i', (net, refunded, sold, refund) => {
    expect(refundShare(net, refunded, sold)).toBe(refund);
  });
});

describe('tiktok_creator parser', () => {
  test('the Vietnamese export: fields, `/` cells, day-first dates in the org zone, statuses', async () => {
    const rows = await parse(VI);
    expect(rows).toHaveLength(8);
    expect(lineOf(rows[0])).toEqual({
      platform: 'tiktok_shop',
      orderId: '578000000000000001',
      lineKey: '137047019999',
      status: 'completed',
      rawStatus: 'Đã quyết toán',
      orderTime: at('2026-11-01 20:30:00'),
      completedTime: at('2026-11-15 10:00:00'),
      sku: 'LIP01',
      productName: 'Son kem lì 3g',
      category: null,
      quantity: 1,
      grossMinor: 249_000,
      netMinor: 229_000,
      refundMinor: 0,
      platformCommissionMinor: 20_610,
      currency: 'VND',
      subIds: [],
      creator: null,
      voucher: null,
      contentType: 'live',
      newBuyer: null,
    });
    // Pending, no final amount (`/`): the standard estimate; no settlement date; the SKU id as sku.
    expect(lineOf(rows[1])).toMatchObject({
      status: 'pending',
      sku: '137047010002',
      quantity: 2,
      grossMinor: 1_598_000,
      netMinor: 1_520_000,
      platformCommissionMinor: 152_000,
      completedTime: null,
      contentType: 'video',
    });
    expect(lineOf(rows[2])).toMatchObject({ status: 'returned', refundMinor: 500_000, platformCommissionMinor: 50_000 });
    expect(lineOf(rows[3])).toMatchObject({ status: 'cancelled', refundMinor: 33_333, contentType: 'showcase' });
    expect(lineOf(rows[4])).toMatchObject({ status: 'unpaid' });
    expect(lineOf(rows[5])).toMatchObject({ status: 'pending', rawStatus: 'Đã đóng băng' });
    expect(lineOf(rows[3]).orderTime).toBe(at('2026-11-04 23:59:59'));
    expect(rows[7]).toEqual({
      row: 9,
      error: expect.objectContaining({ field: 'Order date', key: 'import.cell.not_real_datetime' }),
    });
  });

  test('the English export maps to the same lines', async () => {
    const vi = await parse(VI);
    const en = await parse(EN);
    expect(en).toHaveLength(6);
    const strip = (row: ParsedRow) => {
      const { rawStatus: _r, productName: _p, ...rest } = lineOf(row);
      return rest;
    };
    expect(en.map(strip)).toEqual(vi.slice(0, 6).map(strip));
    expect(en.map((r) => lineOf(r).rawStatus)).toEqual([
      'Settled',
      'Pending',
      'Ineligible',
      'Ineligible',
      'Customer Unpaid',
      'Frozen',
    ]);
  });

  test('an XLSX of the Vietnamese export (numbers, date cells, text ids, `/` cells) gives identical rows', async () => {
    const [head = '', ...data] = readFileSync(VI, 'utf8').trimEnd().split('\n');
    const names = head.split(',');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Affiliate orders');
    sheet.addRow(names);
    for (const line of data) {
      sheet.addRow(
        line.split(',').map((cell, i) => {
          const date = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})$/.exec(cell);
          if (date && cell !== '31/02/2026 10:00:00') {
            const [, d, mo, y, h, mi, sec] = date.map(Number) as number[];
            return new Date(Date.UTC(y as number, (mo as number) - 1, d, h, mi, sec));
          }
          if (/^ID /.test(names[i] ?? '')) return cell;
          return /^\d{1,3}(\.\d{3})+$/.test(cell) ? Number(cell.replaceAll('.', '')) : cell;
        }),
      );
    }
    const path = join(dir, 'tiktok_creator_vi.xlsx');
    await workbook.xlsx.writeFile(path);
    expect(await parse(path)).toEqual(await parse(VI));
  });

  const header = readFileSync(EN, 'utf8').split('\n')[0] as string;
  const withRow = (name: string, edit: (cells: string[]) => void, head = header) => {
    const cells = (readFileSync(EN, 'utf8').split('\n')[1] as string).split(',');
    edit(cells);
    const path = join(dir, name);
    writeFileSync(path, `${head}\n${cells.join(',')}\n`);
    return path;
  };
  const col = (name: string) => header.split(',').indexOf(name);

  test.each([
    ['Items sold', '/', 'import.cell.not_quantity'],
    ['Items refunded', '2', 'import.cell.refunded_items'],
    ['Order settlement status', 'Shipped', 'import.cell.unknown_status'],
    ['GMV', '/', 'import.cell.empty'],
    ['Currency', 'USD', 'import.cell.currency_mismatch'],
    ['SKU ID', '/', 'import.cell.empty'],
  ])('a bad %s cell (%s) is a row error naming the field', async (column, value, key) => {
    const path = withRow(`bad-${col(column)}.csv`, (cells) => {
      cells[col(column)] = value;
    });
    const [row] = await parse(path);
    expect(row).toEqual({ row: 2, error: expect.objectContaining({ key }) });
    if (row && 'error' in row) expect(row.error.field).toMatch(new RegExp(column.split(' ')[0] as string, 'i'));
  });

  test('headers are folded and typo-tolerant; a missing required column is a file error', async () => {
    const variant = header
      .replace('Items sold', 'ITEM SOLD')
      .replace('Order settlement status', 'settlement  status')
      .replace('Est. commission base', 'Estimated commission base');
    const ok = await parse(withRow('variant.csv', () => {}, variant));
    expect(lineOf(ok[0])).toMatchObject({ quantity: 1, status: 'completed', netMinor: 229_000 });
    await expect(parse(withRow('missing.csv', () => {}, header.replace('GMV', 'Gross')))).rejects.toThrow(FileError);
  });
});
