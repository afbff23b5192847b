import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, test } from 'vitest';
import { SAMPLES as SAMPLES_DIR } from '../../../../test/support/samples.js';
import type { CanonicalLine } from '../../orders/lines.js';
import { FileError, type ParseContext, type ParsedRow } from '../import-types.js';
import { openTable } from '../read/table.js';
import { SKIP_ZERO_BASE, tiktokShopParser } from './tiktok-shop.js';

const SAMPLES = SAMPLES_DIR;
const EN = join(SAMPLES, 'tiktok_shop_en.csv');
const VI = join(SAMPLES, 'tiktok_shop_vi.csv');
const SKUS: Record<string, string> = { '20317610036': 'SRM50', '20317610037': 'KCN30', '20317610038': 'SERVC' };
const ctx: ParseContext = { currency: 'VND', timezone: 'Asia/Ho_Chi_Minh', skuForShopeeItem: (id) => SKUS[id] };
const dir = mkdtempSync(join(tmpdir(), 'kos-tiktok-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function parse(path: string, context = ctx): Promise<ParsedRow[]> {
  const table = await openTable(path);
  const map = tiktokShopParser.prepare(table, context);
  const out: ParsedRow[] = [];
  for await (const row of table.rows()) out.push(map(row));
  return out;
}

const lineOf = (row: ParsedRow | undefined): CanonicalLine => {
  if (!row || !('line' in row)) throw new Error(`not a line: ${JSON.stringify(row)}`);
  return row.line;
};
const at = (wall: string, offset = '+07:00') => Date.parse(`${wall.replace(' ', 'T')}${offset}`);
const withoutRaw = (row: ParsedRow) => {
  if (!('line' in row)) return row;
  const { rawStatus: _, ...rest } = row.line;
  return { row: row.row, line: rest };
};
const csvLines = (path: string) =>
  readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);

