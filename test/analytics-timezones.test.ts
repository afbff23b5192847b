import { describe, expect, test } from 'vitest';
import { type TestContext, useTestApp } from './support/app.js';
import { DIALECTS } from './support/database.js';
import { signedWebhookRequest } from './support/webhook-signing.js';

// Day buckets and periods are the org's calendar days across DST changes (docs/metrics.md).
// Orders carry an explicit offset (webhook) or a wall time read in the org's zone (generic CSV import).

const SECRET = 'whsec-0123456789abcdef';

interface Order {
  id: string;
  /** Local wall time with its offset for the webhook, or a bare wall time (`YYYY-MM-DD HH:mm:ss`) for the CSV import. */
  time: string;
  kos: string;
  gross?: number;
}

/** An org in `timezone` with KOS `A` and `B` (codes KOSA, KOSB), a 10% plan, and `orders` pushed or imported. */
async function orgWith(t: TestContext, timezone: string, currency: string, orders: Order[]) {
  const o = await t.newOrg({ timezone, currency });
  const ok = async (res: { statusCode: number; body: string }, status = 201) => {
    expect(res.statusCode, res.body).toBe(status);
    return JSON.parse(res.body);
  };
  await ok(await t.call(o.apiKey, 'PATCH', '/api/v1/org', { webhookSecret: SECRET }), 200);
  await ok(await t.call(o.apiKey, 'POST', '/api/v1/plans', { name: 'p', validFrom: '2026-01-01', rateBps: 1000 }));
  const kos: Record<string, string> = {};
  for (const code of ['A', 'B']) {
    const body = {
      code: `KOS${code}`,
      handle: `${code}-${o.slug}`.toLowerCase(),
      name: code,
      relationship: 'independent',
      status: 'active',
    };
    kos[code] = (await ok(await t.call(o.apiKey, 'POST', '/api/v1/kos', body))).id;
  }
  const line = (x: Order) => ({
    platform: 'website',
    orderId: x.id,
    status: 'pending',
    quantity: 1,
    grossMinor: x.gross ?? 10_000,
    netMinor: x.gross ?? 10_000,
    currency,
    kosCode: `KOS${x.kos}`,
  });
  const pushed = orders.filter((x) => /[+-]\d\d:\d\d$/.test(x.time));
  if (pushed.length) {
    const body = { lines: pushed.map((x) => ({ ...line(x), orderTime: x.time })) };
    expect(await ok(await t.app.inject(signedWebhookRequest(o.apiKey, SECRET, body)))).toMatchObject({ inserted: pushed.length });
  }
  const imported = orders.filter((x) => !pushed.includes(x));
  if (imported.length) {
    const csv = [
      'platform,orderId,status,orderTime,quantity,grossMinor,netMinor,currency,kosCode',
      ...imported.map((x) => {
        const l = line(x);
        return [l.platform, l.orderId, l.status, x.time, l.quantity, l.grossMinor, l.netMinor, currency, l.kosCode].join(',');
      }),
    ].join('\n');
    const form = new FormData();
    form.set('source', 'generic');
    form.set('file', new Blob([csv]), 'orders.csv');
    const encoded = new Response(form);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { authorization: `Bearer ${o.apiKey}`, 'content-type': encoded.headers.get('content-type') as string },
      payload: Buffer.from(await encoded.arrayBuffer()),
    });
    expect(await ok(res)).toMatchObject({ inserted: imported.length });
  }
  const get = async (url: string) => ok(await t.call(o.apiKey, 'GET', url), 200);
  return {
    kos,
    /** `[day, orders, commission]` per day of the breakdown. */
    days: async (from: string, to: string) =>
      (await get(`/api/v1/analytics/breakdown?by=day&from=${from}&to=${to}`)).rows.map(
        (r: { key: string; orders: number; commissionMinor: number }) => [r.key, r.orders, r.commissionMinor],
      ),
    orders: async (from: string, to: string) => (await get(`/api/v1/analytics/summary?from=${from}&to=${to}`)).orders,
    board: async (period: string, date: string) => {
      const b = await get(`/api/v1/analytics/leaderboard?metric=gmv&period=${period}&date=${date}`);
      return { from: b.from, to: b.to, rows: b.rows.map((r: { kosId: string; value: number }) => [r.kosId, r.value]) };
    },
  };
}

