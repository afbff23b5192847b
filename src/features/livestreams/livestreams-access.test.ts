import type { InjectOptions } from 'fastify';
import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { tieSession } from './livestreams.js';
import { sessionsForTie } from './livestreams.service.js';
import { type Caller, createSession, kosMember, livestreamFixture, roleKey, sessionBody } from './livestreams-fixture.js';

type Method = InjectOptions['method'];

describe.each(DIALECTS)('livestream access, metrics and tie on %s', (dialect) => {
  const t = useTestApp(dialect);

  async function setup() {
    const f = await livestreamFixture(t);
    const sN = await createSession(t, f.org.apiKey, sessionBody(f));
    const sS = await createSession(t, f.org.apiKey, sessionBody(f, { kosId: f.kosS, accountId: f.accS }));
    const endpoints = (id: string): [Method, string, unknown?][] => [
      ['GET', '/api/v1/livestreams'],
      ['POST', '/api/v1/livestreams', sessionBody(f)],
      ['GET', `/api/v1/livestreams/${id}`],
      ['PATCH', `/api/v1/livestreams/${id}`, { title: 'x' }],
      ['GET', `/api/v1/livestreams/${id}/metrics`],
    ];
    return { f, sN, sS, endpoints };
  }

  test('401 on every endpoint without credentials', async () => {
    const { f, sN, endpoints } = await setup();
    for (const [method, url, body] of endpoints(sN.id)) {
      const res = await t.call(null, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
    expect((await t.call(f.org.apiKey, 'GET', '/api/v1/livestreams')).json().items).toHaveLength(2);
  });

  test('403: viewers and kos members read but do not write; a kos member sees only their own sessions', async () => {
    const { f, sN, sS } = await setup();
    const viewer = await roleKey(t, f.org.apiKey, 'viewer');
    const viewerCall: Caller = (method, url, body) => t.call(viewer, method, url, body);
    const me = await kosMember(t, f.org.apiKey, f.kosN);
    for (const caller of [viewerCall, me]) {
      expect((await caller('GET', `/api/v1/livestreams/${sN.id}`)).statusCode).toBe(200);
      expect((await caller('GET', `/api/v1/livestreams/${sN.id}/metrics`)).statusCode).toBe(200);
      expect((await caller('POST', '/api/v1/livestreams', sessionBody(f))).statusCode).toBe(403);
      expect((await caller('PATCH', `/api/v1/livestreams/${sN.id}`, { status: 'cancelled' })).statusCode).toBe(403);
    }
    expect((await viewerCall('GET', '/api/v1/livestreams')).json().items).toHaveLength(2);
    expect((await me('GET', '/api/v1/livestreams')).json().items.map((s: { id: string }) => s.id)).toEqual([sN.id]);
    expect((await me('GET', `/api/v1/livestreams/${sS.id}`)).statusCode).toBe(403);
    expect((await me('GET', `/api/v1/livestreams?kosId=${f.kosS}`)).statusCode).toBe(403);
    expect((await t.call(f.org.apiKey, 'GET', `/api/v1/livestreams/${sN.id}`)).json()).toMatchObject({
      status: 'scheduled',
      title: sN.title,
    });
  });

  test('403 by unit scope: a manager of North cannot reach South sessions', async () => {
    const { f, sN, sS } = await setup();
    const manager = await roleKey(t, f.org.apiKey, 'manager', f.north);
    const call = (method: Method, url: string, body?: unknown) => t.call(manager, method, url, body);
    expect((await call('GET', `/api/v1/livestreams/${sS.id}`)).statusCode).toBe(403);
    expect((await call('PATCH', `/api/v1/livestreams/${sS.id}`, { title: 'mine' })).statusCode).toBe(403);
    expect((await call('GET', `/api/v1/livestreams/${sS.id}/metrics`)).statusCode).toBe(403);
    expect((await call('POST', '/api/v1/livestreams', sessionBody(f, { kosId: f.kosS, accountId: f.accS }))).statusCode).toBe(
      403,
    );
    expect((await call('PATCH', `/api/v1/livestreams/${sN.id}`, { kosId: f.kosS, accountId: f.accS })).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/livestreams')).json().items.map((s: { id: string }) => s.id)).toEqual([sN.id]);
    expect((await call('PATCH', `/api/v1/livestreams/${sN.id}`, { status: 'live' })).json().status).toBe('live');
    expect((await call('POST', '/api/v1/livestreams', sessionBody(f))).statusCode).toBe(201);
    expect((await t.call(f.org.apiKey, 'GET', `/api/v1/livestreams/${sS.id}`)).json().title).toBe(sS.title);
  });

  test("404 for another org's sessions and KOS", async () => {
    const { f, sN, endpoints } = await setup();
    const other = await livestreamFixture(t);
    for (const [method, url, body] of endpoints(sN.id).slice(2)) {
      const res = await t.call(other.org.apiKey, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().code).toBe('not_found');
    }
    expect((await t.call(other.org.apiKey, 'POST', '/api/v1/livestreams', sessionBody(f))).statusCode).toBe(404);
    expect((await t.call(other.org.apiKey, 'GET', `/api/v1/livestreams?kosId=${f.kosN}`)).statusCode).toBe(404);
    expect((await t.call(other.org.apiKey, 'GET', '/api/v1/livestreams')).json().items).toEqual([]);
    expect((await t.call(f.org.apiKey, 'GET', `/api/v1/livestreams/${sN.id}`)).json().title).toBe(sN.title);
  });

  test('metrics: the docs/metrics.md funnel from stats, null on a zero denominator, the session fee', async () => {
    const { f, sN, sS } = await setup();
    await t.call(f.org.apiKey, 'PATCH', `/api/v1/livestreams/${sN.id}`, {
      feeMinor: 2_000_000,
      stats: {
        views: 4000,
        peakViewers: 350,
        avgWatchSeconds: 95,
        productClicks: 800,
        addToCart: 200,
        questions: 40,
        questionsAnswered: 30,
      },
    });
    const res = await t.call(f.org.apiKey, 'GET', `/api/v1/livestreams/${sN.id}/metrics`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: sN.id,
      gmvMinor: 0,
      orders: 0,
      gpm: 0,
      ctr: 0.2,
      ctor: 0,
      addToCartRate: 0.25,
      responseRate: 0.75,
      avgWatchSeconds: 95,
      peakViewers: 350,
      feeMinor: 2_000_000,
      commissionMinor: 0,
      currency: 'VND',
    });
    expect((await t.call(f.org.apiKey, 'GET', `/api/v1/livestreams/${sS.id}/metrics`)).json()).toMatchObject({
      gpm: null,
      ctr: null,
      ctor: null,
      addToCartRate: null,
      responseRate: null,
      feeMinor: 0,
    });
  });

  test('sessionsForTie returns live and ended sessions with actual times; tieSession picks among them', async () => {
    const { f, sN, sS } = await setup();
    const at = (iso: string) => Date.parse(iso);
    const ended = await createSession(
      t,
      f.org.apiKey,
      sessionBody(f, { status: 'ended', actualStart: '2026-01-10T12:00:00Z', actualEnd: '2026-01-10T14:00:00Z' }),
    );
    const later = await createSession(
      t,
      f.org.apiKey,
      sessionBody(f, { status: 'ended', actualStart: '2026-01-10T13:00:00Z', actualEnd: '2026-01-10T13:30:00Z' }),
    );
    await createSession(t, f.org.apiKey, sessionBody(f, { status: 'cancelled' }));
    await t.call(f.org.apiKey, 'PATCH', `/api/v1/livestreams/${sS.id}`, { status: 'live', actualStart: '2026-01-10T12:00:00Z' });
    const db = t.db.database.db;
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect((await sessionsForTie(db, f.org.orgId, [f.kosN])).sort(byId)).toEqual(
      [
        {
          id: ended.id,
          kosId: f.kosN,
          platform: 'tiktok_shop',
          actualStart: at('2026-01-10T12:00:00Z'),
          actualEnd: at('2026-01-10T14:00:00Z'),
        },
        {
          id: later.id,
          kosId: f.kosN,
          platform: 'tiktok_shop',
          actualStart: at('2026-01-10T13:00:00Z'),
          actualEnd: at('2026-01-10T13:30:00Z'),
        },
      ].sort(byId),
    );
    const both = await sessionsForTie(db, f.org.orgId, [f.kosN, f.kosS, f.kosN]);
    expect(both.map((s) => s.id).sort()).toEqual([ended.id, later.id, sS.id].sort());
    expect(both.find((s) => s.id === sS.id)).toMatchObject({ platform: 'shopee', actualEnd: null });
    expect(await sessionsForTie(db, f.org.orgId, [])).toEqual([]);
    expect(await sessionsForTie(db, 'another-org', [f.kosN])).toEqual([]);
    expect(sN.status).toBe('scheduled');

    const line = (iso: string) => ({ kosId: f.kosN, platform: 'tiktok_shop', orderTime: at(iso) });
    expect(tieSession(both, line('2026-01-10T13:15:00Z'), 0)).toBe(later.id);
    expect(tieSession(both, line('2026-01-10T13:45:00Z'), 0)).toBe(ended.id);
    expect(tieSession(both, line('2026-01-10T14:30:00Z'), 0)).toBeNull();
    expect(tieSession(both, line('2026-01-10T14:30:00Z'), 1)).toBe(later.id);
  });
});