// The first data row of a sample, patched by header name, as a one-row CSV.
let files = 0;
function oneRow(sample: string, patch: Record<string, string>, dropColumn?: string): string {
  const [header = '', first = ''] = csvLines(sample);
  const names = header.split(',');
  const cells = first.split(',');
  for (const [name, value] of Object.entries(patch)) {
    const i = names.indexOf(name);
    if (i < 0) throw new Error(`no column ${name}`);
    cells[i] = /[",]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
  }
  const keep = (_: string, i: number) => names[i] !== dropColumn;
  const path = join(dir, `row-${++files}.csv`);
  writeFileSync(path, `${names.filter(keep).join(',')}\n${cells.filter(keep).join(',')}\n`);
  return path;
}
const one = async (patch: Record<string, string>, context = ctx, sample = EN) => (await parse(oneRow(sample, patch), context))[0];

describe('tiktok_shop samples (samples/README.md: 6 rows, 5 lines, row 5 skipped)', () => {
  test('row 2 maps every field', async () => {
    expect(lineOf((await parse(EN))[0])).toEqual({
      platform: 'tiktok_shop',
      orderId: '577000000000000001',
      lineKey: '137047019770:lan.beauty',
      status: 'completed',
      rawStatus: 'Completed',
      orderTime: at('2026-11-01 20:30:00'),
      completedTime: at('2026-11-04 15:00:00'),
      sku: 'KCN30',
      productName: 'Kem chống nắng SPF50 30ml',
      category: null,
      quantity: 1,
      grossMinor: 249_000,
      netMinor: 229_000,
      refundMinor: 0,
      platformCommissionMinor: 22_900,
      currency: 'VND',
      subIds: [],
      creator: 'lan.beauty',
      voucher: null,
      contentType: 'live',
      newBuyer: null,
    });
  });

  const samples = Promise.all([parse(EN), parse(VI)]);
  const both = async (row: number) => (await samples).map((rows) => lineOf(rows.find((r) => r.row === row)));

  test.each([
    ['LAN01 live completed', 2, '577000000000000001', '137047019770:lan.beauty', 'completed', 'lan.beauty', 'live'],
    ['MINH02 video pending', 3, '577000000000000002', '137047019771:minhreview', 'pending', 'minhreview', 'video'],
    ['MINH02 video pending', 4, '577000000000000003', '137047019769:minhreview', 'pending', 'minhreview', 'video'],
    ['@LAN.Beauty live returned', 6, '577000000000000004', '137047019771:lan.beauty', 'returned', '@LAN.Beauty', 'live'],
    ['nobody, external traffic', 7, '577000000000000005', '137047019769:unknown_creator', 'completed', 'unknown_creator', 'link'],
  ] as const)(
    '%s (row %i): key, status, creator, content',
    async (_name, row, orderId, lineKey, status, creator, contentType) => {
      for (const line of await both(row)) expect(line).toMatchObject({ orderId, lineKey, status, creator, contentType });
    },
  );

  test.each([
    // row, orderTime, completedTime, sku, quantity, gross (price × qty), net, refund, platform commission
    [2, '2026-11-01 20:30:00', '2026-11-04 15:00:00', 'KCN30', 1, 249_000, 229_000, 0, 22_900],
    [3, '2026-11-02 11:00:00', null, 'SERVC', 2, 798_000, 760_000, 0, 76_000],
    [4, '2026-11-02 13:00:00', null, 'SRM50', 1, 159_000, 159_000, 0, 15_900],
    [6, '2026-11-03 09:00:00', '2026-11-06 09:00:00', 'SERVC', 1, 399_000, 399_000, 399_000, 39_900],
    [7, '2026-11-03 20:00:00', '2026-11-07 08:00:00', 'SRM50', 3, 477_000, 450_000, 0, 45_000],
  ] as const)('row %i: times, sku, amounts', async (row, orderTime, completed, sku, quantity, gross, net, refund, commission) => {
    const expected = { orderTime: at(orderTime), completedTime: completed ? at(completed) : null, sku, quantity };
    const amounts = { grossMinor: gross, netMinor: net, refundMinor: refund, platformCommissionMinor: commission };
    for (const line of await both(row)) expect(line).toMatchObject({ ...expected, ...amounts });
  });

  test.each([
    ['English', EN],
    ['Vietnamese', VI],
  ])('%s: row 5 (another creator, base 0) is the only skip; no errors', async (_name, path) => {
    const rows = await parse(path);
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(rows.filter((r) => !('line' in r))).toEqual([{ row: 5, skip: SKIP_ZERO_BASE }]);
  });

  test('tiktok_shop_vi.csv gives the lines of tiktok_shop_en.csv (all but rawStatus)', async () => {
    const [en, vi] = [await parse(EN), await parse(VI)];
    expect(vi.map(withoutRaw)).toEqual(en.map(withoutRaw));
    expect(vi.map((r) => ('line' in r ? r.line.rawStatus : null))).toEqual([
      'Đã hoàn thành',
      'Đang xử lý',
      'Đang xử lý',
      null,
      'Đã hoàn thành',
      'Đã hoàn thành',
    ]);
  });

  test('an XLSX of tiktok_shop_en.csv (numbers, date cells, text ids) gives identical rows', async () => {
    const [header = '', ...data] = csvLines(EN);
    const names = header.split(',');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Orders');
    sheet.addRow(names);
    for (const line of data) {
      sheet.addRow(
        line.split(',').map((cell, i) => {
          const date = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})$/.exec(cell);
          if (date) {
            const [, d, mo, y, h, mi, s] = date.map(Number) as number[];
            return new Date(Date.UTC(y as number, (mo as number) - 1, d, h, mi, s));
          }
          if (/ID$/.test(names[i] ?? '') || cell === '') return cell || null;
          return /^\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
        }),
      );
    }
    const path = join(dir, 'tiktok_shop_en.xlsx');
    await workbook.xlsx.writeFile(path);
    const first = await (await openTable(path)).rows()[Symbol.asyncIterator]().next();
    expect(first.value?.cells.get('time created')).toBe('2026-11-01 20:30:00'); // a date cell, read as ymd text
    expect(await parse(path)).toEqual(await parse(EN));
  });
});

