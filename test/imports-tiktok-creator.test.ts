import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { useTestApp } from './support/app.js';
import { DIALECTS } from './support/database.js';
import { type SampleOrg, sample, seedSampleOrg, uploadReport } from './support/samples.js';

// The creator-side TikTok Shop export (docs/imports.md, "Creator-side reports"; docs/formats.md, `tiktok_creator`).
const FIXTURES = join(import.meta.dirname, 'fixtures', 'tiktok-creator');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

interface Line {
  orderId: string;
  lineKey: string;
  sku: string | null;
  status: string;
  kosId: string | null;
  kosCode: string | null;
  attribution: string;
  source: string;
  refundMinor: number;
  platformCommissionMinor: number | null;
}

describe.each(DIALECTS)('tiktok_creator imports on %s', (dialect) => {
  const t = useTestApp(dialect);
  let n = 0;
  const org = async (): Promise<SampleOrg> => {
    const o = await seedSampleOrg(t, `creator-${dialect}-${++n}`);
    const res = await t.call(o.apiKey, 'POST', '/api/v1/products', {
      sku: 'LIP01',
      name: 'Son kem lì 3g',
      priceMinor: 249000,
      platformIds: { tiktok_shop: '137047019999' },
    });
    expect(res.statusCode, res.body).toBe(201);
    return o;
  };
  /** POSTs a report with `kosId` as a multipart field (or, with `inQuery`, as `?kosId=`). */
  const upload = async (o: SampleOrg, file: Buffer, name: string, kosId?: string, inQuery = false) => {
    const form = new FormData();
    form.set('source', 'tiktok_creator');
    if (kosId && !inQuery) form.set('kosId', kosId);
    form.set('file', new Blob([file]), name);
    const encoded = new Response(form);
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/imports${kosId && inQuery ? `?kosId=${kosId}` : ''}`,
      headers: { authorization: `Bearer ${o.apiKey}`, 'content-type': encoded.headers.get('content-type') as string },
      payload: Buffer.from(await encoded.arrayBuffer()),
    });
  };
  const lines = async (o: SampleOrg): Promise<Line[]> => (await t.call(o.apiKey, 'GET', '/api/v1/lines?limit=500')).json().items;

  test('Vietnamese export for one KOS: lines attributed `report`, a bad date a row error; English re-import unchanged', async () => {
    const o = await org();
    const res = await upload(o, fixture('tiktok_creator_vi.csv'), 'vi.csv', o.kos.HOA03);
    expect(res.statusCode, res.body).toBe(201);
    const report = res.json();
    expect(report).toMatchObject({
      source: 'tiktok_creator',
      rows: 8,
      inserted: 7,
      updated: 0,
      unchanged: 0,
      rejected: 1,
      skipped: 0,
    });
    expect(report.errors).toEqual([
      expect.objectContaining({ row: 9, field: 'Order date', key: 'import.cell.not_real_datetime' }),
    ]);
    const stored = await lines(o);
    expect(stored).toHaveLength(7);
    expect(new Set(stored.map((l) => `${l.kosCode}/${l.attribution}/${l.source}`))).toEqual(
      new Set(['HOA03/report/tiktok_creator']),
    );
    const byOrder = new Map(stored.map((l) => [l.orderId, l]));
    expect(byOrder.get('578000000000000001')).toMatchObject({
      sku: 'LIP01',
      status: 'completed',
      platformCommissionMinor: 20_610,
    });
    expect(byOrder.get('578000000000000003')).toMatchObject({ status: 'returned', refundMinor: 500_000 });
    expect(byOrder.get('578000000000000004')).toMatchObject({ status: 'cancelled', refundMinor: 33_333 });

    const again = (await upload(o, fixture('tiktok_creator_vi.csv'), 'vi.csv', o.kos.HOA03)).json();
    expect(again).toMatchObject({ rows: 8, inserted: 0, updated: 0, unchanged: 7, rejected: 1 });
    const en = (await upload(o, fixture('tiktok_creator_en.csv'), 'en.csv', o.kos.HOA03)).json();
    expect(en).toMatchObject({ rows: 6, inserted: 0, updated: 0, unchanged: 6, rejected: 0, skipped: 0 });
  });

  test('a line already imported from tiktok_shop (same order and SKU id) is skipped, never counted twice', async () => {
    const o = await org();
    const shop = await uploadReport(t, o.apiKey, 'tiktok_shop', sample('tiktok_shop_en.csv'), 'tiktok_shop_en.csv');
    expect(shop.statusCode, shop.body).toBe(201);
    const before = (await lines(o)).length;
    const report = (await upload(o, fixture('tiktok_creator_vi.csv'), 'vi.csv', o.kos.LAN01)).json();
    expect(report).toMatchObject({ rows: 8, inserted: 6, rejected: 1, skipped: 1 });
    const after = await lines(o);
    expect(after).toHaveLength(before + 6);
    expect(after.filter((l) => l.orderId === '577000000000000001')).toHaveLength(1);
  });

  test('the other way round: a tiktok_shop report after the creator lines skips the lines they hold', async () => {
    const o = await org();
    const alone = await org();
    const shopAlone = (await uploadReport(t, alone.apiKey, 'tiktok_shop', sample('tiktok_shop_en.csv'), 'shop.csv')).json();
    const creator = (await upload(o, fixture('tiktok_creator_vi.csv'), 'vi.csv', o.kos.LAN01)).json();
    expect(creator).toMatchObject({ inserted: 7 });
    const shop = await uploadReport(t, o.apiKey, 'tiktok_shop', sample('tiktok_shop_en.csv'), 'tiktok_shop_en.csv');
    expect(shop.statusCode, shop.body).toBe(201);
    expect(shop.json()).toMatchObject({ inserted: shopAlone.inserted - 1, skipped: shopAlone.skipped + 1 });
    const held = (await lines(o)).filter((l) => l.orderId === '577000000000000001');
    expect(held.map((l) => l.source)).toEqual(['tiktok_creator']);
    const again = await uploadReport(t, o.apiKey, 'tiktok_shop', sample('tiktok_shop_en.csv'), 'tiktok_shop_en.csv');
    expect(again.json()).toMatchObject({ inserted: 0, skipped: shopAlone.skipped + 1 });
  });

  test('another KOS for a line already imported: a row error naming the KOS it has', async () => {
    const o = await org();
    await upload(o, fixture('tiktok_creator_en.csv'), 'en.csv', o.kos.LAN01);
    const res = await upload(o, fixture('tiktok_creator_vi.csv'), 'vi.csv', o.kos.MINH02);
    const report = res.json();
    expect(report).toMatchObject({ rows: 8, inserted: 1, rejected: 7 });
    const other = report.errors.filter((e: { key: string }) => e.key === 'import.row.other_kos');
    expect(other).toHaveLength(6);
    expect(other[0]).toMatchObject({ row: 2, field: 'kosId', params: { kos: 'LAN01' } });
    expect(other[0].message).toMatch(/LAN01/);
    expect((await lines(o)).filter((l) => l.kosCode === 'MINH02')).toHaveLength(1);
  });

  test("a line unassigned by hand goes to the next import's KOS; one assigned by hand is kept, no row error", async () => {
    const o = await org();
    await upload(o, fixture('tiktok_creator_en.csv'), 'en.csv', o.kos.LAN01);
    const stored = await lines(o);
    const first = stored.find((l) => l.orderId === '578000000000000001') as Line & { id: string };
    const second = stored.find((l) => l.orderId === '578000000000000002') as Line & { id: string };
    expect((await t.call(o.apiKey, 'PATCH', `/api/v1/lines/${first.id}`, { kosId: null })).statusCode).toBe(200);
    expect((await t.call(o.apiKey, 'PATCH', `/api/v1/lines/${second.id}`, { kosId: o.kos.HOA03 })).statusCode).toBe(200);
    const report = (await upload(o, fixture('tiktok_creator_en.csv'), 'en.csv', o.kos.MINH02)).json();
    expect(report).toMatchObject({ rows: 6, updated: 1, unchanged: 1, rejected: 4 });
    const after = new Map((await lines(o)).map((l) => [l.orderId, l]));
    expect(after.get('578000000000000001')).toMatchObject({ kosCode: 'MINH02', attribution: 'report' });
    expect(after.get('578000000000000002')).toMatchObject({ kosCode: 'HOA03', attribution: 'manual' });
  });

  test('without kosId (or with an unknown one) the import answers 422 naming kosId and stores nothing', async () => {
    const o = await org();
    const missing = await upload(o, fixture('tiktok_creator_vi.csv'), 'vi.csv');
    expect(missing.statusCode).toBe(422);
    expect(JSON.stringify(missing.json())).toMatch(/kosId/);
    const unknown = await upload(o, fixture('tiktok_creator_vi.csv'), 'vi.csv', 'no-such-kos');
    expect(unknown.statusCode).toBe(422);
    expect(JSON.stringify(unknown.json())).toMatch(/kosId/);
    expect(await lines(o)).toHaveLength(0);
  });

  test('kosId as a query parameter works like the multipart field', async () => {
    const o = await org();
    const res = await upload(o, fixture('tiktok_creator_en.csv'), 'en.csv', o.kos.MINH02, true);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ inserted: 6 });
    expect(new Set((await lines(o)).map((l) => l.kosCode))).toEqual(new Set(['MINH02']));
  });
});
