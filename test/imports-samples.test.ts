import { describe, expect, test } from 'vitest';
import { type TestContext, useTestApp } from './support/app.js';
import { DIALECTS } from './support/database.js';
import { type SampleOrg, sample, seedSampleOrg, uploadReport } from './support/samples.js';

interface Line {
  orderId: string;
  lineKey: string;
  status: string;
  kosCode: string | null;
  attribution: string;
  grossMinor: number;
  netMinor: number;
  refundMinor: number;
  subIds: string[];
  contentType: string | null;
  source: string;
}

async function allLines(t: TestContext, key: string): Promise<Line[]> {
  return (await t.call(key, 'GET', '/api/v1/lines?limit=500')).json().items;
}
const byKos = (lines: Line[]) => {
  const out: Record<string, string[]> = {};
  for (const l of lines) {
    const key = l.kosCode ?? 'none';
    out[key] = [...(out[key] ?? []), l.orderId];
  }
  for (const ids of Object.values(out)) ids.sort();
  return out;
};

describe.each(DIALECTS)('sample reports on %s (formats/samples/README.md)', (dialect) => {
  const t = useTestApp(dialect);
  let n = 0;
  const org = async (): Promise<SampleOrg> => seedSampleOrg(t, `${dialect}-${++n}`);
  const upload = async (o: SampleOrg, source: string, file: string) => {
    const res = await uploadReport(t, o.apiKey, source, sample(file), file);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  test('shopee_vi.csv: 8 rows, 7 stored, row 8 rejected (Excel damage); attribution; November summary', async () => {
    const o = await org();
    const report = await upload(o, 'shopee', 'shopee_vi.csv');
    expect(report).toMatchObject({ rows: 8, inserted: 7, updated: 0, unchanged: 0, rejected: 1, skipped: 0 });
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0].row).toBe(8);
    const lines = await allLines(t, o.apiKey);
    expect(byKos(lines)).toEqual({
      LAN01: ['261101AAA111', '261103CCC331', '261105EEE551'],
      MINH02: ['261101AAA112'],
      HOA03: ['261102BBB221', '261102BBB221'],
      none: ['261104DDD441'],
    });
    expect(lines.find((l) => l.orderId === '261103CCC331')?.status).toBe('cancelled');
    expect(lines.find((l) => l.orderId === '261105EEE551')?.status).toBe('unpaid');
    const paid = lines.filter((l) => l.status !== 'unpaid');
    const orders = new Set(paid.map((l) => `${l.source}|${l.orderId}`));
    expect(orders.size).toBe(5);
    expect(paid.reduce((s, l) => s + l.grossMinor, 0)).toBe(1_773_000);
    const net = lines
      .filter((l) => l.status === 'pending' || l.status === 'completed')
      .reduce((s, l) => s + l.netMinor - l.refundMinor, 0);
    expect(net).toBe(1_467_000);
    const cancelled = [...orders].filter((o) =>
      paid.filter((l) => `${l.source}|${l.orderId}` === o).every((l) => l.status === 'cancelled'),
    );
    expect(cancelled.length / orders.size).toBe(0.2);
  });

  test('shopee_en.csv after shopee_vi.csv: the same four lines are unchanged', async () => {
    const o = await org();
    await upload(o, 'shopee', 'shopee_vi.csv');
    expect(await upload(o, 'shopee', 'shopee_en.csv')).toMatchObject({
      rows: 4,
      inserted: 0,
      updated: 0,
      unchanged: 4,
      rejected: 0,
      skipped: 0,
    });
  });

  test('tiktok_shop_en.csv then tiktok_shop_vi.csv: 5 stored, row 5 skipped, then all unchanged', async () => {
    const o = await org();
    const report = await upload(o, 'tiktok_shop', 'tiktok_shop_en.csv');
    expect(report).toMatchObject({ rows: 6, inserted: 5, rejected: 0, skipped: 1 });
    const lines = await allLines(t, o.apiKey);
    expect(byKos(lines)).toEqual({
      LAN01: ['577000000000000001', '577000000000000004'],
      MINH02: ['577000000000000002', '577000000000000003'],
      none: ['577000000000000005'],
    });
    const first = lines.find((l) => l.orderId === '577000000000000001');
    expect(first).toMatchObject({ status: 'completed', contentType: 'live', attribution: 'account' });
    expect(lines.find((l) => l.orderId === '577000000000000004')?.status).toBe('returned');
    expect(await upload(o, 'tiktok_shop', 'tiktok_shop_vi.csv')).toMatchObject({
      rows: 6,
      inserted: 0,
      updated: 0,
      unchanged: 5,
      skipped: 1,
    });
  });

  test('lazada.json: MINH02 completed, HOA03 returned, LAN01 cancelled (validity 0)', async () => {
    const o = await org();
    expect(await upload(o, 'lazada', 'lazada.json')).toMatchObject({ rows: 3, inserted: 3, rejected: 0, skipped: 0 });
    const lines = await allLines(t, o.apiKey);
    const status = Object.fromEntries(lines.map((l) => [l.kosCode, l.status]));
    expect(status).toEqual({ MINH02: 'completed', HOA03: 'returned', LAN01: 'cancelled' });
  });

  test('accesstrade.json: LAN01 completed, MINH02 pending, HOA03 cancelled', async () => {
    const o = await org();
    expect(await upload(o, 'accesstrade', 'accesstrade.json')).toMatchObject({ rows: 3, inserted: 3, rejected: 0, skipped: 0 });
    const status = Object.fromEntries((await allLines(t, o.apiKey)).map((l) => [l.kosCode, l.status]));
    expect(status).toEqual({ LAN01: 'completed', MINH02: 'pending', HOA03: 'cancelled' });
  });

  test('generic.csv: 4 stored, row 6 rejected; HOA03 by code, LAN01 by voucher, two unattributed', async () => {
    const o = await org();
    const report = await upload(o, 'generic', 'generic.csv');
    expect(report).toMatchObject({ rows: 5, inserted: 4, rejected: 1, skipped: 0 });
    expect(report.errors).toEqual([
      { row: 6, field: 'quantity', message: expect.any(String), key: 'import.cell.not_quantity', params: { value: 'abc' } },
    ]);
    const lines = await allLines(t, o.apiKey);
    expect(byKos(lines)).toEqual({ HOA03: ['WEB-0001'], LAN01: ['WEB-0002'], none: ['WEB-0003', 'WEB-0004'] });
    expect(lines.find((l) => l.kosCode === 'LAN01')?.attribution).toBe('voucher');
    const queue = (await t.call(o.apiKey, 'GET', '/api/v1/lines?attributed=false'))
      .json()
      .items.map((l: Line) => l.orderId)
      .sort();
    expect(queue).toEqual(['WEB-0003', 'WEB-0004']);
  });

  test('every sample imported twice changes nothing the second time', async () => {
    const o = await org();
    const files: [string, string][] = [
      ['shopee', 'shopee_vi.csv'],
      ['tiktok_shop', 'tiktok_shop_en.csv'],
      ['lazada', 'lazada.json'],
      ['accesstrade', 'accesstrade.json'],
      ['generic', 'generic.csv'],
    ];
    for (const [source, file] of files) await upload(o, source, file);
    const before = await allLines(t, o.apiKey);
    for (const [source, file] of files) {
      const again = await upload(o, source, file);
      expect(again.inserted + again.updated, file).toBe(0);
    }
    expect(await allLines(t, o.apiKey)).toEqual(before);
  });
});