describe.each(DIALECTS)('analytics day buckets in the org time zone on %s', (dialect) => {
  const t = useTestApp(dialect);

  test('Europe/Berlin: orders around 29 March and 25 October 2026 fall on their local days', async () => {
    const org = await orgWith(t, 'Europe/Berlin', 'EUR', [
      { id: 'S1', time: '2026-03-28T23:30:00+01:00', kos: 'A' },
      { id: 'S2', time: '2026-03-29T00:30:00+01:00', kos: 'A' },
      { id: 'S3', time: '2026-03-29T01:30:00+01:00', kos: 'A' },
      // 02:30 does not exist that day: the clocks jump from 02:00 to 03:00.
      { id: 'S4', time: '2026-03-29T03:30:00+02:00', kos: 'B' },
      { id: 'S5', time: '2026-03-29T23:30:00+02:00', kos: 'B' },
      { id: 'S6', time: '2026-03-30T00:30:00+02:00', kos: 'B', gross: 1_000_000 },
      { id: 'F0', time: '2026-10-24 23:30:00', kos: 'A' },
      { id: 'F1', time: '2026-10-25 00:30:00', kos: 'A' },
      // 02:30 comes twice: summer time, then winter time.
      { id: 'F2', time: '2026-10-25T02:30:00+02:00', kos: 'A' },
      { id: 'F3', time: '2026-10-25T02:30:00+01:00', kos: 'B' },
      { id: 'F4', time: '2026-10-25 23:30:00', kos: 'B' },
      { id: 'F5', time: '2026-10-26 00:30:00', kos: 'B' },
      { id: 'M0', time: '2026-09-30T23:30:00+02:00', kos: 'B', gross: 1_000_000 },
      { id: 'M1', time: '2026-10-01T00:30:00+02:00', kos: 'A' },
      { id: 'M2', time: '2026-11-01T00:30:00+01:00', kos: 'B', gross: 1_000_000 },
    ]);
    expect(await org.days('2026-03-28', '2026-03-31')).toEqual([
      ['2026-03-28', 1, 1000],
      ['2026-03-29', 4, 4000],
      ['2026-03-30', 1, 100_000],
    ]);
    expect(await org.days('2026-10-24', '2026-10-27')).toEqual([
      ['2026-10-24', 1, 1000],
      ['2026-10-25', 4, 4000],
      ['2026-10-26', 1, 1000],
    ]);
    // A period over both changes: still every order on its own day.
    const year = await org.days('2026-01-01', '2027-01-01');
    expect(year.map((r: unknown[]) => [r[0], r[1]])).toEqual([
      ['2026-03-28', 1],
      ['2026-03-29', 4],
      ['2026-03-30', 1],
      ['2026-09-30', 1],
      ['2026-10-01', 1],
      ['2026-10-24', 1],
      ['2026-10-25', 4],
      ['2026-10-26', 1],
      ['2026-11-01', 1],
    ]);
    // The 23-hour and the 25-hour day: [00:00, next 00:00) local.
    expect(await org.orders('2026-03-29', '2026-03-30')).toBe(4);
    expect(await org.orders('2026-10-25', '2026-10-26')).toBe(4);
    expect(await org.orders('2026-03-30', '2026-10-25')).toBe(4);
    // Week of Sunday 29 March: Monday 23 to Monday 30 March, local; S6 (00:30 on the 30th) is outside.
    expect(await org.board('week', '2026-03-29')).toEqual({
      from: '2026-03-23',
      to: '2026-03-30',
      rows: [
        [org.kos.A, 30_000],
        [org.kos.B, 20_000],
      ],
    });
    // October, local: M1 at 00:30 on the 1st is in; M0 (23:30 on 30 September) and M2 (00:30 on 1 November) are out.
    expect(await org.board('month', '2026-10-15')).toEqual({
      from: '2026-10-01',
      to: '2026-11-01',
      rows: [
        [org.kos.A, 40_000],
        [org.kos.B, 30_000],
      ],
    });
  });

  test('America/New_York: orders around 8 March and 1 November 2026 fall on their local days', async () => {
    const org = await orgWith(t, 'America/New_York', 'USD', [
      { id: 'S1', time: '2026-03-07 23:30:00', kos: 'A' },
      { id: 'S2', time: '2026-03-08 00:30:00', kos: 'A' },
      { id: 'S3', time: '2026-03-08 01:30:00', kos: 'A' },
      // 02:30 does not exist that day.
      { id: 'S4', time: '2026-03-08 03:30:00', kos: 'B' },
      { id: 'S5', time: '2026-03-08 23:30:00', kos: 'B' },
      { id: 'S6', time: '2026-03-09 00:30:00', kos: 'B', gross: 1_000_000 },
      { id: 'F0', time: '2026-10-31T23:30:00-04:00', kos: 'A' },
      { id: 'F1', time: '2026-11-01T00:30:00-04:00', kos: 'A' },
      // 01:30 comes twice.
      { id: 'F2', time: '2026-11-01T01:30:00-04:00', kos: 'A' },
      { id: 'F3', time: '2026-11-01T01:30:00-05:00', kos: 'B' },
      { id: 'F4', time: '2026-11-01T23:30:00-05:00', kos: 'B' },
      { id: 'F5', time: '2026-11-02T00:30:00-05:00', kos: 'B', gross: 1_000_000 },
    ]);
    expect(await org.days('2026-03-07', '2026-03-10')).toEqual([
      ['2026-03-07', 1, 1000],
      ['2026-03-08', 4, 4000],
      ['2026-03-09', 1, 100_000],
    ]);
    expect(await org.days('2026-10-31', '2026-11-03')).toEqual([
      ['2026-10-31', 1, 1000],
      ['2026-11-01', 4, 4000],
      ['2026-11-02', 1, 100_000],
    ]);
    expect(await org.orders('2026-03-08', '2026-03-09')).toBe(4);
    expect(await org.orders('2026-11-01', '2026-11-02')).toBe(4);
    // Week of Sunday 1 November: 26 October to 2 November, local; F5 (00:30 on the 2nd) is outside.
    expect(await org.board('week', '2026-11-01')).toEqual({
      from: '2026-10-26',
      to: '2026-11-02',
      rows: [
        [org.kos.A, 30_000],
        [org.kos.B, 20_000],
      ],
    });
    // March, local: S6 at 00:30 on 9 March counts, S1 on 7 March too.
    expect(await org.board('month', '2026-03-20')).toEqual({
      from: '2026-03-01',
      to: '2026-04-01',
      rows: [
        [org.kos.B, 1_020_000],
        [org.kos.A, 30_000],
      ],
    });
  });

  test('America/Havana: 8 March 2026 starts at 01:00 (midnight is skipped), so 23:30 the day before stays out', async () => {
    const org = await orgWith(t, 'America/Havana', 'USD', [
      { id: 'H1', time: '2026-03-07T23:30:00-05:00', kos: 'A' },
      { id: 'H2', time: '2026-03-08T01:30:00-04:00', kos: 'A' },
      { id: 'H3', time: '2026-03-08T23:30:00-04:00', kos: 'B' },
    ]);
    expect(await org.orders('2026-03-08', '2026-03-09')).toBe(2);
    expect(await org.days('2026-03-07', '2026-03-09')).toEqual([
      ['2026-03-07', 1, 1000],
      ['2026-03-08', 2, 2000],
    ]);
  });

  test('Asia/Ho_Chi_Minh (no DST, the fixed-offset fast path): the same days as before', async () => {
    const org = await orgWith(t, 'Asia/Ho_Chi_Minh', 'VND', [
      { id: 'V1', time: '2026-03-28 23:30:00', kos: 'A' },
      { id: 'V2', time: '2026-03-29 00:30:00', kos: 'A' },
      { id: 'V3', time: '2026-03-29 23:30:00', kos: 'B' },
      { id: 'V4', time: '2026-10-25T00:30:00+07:00', kos: 'B' },
      { id: 'V5', time: '2026-10-31T23:30:00+07:00', kos: 'B' },
      { id: 'V6', time: '2026-11-01T00:30:00+07:00', kos: 'A' },
    ]);
    expect((await org.days('2026-01-01', '2027-01-01')).map((r: unknown[]) => [r[0], r[1]])).toEqual([
      ['2026-03-28', 1],
      ['2026-03-29', 2],
      ['2026-10-25', 1],
      ['2026-10-31', 1],
      ['2026-11-01', 1],
    ]);
    expect(await org.orders('2026-03-29', '2026-03-30')).toBe(2);
    expect(await org.board('month', '2026-10-15')).toEqual({ from: '2026-10-01', to: '2026-11-01', rows: [[org.kos.B, 20_000]] });
  });
});
