import { describe, expect, test } from 'vitest';
import { type Caller, sessionCaller, type TestContext, useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { signedWebhookRequest } from '../../../test/support/webhook-signing.js';

const SECRET = 'tiers-secret-0123456789';
// d = 2026-06-01 in Asia/Ho_Chi_Minh: W = [2026-05-02, 2026-06-01), P = [2026-04-02, 2026-05-02).
const D = '2026-06-01';

async function kosMember(t: TestContext, owner: string, kosId: string, handle: string): Promise<Caller> {
  const email = `${handle}@example.com`;
  const password = 'kos password 1';
  expect((await t.call(owner, 'POST', '/api/v1/members', { email, password, role: 'kos', kosId })).statusCode).toBe(201);
  const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  return sessionCaller(t.app, login.cookies.find((c) => c.name === 'kos_session')?.value ?? '');
}

describe.each(DIALECTS)('scorecards and tiers on %s (docs/tiers.md)', (dialect) => {
  const t = useTestApp(dialect);

  test('RPG, tiers, cut-offs, locking, history, distribution and who may read what', async () => {
    const org = await t.newOrg();
    const call = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) => t.call(org.apiKey, method, url, body);
    const post = async (url: string, body: object) => {
      const res = await call('POST', url, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string };
    };
    expect((await call('GET', '/api/v1/org')).json().tierCutoffs).toEqual({ s: 10, a: 20, b: 40 });
    expect((await call('PATCH', '/api/v1/org', { webhookSecret: SECRET, targetCategories: ['sắc đẹp'] })).statusCode).toBe(200);
    const region = await post('/api/v1/units', { name: 'Miền Nam', kind: 'region' });
    const store = await post('/api/v1/units', { name: 'Store Q1', kind: 'store', parentId: region.id });
    const kos = (code: string, status: string, unitId: string, voucher: string) =>
      post('/api/v1/kos', {
        code,
        handle: `${code.toLowerCase()}-${dialect}`,
        name: code,
        relationship: 'independent',
        status,
        unitId,
        voucherCodes: [voucher],
      });
    const lan = await kos('LAN01', 'active', store.id, 'LANV');
    const minh = await kos('MINH02', 'active', store.id, 'MINHV');
    const hoa = await kos('HOA03', 'active', region.id, 'HOAV');
    const off = await kos('OFF04', 'paused', region.id, 'OFFV');
    const lanAccount = await post(`/api/v1/kos/${lan.id}/accounts`, {
      platform: 'shopee',
      handle: `lan-${dialect}`,
      followers: 2000,
    });
    await post(`/api/v1/accounts/${lanAccount.id}/follower-history`, { followers: 1000, recordedAt: '2026-04-01T00:00:00Z' });
    const hoaAccount = await post(`/api/v1/kos/${hoa.id}/accounts`, {
      platform: 'tiktok_shop',
      handle: `hoa-${dialect}`,
      followers: 500,
    });
    await post(`/api/v1/accounts/${hoaAccount.id}/follower-history`, { followers: 100, recordedAt: '2026-05-10T00:00:00Z' });
    await post('/api/v1/products', { sku: 'DEN-LED', name: 'Đèn', priceMinor: 400, category: 'Nhà cửa' });

    let n = 0;
    const line = (voucher: string, orderTime: string, netMinor: number, extra: object = {}) => ({
      platform: 'shopee',
      orderId: `T-${++n}`,
      status: 'completed',
      orderTime,
      quantity: 1,
      grossMinor: netMinor,
      netMinor,
      currency: 'VND',
      voucher,
      ...extra,
    });
    const lines = [
      line('LANV', '2026-05-20T10:00:00+07:00', 600, { category: 'SẮC ĐẸP' }),
      // At W's first instant, in the product's category (not a target one).
      line('LANV', '2026-05-02T00:00:00+07:00', 400, { sku: 'DEN-LED' }),
      line('LANV', '2026-04-15T10:00:00+07:00', 500, { category: 'Sắc đẹp' }),
      // d itself is outside W; a cancelled line earns nothing.
      line('LANV', '2026-06-01T00:00:00+07:00', 99_999),
      line('LANV', '2026-05-21T10:00:00+07:00', 77_777, { status: 'cancelled' }),
      line('MINHV', '2026-05-25T10:00:00+07:00', 3000, { category: 'Sắc đẹp' }),
      line('OFFV', '2026-05-25T10:00:00+07:00', 9000),
    ];
    const pushed = await t.app.inject(signedWebhookRequest(org.apiKey, SECRET, { lines }, 'unique'));
    expect(pushed.statusCode, pushed.body).toBe(201);

    // LAN: relevance 600/1000, performance 1000×1000/2000, growth (2000−1000)/1000 + (1000−500)/500.
    // MINH: 1, 3000×1000/1, 0 + 3000/1. HOA (no sales; followers 100 → 500, its earliest record): 0, 0, 4.
    const card = await call('GET', `/api/v1/kos/${lan.id}/scorecard?date=${D}`);
    expect(card.statusCode, card.body).toBe(200);
    expect(card.json()).toMatchObject({
      date: D,
      kpis: { netSalesMinor: 1000, orders: 3, gmvMinor: 78_777 },
      followers: 2000,
      followerTier: 'nano',
      tier: null,
      tierLocked: false,
      rpgValues: { relevance: 0.6, performance: 500, growth: 2 },
      rpg: { relevance: 50, performance: 50, growth: 0, score: 33 },
    });
    const cards = await call('GET', `/api/v1/scorecards?date=${D}`);
    expect(cards.statusCode, cards.body).toBe(200);
    const brief = (items: { code: string; rpg: { score: number } | null; netSalesMinor: number }[]) =>
      items.map((i) => `${i.code} ${i.netSalesMinor} ${i.rpg?.score ?? '-'}`);
    expect(brief(cards.json().items)).toEqual(['HOA03 0 17', 'LAN01 1000 33', 'MINH02 3000 100', 'OFF04 9000 -']);
    expect((await call('GET', `/api/v1/scorecards?date=${D}&unitId=${store.id}`)).json().items).toHaveLength(2);

    // n = 3 at 10/20/40: S ≤ 1, A ≤ ⌈0.9⌉ = 1, B ≤ ⌈2.1⌉ = 3; no sales → C; the paused KOS is left alone.
    const first = await call('POST', '/api/v1/tiers/recompute', { date: D });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({
      date: D,
      changes: expect.arrayContaining([
        { kosId: minh.id, from: null, to: 'S' },
        { kosId: lan.id, from: null, to: 'B' },
        { kosId: hoa.id, from: null, to: 'C' },
      ]),
    });
    expect(first.json().changes).toHaveLength(3);
    expect((await call('GET', `/api/v1/kos/${off.id}`)).json().tier).toBeNull();

    // Cut-offs: clear field errors, then 34/33/33 makes the second KOS S (⌈3 × 34/100⌉ = 2).
    const bad = await call('PATCH', '/api/v1/org', { tierCutoffs: { s: 50, a: 30, b: 21 } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'tierCutoffs', key: 'org.tier_cutoffs.sum' })]);
    const negative = await call('PATCH', '/api/v1/org', { tierCutoffs: { s: -1, a: 2.5, b: 0 } });
    expect(
      negative
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['tierCutoffs.a', 'tierCutoffs.s']);
    const patched = await call('PATCH', '/api/v1/org', { tierCutoffs: { s: 34, a: 33, b: 33 } });
    expect(patched.json().tierCutoffs).toEqual({ s: 34, a: 33, b: 33 });

    // HOA locked at A by hand: recorded as manual; recomputes leave it.
    const locked = await call('PATCH', `/api/v1/kos/${hoa.id}`, { tier: 'A', tierLocked: true });
    expect(locked.json()).toMatchObject({ tier: 'A', tierLocked: true });
    const second = await call('POST', '/api/v1/tiers/recompute', { date: D });
    expect(second.json().changes).toEqual([{ kosId: lan.id, from: 'B', to: 'S' }]);
    const history = await call('GET', `/api/v1/kos/${hoa.id}/tier-history`);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(Date.now());
    expect(history.json().items).toEqual([
      { date: D, from: null, to: 'C', reason: 'recompute' },
      { date: today, from: 'C', to: 'A', reason: 'manual' },
    ]);
    expect((await call('POST', '/api/v1/tiers/recompute', { date: D })).json().changes).toEqual([]);

    // Distribution: the region's subtree (HOA A, LAN S, MINH S; the paused KOS not counted), then its store.
    expect((await call('GET', '/api/v1/tiers/distribution')).json().rows).toEqual([
      { unitId: region.id, name: 'Miền Nam', kind: 'region', S: 2, A: 1, B: 0, C: 0, none: 0 },
    ]);
    expect((await call('GET', `/api/v1/tiers/distribution?unitId=${region.id}`)).json().rows).toEqual([
      { unitId: store.id, name: 'Store Q1', kind: 'store', S: 2, A: 0, B: 0, C: 0, none: 0 },
    ]);

    const trend = await call('GET', `/api/v1/kos/${lan.id}/scorecard/trend?weeks=3`);
    expect(trend.statusCode, trend.body).toBe(200);
    expect(trend.json().points).toHaveLength(3);

    // A kos member: their own scorecard and history, nothing else.
    const asLan = await kosMember(t, org.apiKey, lan.id, `lan-${dialect}`);
    expect((await asLan('GET', `/api/v1/kos/${lan.id}/scorecard?date=${D}`)).json().rpg.score).toBe(33);
    expect((await asLan('GET', `/api/v1/kos/${lan.id}/tier-history`)).json().items).toHaveLength(2);
    expect((await asLan('GET', `/api/v1/kos/${lan.id}/scorecard/trend?weeks=1`)).statusCode).toBe(200);
    for (const [method, url] of [
      ['GET', `/api/v1/kos/${minh.id}/scorecard`],
      ['GET', `/api/v1/kos/${minh.id}/tier-history`],
      ['GET', `/api/v1/kos/${minh.id}/scorecard/trend`],
      ['GET', '/api/v1/scorecards'],
      ['GET', '/api/v1/tiers/distribution'],
      ['POST', '/api/v1/tiers/recompute'],
    ] as const)
      expect((await asLan(method, url, method === 'POST' ? {} : undefined)).statusCode, url).toBe(403);
    expect((await asLan('PATCH', `/api/v1/kos/${lan.id}`, { tierLocked: true })).statusCode).toBe(403);

    // No line in a target category: relevance 0; no target categories at all: every category counts.
    const relevance = async () => (await call('GET', `/api/v1/kos/${lan.id}/scorecard?date=${D}`)).json().rpgValues.relevance;
    await call('PATCH', '/api/v1/org', { targetCategories: ['không có'] });
    expect(await relevance()).toBe(0);
    await call('PATCH', '/api/v1/org', { targetCategories: [] });
    expect(await relevance()).toBe(1);
    // By the product's category when the line has none (DEN-LED is "Nhà cửa": 400 of 1 000).
    await call('PATCH', '/api/v1/org', { targetCategories: ['NHÀ CỬA'] });
    expect(await relevance()).toBe(0.4);

    // A manager may read scorecards but not recompute.
    const managerKey = (await post('/api/v1/api-keys', { name: 'm', role: 'manager' })) as unknown as { key: string };
    expect((await t.call(managerKey.key, 'POST', '/api/v1/tiers/recompute', {})).statusCode).toBe(403);
    expect((await t.call(managerKey.key, 'GET', '/api/v1/scorecards')).statusCode).toBe(200);
  });
});
