import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { SAMPLES as SAMPLES_DIR } from '../../../../test/support/samples.js';
import { FileError, type ParseContext, type ParsedRow } from '../import-types.js';
import { openTable } from '../read/table.js';
import { lazadaParser } from './lazada.js';
import type { ReportParser } from './parser.js';

const SAMPLE = SAMPLES_DIR + '/lazada.json';
const ctx: ParseContext = { currency: 'VND', timezone: 'Asia/Ho_Chi_Minh', skuForShopeeItem: () => undefined };
const dir = mkdtempSync(join(tmpdir(), 'kos-lazada-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function parse(path: string, parser: ReportParser = lazadaParser, context = ctx): Promise<ParsedRow[]> {
  const table = await openTable(path);
  const map = parser.prepare(table, context);
  const out: ParsedRow[] = [];
  for await (const row of table.rows()) out.push(map(row));
  return out;
}

const lines = (rows: ParsedRow[]) => rows.map((r) => ('line' in r ? r.line : null));
const records = (): Record<string, string>[] => JSON.parse(readFileSync(SAMPLE, 'utf8')).result.data;

function csvOf(objects: Record<string, string>[]): string {
  const keys = Object.keys(objects[0] as object);
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [keys.join(','), ...objects.map((o) => keys.map((k) => quote(o[k] ?? '')).join(','))].join('\r\n');
}

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const at = (wall: string, offset: string) => Date.parse(`${wall.replace(' ', 'T')}${offset}`);

describe('lazada sample (samples/README.md: 3 rows, 3 lines)', () => {
  test('maps every field of the three conversions', async () => {
    const rows = await parse(SAMPLE);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(rows.every((r) => 'line' in r)).toBe(true);
    const [minh, hoa, lan] = lines(rows);
    expect(minh).toEqual({
      platform: 'lazada',
      orderId: 'LZ1000001',
      lineKey: '137047019769:SRM50',
      status: 'completed',
      rawStatus: 'delivered',
      orderTime: at('2026-11-02 10:00:00', '+07:00'),
      completedTime: at('2026-11-05 10:00:00', '+07:00'),
      sku: 'SRM50',
      productName: 'Sữa rửa mặt trà xanh 50ml',
      category: 'Sắc Đẹp',
      quantity: 1,
      grossMinor: 149000,
      netMinor: 149000,
      refundMinor: 0,
      platformCommissionMinor: 8940,
      currency: 'VND',
      subIds: ['MINH02'],
      creator: null,
      voucher: null,
      contentType: null,
      newBuyer: false,
    });
    expect(hoa).toMatchObject({ status: 'returned', subIds: ['HOA03'], netMinor: 249000, refundMinor: 249000 });
    expect(lan).toMatchObject({ status: 'cancelled', subIds: ['LAN01'], completedTime: null, refundMinor: 0 });
    expect(lan?.rawStatus).toContain('fulfilled');
  });

  test('the same records as CSV give the same lines', async () => {
    const json = await parse(SAMPLE);
    const csv = await parse(write('lazada.csv', csvOf(records())));
    expect(csv.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(lines(csv)).toEqual(lines(json));
  });
});

describe('lazada mapping rules', () => {
  const base = () => ({ ...(records()[0] as Record<string, string>) });
  const one = async (patch: Record<string, string>, context = ctx) =>
    (await parse(write(`one-${Math.random()}.json`, JSON.stringify([{ ...base(), ...patch }])), lazadaParser, context))[0];

  test.each([
    ['fulfilled → pending', { status: 'fulfilled', validity: '1' }, 'pending'],
    ['delivered → completed', { status: 'delivered' }, 'completed'],
    ['returned → returned', { status: 'returned' }, 'returned'],
    ['validity 0 cancels delivered', { status: 'delivered', validity: '0' }, 'cancelled'],
    ['validity 0 cancels returned', { status: 'returned', validity: '0' }, 'cancelled'],
    ['empty validity keeps the status', { status: 'delivered', validity: '' }, 'completed'],
  ])('status: %s', async (_name, patch, status) => {
    expect(await one(patch)).toMatchObject({ line: { status } });
  });

  test.each([
    ['unknown status', { status: 'shipped' }, 'status'],
    ['validity not 0/1', { validity: 'yes' }, 'validity'],
    ['other currency than the org', { currency: 'THB' }, 'currency'],
    ['newUser not 0/1', { newUser: 'maybe' }, 'newUser'],
    ['orderAmt with grouping', { orderAmt: '149,000' }, 'orderAmt'],
    ['sub order id damaged by Excel', { subOrderId: '1.37047E+11' }, 'subOrderId'],
    ['conversion time reformatted by Excel', { conversionTime: '2/11/2026 10:00' }, 'conversionTime'],
  ])('row error: %s', async (_name, patch, field) => {
    const row = await one(patch);
    expect(row).toMatchObject({ row: 1, error: { field } });
  });

  test('conversionTime is market time: CN is UTC+8, another country the org time zone', async () => {
    const cn = await one({ country: 'CN', currency: 'CNY', orderAmt: '12.345' }, { ...ctx, currency: 'CNY' });
    expect(cn).toMatchObject({ line: { orderTime: at('2026-11-02 10:00:00', '+08:00'), grossMinor: 1235 } });
    const th = await one({ country: 'TH' }, { ...ctx, timezone: 'Asia/Shanghai' });
    expect(th).toMatchObject({ line: { orderTime: at('2026-11-02 10:00:00', '+08:00') } });
  });

  test('newUser 1 is a new buyer; sub-ids keep affiliateSubId, subId1…subId6 order, skipping empty', async () => {
    const row = await one({ newUser: '1', affiliateSubId: 'aff', subId1: '', subId2: 'two', subId6: 'six' });
    expect(row).toMatchObject({ line: { newBuyer: true, subIds: ['aff', 'two', 'six'] } });
  });

  test('an absent estPayout is 0; numbers in JSON are read exactly', async () => {
    const path = write('numbers.json', JSON.stringify({ result: { data: [{ ...base(), estPayout: '', orderAmt: 149000.0 }] } }));
    expect((await parse(path))[0]).toMatchObject({ line: { platformCommissionMinor: 0, grossMinor: 149000 } });
  });

  test('a missing required column is a file error naming each', async () => {
    const { orderAmt: _a, currency: _c, ...rest } = base();
    const table = await openTable(write('missing.json', JSON.stringify([rest])));
    expect(() => lazadaParser.prepare(table, ctx)).toThrow(FileError);
    expect(() => lazadaParser.prepare(table, ctx)).toThrow(/orderAmt, currency/);
  });
});
