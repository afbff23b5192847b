import { describe, expect, test } from 'vitest';
import { useTestApp } from './support/app.js';
import { DIALECTS } from './support/database.js';
import { sample, seedSampleOrg, uploadReport } from './support/samples.js';

describe.each(DIALECTS)('analytics on %s', (dialect) => {
  const t = useTestApp(dialect);

  test('November 2026 after shopee_vi.csv: orders 5, GMV 1 773 000 ₫, net sales 1 467 000 ₫, cancel rate 0.2', async () => {
    const o = await seedSampleOrg(t, `an-${dialect}`);
    await t.call(o.apiKey, 'POST', '/api/v1/plans', { name: 'p', validFrom: '2026-01-01', rateBps: 1000 });
    expect((await uploadReport(t, o.apiKey, 'shopee', sample('shopee_vi.csv'), 'vi.csv')).statusCode).toBe(201);
    const res = await t.call(o.apiKey, 'GET', '/api/v1/analytics/summary?from=2026-11-01&to=2026-12-01');
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({
      orders: 5,
      gmvMinor: 1_773_000,
      netSalesMinor: 1_467_000,
      cancelRate: 0.2,
      currency: 'VND',
      clicks: 0,
      conversionRate: null,
    });
    expect(s.aovMinor).toBe(Math.round(1_773_000 / 5));
    const lan = (
      await t.call(o.apiKey, 'GET', `/api/v1/analytics/summary?from=2026-11-01&to=2026-12-01&kosId=${o.kos.LAN01}`)
    ).json();
    // LAN01: 261101AAA111 (pending) and 261103CCC331 (cancelled); 261105EEE551 is unpaid.
    expect(lan).toMatchObject({ orders: 2, cancelRate: 0.5 });
    const byKos = (await t.call(o.apiKey, 'GET', '/api/v1/analytics/breakdown?by=kos&from=2026-11-01&to=2026-12-01')).json().rows;
    expect(byKos.reduce((n: number, r: { orders: number }) => n + r.orders, 0)).toBe(5);
    expect(byKos.find((r: { key: string }) => r.key === '')).toMatchObject({ label: 'unattributed', orders: 1 });
    const byDay = (await t.call(o.apiKey, 'GET', '/api/v1/analytics/breakdown?by=day&from=2026-11-01&to=2026-12-01')).json().rows;
    expect(byDay.map((r: { key: string; orders: number }) => [r.key, r.orders])).toEqual([
      ['2026-11-01', 2],
      ['2026-11-02', 1],
      ['2026-11-03', 1],
      ['2026-11-04', 1],
      ['2026-11-05', 0],
    ]);
    const board = (
      await t.call(o.apiKey, 'GET', '/api/v1/analytics/leaderboard?metric=netSales&period=month&date=2026-11-15')
    ).json();
    // Net sales: HOA03 150 000 + 379 000, LAN01 300 000 (its other order is cancelled), MINH02 239 000.
    expect(board.rows.map((r: { kosId: string; value: number }) => [r.kosId, r.value])).toEqual([
      [o.kos.HOA03, 529_000],
      [o.kos.LAN01, 300_000],
      [o.kos.MINH02, 239_000],
    ]);
    expect(board.rows.map((r: { kosId: string }) => r.kosId)).not.toContain('');
    const other = await seedSampleOrg(t, `an2-${dialect}`);
    expect((await t.call(other.apiKey, 'GET', '/api/v1/analytics/summary?from=2026-11-01&to=2026-12-01')).json()).toMatchObject({
      orders: 0,
      gmvMinor: 0,
      aovMinor: null,
      cancelRate: null,
    });
    expect((await t.call(other.apiKey, 'GET', `/api/v1/analytics/summary?kosId=${o.kos.LAN01}`)).statusCode).toBe(404);
  });
});
