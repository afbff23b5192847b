import { describe, expect, test } from 'vitest';
import { useTestApp } from './support/app.js';
import { DIALECTS } from './support/database.js';
import { sample, seedSampleOrg, uploadReport } from './support/samples.js';

describe.each(DIALECTS)('livestream sessions meet orders and the ledger on %s', (dialect) => {
  const t = useTestApp(dialect);

  test('a live TikTok line ties to the session; metrics show its GMV; the ended session books its fee', async () => {
    const o = await seedSampleOrg(t, `ls-${dialect}`);
    await t.call(o.apiKey, 'POST', '/api/v1/plans', {
      name: 'Default',
      validFrom: '2026-01-01',
      rateBps: 1000,
      livestreamFeeMinor: 300_000,
    });
    const [account] = (await t.call(o.apiKey, 'GET', `/api/v1/kos/${o.kos.LAN01}/accounts`)).json().items;
    const session = await t.call(o.apiKey, 'POST', '/api/v1/livestreams', {
      kosId: o.kos.LAN01,
      accountId: account.id,
      title: 'Live 1/11',
      scheduledStart: '2026-11-01T20:00:00+07:00',
      scheduledEnd: '2026-11-01T22:00:00+07:00',
      actualStart: '2026-11-01T20:00:00+07:00',
      actualEnd: '2026-11-01T22:00:00+07:00',
      status: 'ended',
      stats: { views: 10_000, productClicks: 500, addToCart: 100, questions: 10, questionsAnswered: 8 },
    });
    expect(session.statusCode, session.body).toBe(201);
    const id = session.json().id;
    expect((await uploadReport(t, o.apiKey, 'tiktok_shop', sample('tiktok_shop_en.csv'), 'tt.csv')).statusCode).toBe(201);
    const lines = (await t.call(o.apiKey, 'GET', '/api/v1/lines?limit=50')).json().items;
    const live = lines.find((l: { orderId: string }) => l.orderId === '577000000000000001');
    expect(live).toMatchObject({ contentType: 'live', kosCode: 'LAN01', sessionId: id });
    expect(lines.filter((l: { sessionId: string | null }) => l.sessionId === id)).toHaveLength(1);
    const metrics = (await t.call(o.apiKey, 'GET', `/api/v1/livestreams/${id}/metrics`)).json();
    expect(metrics).toMatchObject({
      gmvMinor: 249_000,
      orders: 1,
      gpm: 24_900,
      ctr: 0.05,
      ctor: 0.002,
      addToCartRate: 0.2,
      responseRate: 0.8,
      feeMinor: 300_000,
    });
    expect(metrics.commissionMinor).toBe(300_000 + 22_900);
    const fee = (await t.call(o.apiKey, 'GET', '/api/v1/ledger?kind=livestream_fee')).json().items;
    expect(fee).toEqual([
      expect.objectContaining({ sessionId: id, amountMinor: 300_000, status: 'pending', eligibleAt: '2026-11-01T15:00:00.000Z' }),
    ]);
  });
});