describe('tiktok_shop mapping rules', () => {
  test('a file lacking required columns is a file error naming them', async () => {
    const path = oneRow(EN, {}, 'Est. Commission Base');
    await expect(parse(path)).rejects.toThrow(FileError);
    await expect(parse(path)).rejects.toThrow(/Est\. Commission Base/);
  });

  test.each([
    ['Settled', 'completed'],
    ['Ineligible', 'cancelled'],
    ['Canceled', 'cancelled'],
    ['Customer Unpaid', 'unpaid'],
    ['Pending', 'pending'],
    ['Đã hủy', 'cancelled'],
  ])('Order Status %j → %s', async (text, status) => {
    expect(await one({ 'Order Status': text, 'Fully returned or refunded': 'No' })).toMatchObject({ line: { status } });
  });

  test.each([
    ['Livestream', 'live'],
    ['Video', 'video'],
    ['Showcase', 'showcase'],
    ['External Traffic Program', 'link'],
    ['Something new', null],
    ['', null],
  ])('Content Type %j → %j', async (text, contentType) => {
    expect(await one({ 'Content Type': text })).toMatchObject({ line: { contentType } });
  });

  test.each([
    ['returned, no Hoàn tiền column: the payment amount', EN, { 'Fully returned or refunded': 'Yes' }, 'returned', 229_000],
    ['returned with Hoàn tiền', VI, { 'Trả hàng & hoàn tiền': 'Có', 'Hoàn tiền': '200000' }, 'returned', 200_000],
    ['returned with Hoàn tiền 0: the net', VI, { 'Trả hàng & hoàn tiền': 'Có', 'Hoàn tiền': '0' }, 'returned', 229_000],
    ['partial refund keeps the status', VI, { 'Trả hàng & hoàn tiền': 'Không', 'Hoàn tiền': '50000' }, 'completed', 50_000],
    ['not returned, empty flag', EN, { 'Fully returned or refunded': '' }, 'completed', 0],
  ])('%s', async (_name, sample, patch, status, refundMinor) => {
    expect(await one(patch, ctx, sample)).toMatchObject({ line: { status, refundMinor } });
  });

  test.each([
    ['actual positive', '22900', '11000', 22_900],
    ['actual 0 → estimated', '0', '11000', 11_000],
    ['actual empty → estimated', '', '11000', 11_000],
    ['both empty', '', '', 0],
  ])('platform commission: %s', async (_name, actual, est, expected) => {
    const row = await one({ 'Actual Commission Payment': actual, 'Est. standard commission payment': est });
    expect(row).toMatchObject({ line: { platformCommissionMinor: expected } });
  });

  test.each([
    ['negative base', { 'Est. Commission Base': '-1' }],
    ['empty base', { 'Est. Commission Base': '' }],
  ])('skip: %s', async (_name, patch) => {
    expect(await one(patch)).toEqual({ row: 2, skip: SKIP_ZERO_BASE });
  });

  test.each([
    ['other currency than the org', { Currency: 'USD' }, 'Currency'],
    ['order id damaged by Excel', { 'Order ID': '5.77E+17' }, 'Order ID'],
    ['SKU id overflow marks', { 'SKU ID': '########' }, 'SKU ID'],
    ['empty creator', { 'Creator Username': '' }, 'Creator Username'],
    ['unknown status', { 'Order Status': 'Shipped' }, 'Order Status'],
    ['returned flag not yes/no', { 'Fully returned or refunded': 'maybe' }, 'Fully returned or refunded'],
    ['time reformatted by Excel', { 'Time Created': '1/11/2026 20:30' }, 'Time Created'],
    ['quantity with decimals', { Quantity: '1.5' }, 'Quantity'],
  ])('row error: %s', async (_name, patch, field) => {
    expect(await one(patch)).toMatchObject({ row: 2, error: { field } });
  });

  test('VND amounts round half-up (2285.52 → 2286); price is rounded before × quantity', async () => {
    const row = await one({ Price: '2285.52', Quantity: '2', 'Payment Amount': '2285.52' });
    expect(row).toMatchObject({ line: { grossMinor: 4572, netMinor: 2286 } });
  });

  test('CNY report in a CNY org: Shanghai time, 2 decimals; empty currency is the org currency', async () => {
    const cny = { ...ctx, currency: 'CNY', timezone: 'Asia/Ho_Chi_Minh' };
    const row = await one({ Currency: 'CNY', Price: '12.345', 'Payment Amount': '12.3' }, cny);
    expect(row).toMatchObject({
      line: { currency: 'CNY', grossMinor: 1235, netMinor: 1230, orderTime: at('2026-11-01 20:30:00', '+08:00') },
    });
    const other = await one({ Currency: '' }, { ...ctx, currency: 'THB', timezone: 'Asia/Bangkok' });
    expect(other).toMatchObject({ line: { currency: 'THB', orderTime: at('2026-11-01 20:30:00', '+07:00') } });
  });
});
