import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { SAMPLES as SAMPLES_DIR } from '../../../../test/support/samples.js';
import type { CanonicalLine } from '../../orders/lines.js';
import { FileError, type ParseContext, type ParsedRow } from '../import-types.js';
import { openTable } from '../read/table.js';
import { shopeeParser } from './shopee.js';

const SAMPLES = SAMPLES_DIR;
const SKUS: Record<string, string> = { '20317610036': 'SRM50', '20317610037': 'KCN30', '20317610038': 'SERVC' };
const ctx: ParseContext = { currency: 'VND', timezone: 'Asia/Ho_Chi_Minh', skuForShopeeItem: (id) => SKUS[id] };
const dir = mkdtempSync(join(tmpdir(), 'kos-shopee-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function parse(path: string, context = ctx): Promise<ParsedRow[]> {
  const table = await openTable(path);
  const map = shopeeParser.prepare(table, context);
  const out: ParsedRow[] = [];
  for await (const row of table.rows()) out.push(map(row));
  return out;
}

const lineOf = (row: ParsedRow | undefined): CanonicalLine => {
  if (!row || !('line' in row)) throw new Error(`not a line: ${JSON.stringify(row)}`);
  return row.line;
};
const at = (wall: string, offset = '+07:00') => Date.parse(`${wall.replace(' ', 'T')}${offset}`);
const withoutRaw = ({ rawStatus: _, ...rest }: CanonicalLine) => rest;

// The first data row of shopee_en.csv, patched by header, as a one-row CSV (header optionally renamed).
const [enHeader = '', enFirst = ''] = readFileSync(join(SAMPLES, 'shopee_en.csv'), 'utf8').split(/\r?\n/);
let files = 0;
function oneRow(patch: Record<string, string>, renameHeader: Record<string, string> = {}): string {
  const names = enHeader.split(',');
  const cells = enFirst.split(',');
  for (const [name, value] of Object.entries(patch)) {
    const i = names.indexOf(name);
    if (i < 0) throw new Error(`no column ${name}`);
    cells[i] = /[",]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
  }
  const header = names.map((n) => renameHeader[n] ?? n).join(',');
  const path = join(dir, `row-${++files}.csv`);
  writeFileSync(path, `${header}\n${cells.join(',')}\n`);
  return path;
}
const one = async (patch: Record<string, string>, context = ctx) => (await parse(oneRow(patch), context))[0];

describe('shopee_vi.csv (samples/README.md: 8 rows, 7 lines, row 8 rejected)', () => {
  test('row 2 maps every field', async () => {
    const rows = await parse(join(SAMPLES, 'shopee_vi.csv'));
    expect(rows).toHaveLength(8);
    expect(lineOf(rows[0])).toEqual({
      platform: 'shopee',
      orderId: '261101AAA111',
      lineKey: '20317610036:137047019769',
      status: 'pending',
      rawStatus: 'Đang chờ xử lý',
      orderTime: at('2026-11-01 20:15:03'),
      completedTime: null,
      sku: 'SRM50',
      productName: 'Sữa rửa mặt trà xanh 50ml',
      category: 'Sắc Đẹp',
      quantity: 2,
      grossMinor: 318_000,
      netMinor: 300_000,
      refundMinor: 0,
      platformCommissionMinor: 36_000,
      currency: 'VND',
      subIds: ['LAN01'],
      creator: null,
      voucher: null,
      contentType: null,
      newBuyer: false,
    });
  });

  const vi = parse(join(SAMPLES, 'shopee_vi.csv'));

  test.each([
    ['LAN01 pending', 2, '261101AAA111', '20317610036:137047019769', 'pending', 'Đang chờ xử lý', ['LAN01']],
    [
      'MINH02 completed, 2 sub-ids',
      3,
      '261101AAA112',
      '20317610037:137047019770',
      'completed',
      'Hoàn thành',
      ['MINH02', 'zz9QmTr4Kp2X'],
    ],
    ['HOA03 line 1', 4, '261102BBB221', '20317610036:137047019769', 'completed', 'Hoàn thành', ['HOA03']],
    ['HOA03 line 2', 5, '261102BBB221', '20317610038:137047019771', 'completed', 'Hoàn thành', ['HOA03']],
    ['lan01, Đã Huỷ → cancelled', 6, '261103CCC331', '20317610037:137047019770', 'cancelled', 'Đã Huỷ', ['lan01']],
    ['no sub-id', 7, '261104DDD441', '20317610038:137047019771', 'pending', 'Đang chờ xử lý', []],
    ['LAN01 unpaid', 9, '261105EEE551', '20317610036:137047019769', 'unpaid', 'Chưa thanh toán', ['LAN01']],
  ] as const)('%s (row %i): key, status, sub-ids', async (_name, row, orderId, lineKey, status, rawStatus, subIds) => {
    const line = lineOf((await vi).find((r) => r.row === row));
    expect(line).toMatchObject({ orderId, lineKey, status, rawStatus, subIds: [...subIds], newBuyer: false });
  });

  test.each([
    // row, orderTime, completedTime, sku, quantity, gross (price × qty), net, platform commission
    [2, '2026-11-01 20:15:03', null, 'SRM50', 2, 318_000, 300_000, 36_000],
    [3, '2026-11-01 21:02:00', '2026-11-05 09:00:00', 'KCN30', 1, 249_000, 239_000, 28_680],
    [4, '2026-11-02 08:30:00', '2026-11-06 10:00:00', 'SRM50', 1, 159_000, 150_000, 18_000],
    [5, '2026-11-02 08:30:00', '2026-11-06 10:00:00', 'SERVC', 1, 399_000, 379_000, 45_480],
    [6, '2026-11-03 12:00:00', null, 'KCN30', 1, 249_000, 249_000, 29_880],
    [7, '2026-11-04 19:45:10', null, 'SERVC', 1, 399_000, 399_000, 47_880],
    [9, '2026-11-05 22:00:00', null, 'SRM50', 1, 159_000, 159_000, 19_080],
  ] as const)('row %i: times, sku, amounts', async (row, orderTime, completed, sku, quantity, gross, net, commission) => {
    expect(lineOf((await vi).find((r) => r.row === row))).toMatchObject({
      orderTime: at(orderTime),
      completedTime: completed ? at(completed) : null,
      sku,
      quantity,
      grossMinor: gross,
      netMinor: net,
      refundMinor: 0,
      platformCommissionMinor: commission,
    });
  });

  test('row 8 (item id 2.42754E+14, Excel damage) is the only error; no skips', async () => {
    const rows = await parse(join(SAMPLES, 'shopee_vi.csv'));
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(rows.filter((r) => !('line' in r))).toEqual([
      {
        row: 8,
        error: {
          field: 'Item id',
          message: expect.stringContaining('Excel'),
          key: 'import.cell.excel_rounded',
          params: { value: '2.42754E+14' },
        },
      },
    ]);
  });

  test('shopee_en.csv gives the first four lines of shopee_vi.csv (all but rawStatus)', async () => {
    const vi = (await parse(join(SAMPLES, 'shopee_vi.csv'))).slice(0, 4).map(lineOf);
    const en = await parse(join(SAMPLES, 'shopee_en.csv'));
    expect(en.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(en.map(lineOf).map(withoutRaw)).toEqual(vi.map(withoutRaw));
    expect(en.map((r) => lineOf(r).rawStatus)).toEqual(['Pending', 'Completed', 'Completed', 'Completed']);
  });
});

describe('shopee mapping rules', () => {
  test('currency comes from the money headers: (R$) in a VND org is a row error; in a BRL org a line', async () => {
    const text = readFileSync(join(SAMPLES, 'shopee_vi.csv'), 'utf8').replaceAll('(₫)', '(R$)');
    const path = join(dir, 'brl.csv');
    writeFileSync(path, text);
    const rows = await parse(path);
    expect(rows[0]).toEqual({
      row: 2,
      error: {
        field: 'currency',
        message: expect.stringMatching(/BRL.*VND/),
        key: 'import.cell.currency_mismatch',
        params: { currency: 'BRL', orgCurrency: 'VND' },
      },
    });
    expect(rows.every((r) => 'error' in r)).toBe(true);
    const brl = await parse(path, { ...ctx, currency: 'BRL', timezone: 'America/Sao_Paulo' });
    expect(lineOf(brl[0])).toMatchObject({
      currency: 'BRL',
      grossMinor: 31_800_000,
      orderTime: at('2026-11-01 20:15:03', '-03:00'),
    });
  });

  test('a file lacking Order id is a file error naming it', async () => {
    const path = oneRow({}, { 'Order id': 'Order number' });
    await expect(parse(path)).rejects.toThrow(FileError);
    await expect(parse(path)).rejects.toThrow(/Order id/);
  });

  test.each([
    ['exact', '18000', '18000', '36000'],
    ['0.005 off', '18000.005', '18000', '36000.01'],
    ['0.01 off (the tolerance)', '18000.01', '18000', '36000'],
    ['empty seller commission', '36000', '', '36000'],
  ])('identity check passes: %s', async (_name, shopee, seller, total) => {
    const row = await one({
      'Item Shopee Commission(₫)': shopee,
      'Item Seller Commission(₫)': seller,
      'Item Total Commission(₫)': total,
    });
    expect(row).toMatchObject({ line: { orderId: '261101AAA111' } });
  });

  test.each([
    ['total 1 ₫ off', '18000', '18000', '36001'],
    ['0.02 off', '18000.02', '18000', '36000'],
    ['total empty', '18000', '18000', ''],
  ])('identity check fails: %s → row error', async (_name, shopee, seller, total) => {
    const row = await one({
      'Item Shopee Commission(₫)': shopee,
      'Item Seller Commission(₫)': seller,
      'Item Total Commission(₫)': total,
    });
    expect(row).toEqual({
      row: 2,
      error: {
        field: 'Item Total Commission',
        message: expect.any(String),
        key: 'import.shopee.commission_mismatch',
        params: expect.any(Object),
      },
    });
  });

  test.each([
    ['item id in scientific notation', { 'Item id': '2.42754E+14' }, 'Item id'],
    ['order id overflow marks', { 'Order id': '########' }, 'Order id'],
    ['model id in scientific notation', { 'Model id': '1.37047E+11' }, 'Model id'],
    ['order time reformatted by Excel', { 'Order Time': '9/10/2026 22:32' }, 'Order Time'],
    ['complete time overflow marks', { 'Complete Time': '########' }, 'Complete Time'],
    ['price with grouping', { 'Price(₫)': '159,000' }, 'Price'],
    ['quantity 0', { Qty: '0' }, 'Qty'],
    ['unknown line status', { 'Affiliate Item Status': 'Shipped' }, 'Affiliate Item Status'],
    ['unknown order status, line status empty', { 'Affiliate Item Status': '', 'Order Status': 'Shipped' }, 'Order Status'],
  ])('row error: %s', async (_name, patch, field) => {
    expect(await one(patch)).toMatchObject({ row: 2, error: { field } });
  });

  test('2285.52 ₫ rounds half-up to 2286; gross is the rounded price × qty', async () => {
    const row = await one({ 'Price(₫)': '2285.52', Qty: '3', 'Purchase Value(₫)': '2285.52', 'Refund Amount(₫)': '2285.49' });
    expect(row).toMatchObject({ line: { grossMinor: 6858, netMinor: 2286, refundMinor: 2285 } });
  });

  test.each([
    ['line status wins', { 'Order Status': 'Pending', 'Affiliate Item Status': 'Completed' }, 'completed', 'Completed'],
    ['empty line status → order status', { 'Order Status': 'Cancelled', 'Affiliate Item Status': '' }, 'cancelled', 'Cancelled'],
    ['Đã hủy', { 'Affiliate Item Status': 'Đã hủy' }, 'cancelled', 'Đã hủy'],
    ['Unpaid', { 'Affiliate Item Status': 'Unpaid' }, 'unpaid', 'Unpaid'],
  ])('status: %s', async (_name, patch, status, rawStatus) => {
    expect(await one(patch)).toMatchObject({ line: { status, rawStatus } });
  });

  test.each([
    ['Live', 'live'],
    ['Shopee Live', 'live'],
    ['Video', 'video'],
    ['Shopee Video', 'video'],
    ['Showcase', 'showcase'],
    ['Affiliate Link', 'link'],
    ['Others', null],
    ['', null],
  ])('Content Type %j → %j', async (text, contentType) => {
    expect(await one({ 'Content Type': text })).toMatchObject({ line: { contentType } });
  });

  test.each([
    ['Existing', false],
    ['Đã tồn tại', false],
    ['New', true],
    ['Mới', true],
    ['', null],
  ])('Buyer Status %j → newBuyer %j', async (text, newBuyer) => {
    expect(await one({ 'Buyer Status': text })).toMatchObject({ line: { newBuyer } });
  });

  test('sub-ids keep Sub_id1…Sub_id5 order, skipping empty; an item not in the catalogue keeps its id as sku', async () => {
    const row = await one({ Sub_id1: '', Sub_id2: 'a', Sub_id4: 'b', Sub_id5: 'c', 'Item id': '999' });
    expect(row).toMatchObject({ line: { subIds: ['a', 'b', 'c'], sku: '999', lineKey: '999:137047019769' } });
  });

  test('a refund is taken as reported and the line stays as its status says', async () => {
    const row = await one({ 'Affiliate Item Status': 'Completed', 'Refund Amount(₫)': '100000' });
    expect(row).toMatchObject({ line: { status: 'completed', refundMinor: 100_000 } });
  });
});
