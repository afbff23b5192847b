import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { SAMPLES as SAMPLES_DIR } from '../../../../test/support/samples.js';
import { FileError, type ParseContext, type ParsedRow } from '../import-types.js';
import { openTable } from '../read/table.js';
import { genericParser } from './generic.js';

const SAMPLE = SAMPLES_DIR + '/generic.csv';
const ctx: ParseContext = { currency: 'VND', timezone: 'Asia/Ho_Chi_Minh', skuForShopeeItem: () => undefined };
const dir = mkdtempSync(join(tmpdir(), 'kos-generic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function parse(path: string, context = ctx): Promise<ParsedRow[]> {
  const table = await openTable(path);
  const map = genericParser.prepare(table, context);
  const out: ParsedRow[] = [];
  for await (const row of table.rows()) out.push(map(row));
  return out;
}

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const HEADER = 'platform,orderId,status,orderTime,quantity,currency,grossAmount,netAmount';

describe('generic sample (samples/README.md: 5 rows, 4 lines, row 6 rejected)', () => {
  test('four lines with their sub-ids and voucher; row 6 is a quantity error', async () => {
    const rows = await parse(SAMPLE);
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6]);
    const stored = rows.flatMap((r) => ('line' in r ? [r.line] : []));
    expect(stored.map((l) => [l.orderId, l.platform, l.status, l.subIds, l.voucher])).toEqual([
      ['WEB-0001', 'website', 'completed', ['HOA03'], null],
      ['WEB-0002', 'website', 'pending', [], 'LAN10'],
      ['WEB-0003', 'website', 'pending', ['Ab3dE6gH9jK2'], null],
      ['WEB-0004', 'facebook', 'pending', [], null],
    ]);
    expect(rows[4]).toEqual({
      row: 6,
      error: {
        field: 'quantity',
        message: expect.stringContaining('"abc"'),
        key: 'import.cell.not_quantity',
        params: { value: 'abc' },
      },
    });
  });

  test('amounts, times and empty cells of the first line', async () => {
    const [first] = await parse(SAMPLE);
    expect(first).toMatchObject({
      line: {
        lineKey: '137047019769',
        orderTime: Date.parse('2026-11-01T10:00:00+07:00'),
        completedTime: Date.parse('2026-11-03T10:00:00+07:00'),
        sku: 'SRM50',
        category: 'Sắc Đẹp',
        quantity: 1,
        grossMinor: 159000,
        netMinor: 159000,
        refundMinor: 0,
        platformCommissionMinor: null,
        currency: 'VND',
        creator: null,
        contentType: null,
        newBuyer: null,
      },
    });
  });
});

describe('generic rules', () => {
  test('minor-unit columns, canonical or platform raw status, ISO time with offset', async () => {
    const path = write(
      'minor.csv',
      'platform,orderId,status,orderTime,quantity,currency,grossMinor,netMinor,refundMinor,newBuyer,contentType\n' +
        'shopee,S1,Đã Huỷ,2026-11-01T10:00:00+08:00,2,VND,3000,2500,0,true,live\n' +
        'lazada,L1,delivered,2026-11-01 10:00:00,1,VND,100,100,,0,\n',
    );
    const [shopee, lazada] = await parse(path);
    expect(shopee).toMatchObject({
      line: {
        status: 'cancelled',
        orderTime: Date.parse('2026-11-01T02:00:00Z'),
        grossMinor: 3000,
        newBuyer: true,
        contentType: 'live',
      },
    });
    expect(lazada).toMatchObject({ line: { status: 'completed', lineKey: '1', newBuyer: false, refundMinor: 0 } });
  });

  test.each([
    ['unknown platform', 'tiki,O1,pending,2026-11-01 10:00:00,1,VND,1,1', 'platform', 'import.cell.not_option'],
    ['unknown status', 'website,O1,shipped,2026-11-01 10:00:00,1,VND,1,1', 'status', 'import.cell.unknown_status'],
    ['other currency', 'website,O1,pending,2026-11-01 10:00:00,1,CNY,1,1', 'currency', 'import.cell.currency_mismatch'],
    [
      'order id damaged by Excel',
      'website,2.42754E+14,pending,2026-11-01 10:00:00,1,VND,1,1',
      'orderId',
      'import.cell.excel_rounded',
    ],
    ['date reformatted by Excel', 'website,O1,pending,9/10/2026 22:32,1,VND,1,1', 'orderTime', 'import.cell.not_datetime_excel'],
    ['gross with grouping', 'website,O1,pending,2026-11-01 10:00:00,1,VND,"1,000",1', 'grossMinor', 'import.cell.not_number'],
    ['empty net', 'website,O1,pending,2026-11-01 10:00:00,1,VND,1,', 'netMinor', 'import.cell.empty'],
  ])('row error: %s', async (_name, line, field, key) => {
    const rows = await parse(write(`row-${field}.csv`, `${HEADER}\n${line}\n`));
    expect(rows).toEqual([{ row: 2, error: { field, message: expect.any(String), key, params: expect.any(Object) } }]);
  });

  test('missing required columns are a file error naming each', async () => {
    const table = await openTable(
      write('missing.csv', 'platform,orderId,status,orderTime,grossAmount\nwebsite,O1,pending,x,1\n'),
    );
    expect(() => genericParser.prepare(table, ctx)).toThrow(FileError);
    expect(() => genericParser.prepare(table, ctx)).toThrow('missing required columns: quantity, currency, net');
  });
});
