import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { SAMPLES as SAMPLES_DIR } from '../../../../test/support/samples.js';
import { FileError, type ParseContext, type ParsedRow } from '../import-types.js';
import { openTable } from '../read/table.js';
import { accesstradeParser, grossOf } from './accesstrade.js';

const SAMPLE = SAMPLES_DIR + '/accesstrade.json';
const ctx: ParseContext = { currency: 'VND', timezone: 'Asia/Ho_Chi_Minh', skuForShopeeItem: () => undefined };
const dir = mkdtempSync(join(tmpdir(), 'kos-accesstrade-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function parse(path: string, context = ctx): Promise<ParsedRow[]> {
  const table = await openTable(path);
  const map = accesstradeParser.prepare(table, context);
  const out: ParsedRow[] = [];
  for await (const row of table.rows()) out.push(map(row));
  return out;
}

type Json = Record<string, unknown>;
const lines = (rows: ParsedRow[]) => rows.map((r) => ('line' in r ? r.line : null));
const records = (): Json[] => JSON.parse(readFileSync(SAMPLE, 'utf8')).data;

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** The records as an AccessTrade CSV export: `_extra` JSON text in the column `extraColumn`. */
function csvOf(objects: Json[], extraColumn: '_extra' | '_extra.parameters'): string {
  const keys = Object.keys(objects[0] as Json).filter((k) => k !== '_extra');
  const cell = (o: Json, k: string): string => {
    if (k === extraColumn) {
      const extra = o._extra as { parameters: unknown };
      return JSON.stringify(k === '_extra' ? extra : extra.parameters);
    }
    const v = o[k];
    return v === null || v === undefined ? '' : String(v);
  };
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const header = [...keys, extraColumn];
  return [header.join(','), ...objects.map((o) => header.map((k) => quote(cell(o, k))).join(','))].join('\n');
}

const vn = (wall: string) => Date.parse(`${wall}+07:00`);

describe('accesstrade sample (samples/README.md: 3 rows, 3 lines)', () => {
  test('maps every field of the three transactions', async () => {
    const rows = await parse(SAMPLE);
    expect(rows.every((r) => 'line' in r)).toBe(true);
    const [lan, minh, hoa] = lines(rows);
    expect(lan).toEqual({
      platform: 'other',
      orderId: '230104EETP0VN8',
      lineKey: '20317610038',
      status: 'completed',
      rawStatus: '1',
      orderTime: vn('2026-11-01T09:02:45'),
      completedTime: vn('2026-11-10T09:00:00'),
      sku: '20317610038',
      productName: 'Serum Vitamin C 20ml',
      category: 'Sắc Đẹp',
      quantity: 1,
      grossMinor: 399000,
      netMinor: 399000,
      refundMinor: 0,
      platformCommissionMinor: 19950,
      currency: 'VND',
      subIds: ['LAN01'],
      creator: null,
      voucher: null,
      contentType: null,
      newBuyer: null,
    });
    expect(minh).toMatchObject({ status: 'pending', subIds: ['MINH02'], quantity: 2, grossMinor: 318000, completedTime: null });
    expect(hoa).toMatchObject({ status: 'cancelled', subIds: ['HOA03'], completedTime: null });
  });

  test.each([['_extra'], ['_extra.parameters']] as const)('as CSV with a %s JSON column: the same lines', async (column) => {
    const json = await parse(SAMPLE);
    const csv = await parse(write(`at-${column}.csv`, csvOf(records(), column)));
    expect(csv.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(lines(csv)).toEqual(lines(json));
  });
});

describe('accesstrade mapping rules', () => {
  const base = (): Json => ({ ...(records()[0] as Json) });
  const one = async (patch: Json, context = ctx) =>
    (await parse(write(`one-${Math.random()}.json`, JSON.stringify({ data: [{ ...base(), ...patch }] })), context))[0];

  test('sub-ids: utm_source, utm_medium, utm_campaign, utm_content, utm_term, then _extra.parameters.sub1…sub4', async () => {
    const row = await one({
      utm_source: 's',
      utm_campaign: 'c',
      utm_medium: 'm',
      utm_content: '',
      utm_term: 't',
      _extra: { parameters: { sub4: 'p4', sub2: 'p2', sub1: 'p1', sub9: 'ignored' } },
    });
    expect(row).toMatchObject({ line: { subIds: ['s', 'm', 'c', 't', 'p1', 'p2', 'p4'] } });
  });

  test('sub-ids from CSV cells: _extra.parameters and _extra JSON text', async () => {
    const header = 'transaction_id,status,transaction_time,transaction_value,id';
    const flat = write('flat.csv', `${header},_extra.parameters\nT1,0,2026-11-01T09:00:00,100,a,"{""sub1"":""KOS9""}"\n`);
    const nested = write('nested.csv', `${header},_extra\nT1,0,2026-11-01T09:00:00,100,a,"{""parameters"":{""sub3"":7}}"\n`);
    const bad = write('bad.csv', `${header},_extra\nT1,0,2026-11-01T09:00:00,100,a,{not json\n`);
    expect((await parse(flat))[0]).toMatchObject({ line: { subIds: ['KOS9'], lineKey: 'a', sku: null, grossMinor: 100 } });
    expect((await parse(nested))[0]).toMatchObject({ line: { subIds: ['7'] } });
    expect((await parse(bad))[0]).toMatchObject({ row: 2, error: { field: '_extra' } });
  });

  test('a blank or null _extra is no sub-id', async () => {
    expect(await one({ _extra: '' })).toMatchObject({ line: { subIds: ['LAN01'] } });
    expect(await one({ _extra: null })).toMatchObject({ line: { subIds: ['LAN01'] } });
    expect(await one({ _extra: '{"parameters":{"sub2":"X"}}' })).toMatchObject({ line: { subIds: ['LAN01', 'X'] } });
  });

  test('lineKey is product_id, else id', async () => {
    expect(await one({ product_id: '' })).toMatchObject({ line: { lineKey: '5f3a2c00', sku: null } });
  });

  test('completedTime is confirmed_time only when status is 1', async () => {
    expect(await one({ status: 0 })).toMatchObject({ line: { status: 'pending', completedTime: null } });
    expect(await one({ status: '1', confirmed_time: null })).toMatchObject({ line: { completedTime: null } });
  });

  test('times: ISO without offset is Vietnam time whatever the org time zone; an offset is honoured', async () => {
    const shanghai = { ...ctx, timezone: 'Asia/Shanghai' };
    expect(await one({}, shanghai)).toMatchObject({ line: { orderTime: vn('2026-11-01T09:02:45') } });
    const z = await one({ transaction_time: '2026-11-01T02:02:45Z' });
    expect(z).toMatchObject({ line: { orderTime: vn('2026-11-01T09:02:45') } });
  });

  test('gross = product_price × product_quantity, rounded once after the exact product', async () => {
    expect(await one({ product_price: '1000.5', product_quantity: 3 })).toMatchObject({ line: { grossMinor: 3002 } });
    expect(await one({ product_price: 0.35, product_quantity: 3 })).toMatchObject({ line: { grossMinor: 1 } });
  });

  test.each([
    ['1000.5 × 3', '1000.5', 3, 0, 3002],
    ['0.005 × 1 at 2 digits', '0.005', 1, 2, 1],
    ['12.34 × 10', '12.34', 10, 2, 12340],
    ['-1.5 × 1', '-1.5', 1, 0, -2],
  ])('grossOf %s', (_name, price, quantity, digits, expected) => {
    expect(grossOf(price, quantity, digits, 'product_price')).toBe(expected);
  });

  test.each([
    ['status 3 is unknown', { status: 3 }, 'status'],
    ['transaction_value with grouping', { transaction_value: '1,000' }, 'transaction_value'],
    ['product_quantity 0', { product_quantity: 0 }, 'product_quantity'],
    ['product_price not a number', { product_price: '=1+2' }, 'product_price'],
    ['transaction_time damaged by Excel', { transaction_time: '1/11/2026 9:02' }, 'transaction_time'],
    ['no product_id and no id', { product_id: '', id: '' }, 'id'],
  ])('row error: %s', async (_name, patch, field) => {
    expect(await one(patch)).toMatchObject({ row: 1, error: { field } });
  });

  test('an org whose currency is not VND gets a row error per line', async () => {
    const rows = await parse(SAMPLE, { ...ctx, currency: 'CNY' });
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toMatchObject({ error: { field: 'currency', message: expect.stringMatching(/VND/) } });
  });

  test('missing required columns are a file error naming each', async () => {
    const { transaction_time: _t, transaction_value: _v, ...rest } = base();
    const table = await openTable(write('missing.json', JSON.stringify({ data: [rest], total: 1 })));
    expect(() => accesstradeParser.prepare(table, ctx)).toThrow(FileError);
    expect(() => accesstradeParser.prepare(table, ctx)).toThrow(/transaction_time, transaction_value/);
  });
});
