import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, test } from 'vitest';
import { fillPath, IMPORT_MAPPING, type PortalFixture, portalFixture } from './portal-access-fixture.js';
import { SAME_ORIGIN, useTestApp } from './support/app.js';
import { DIALECTS } from './support/database.js';

type Method = InjectOptions['method'];

/**
 * What a `kos` member may call (docs/portal.md "What a KOS member may call"), as `METHOD path` → the status
 * of the call on their own records. Every other route the app registers must answer 403 (404 for a record
 * it cannot tell exists), on their own records and on another KOS's alike.
 */
const ALLOWED: Record<string, number> = {
  'GET /api/v1/me': 200,
  'GET /api/v1/org': 200,
  'GET /api/v1/kos': 200,
  'GET /api/v1/kos/{id}': 200,
  'PATCH /api/v1/kos/{id}': 200,
  'GET /api/v1/kos/{id}/onboarding': 200,
  'GET /api/v1/kos/{id}/accounts': 200,
  'GET /api/v1/accounts/{id}': 200,
  'PATCH /api/v1/accounts/{id}': 200,
  'GET /api/v1/accounts/{id}/follower-history': 200,
  'GET /api/v1/kos/{id}/scorecard': 200,
  'GET /api/v1/kos/{id}/scorecard/trend': 200,
  'GET /api/v1/kos/{id}/tier-history': 200,
  'GET /api/v1/products': 200,
  'GET /api/v1/products/{id}': 200,
  'GET /api/v1/links': 200,
  'POST /api/v1/links': 201,
  'GET /api/v1/links/{id}': 200,
  'GET /api/v1/links/{id}/qr.svg': 200,
  'GET /api/v1/lines': 200,
  'GET /api/v1/lines/{id}': 200,
  'GET /api/v1/ledger': 200,
  'GET /api/v1/payouts': 200,
  'GET /api/v1/payouts/{id}': 200,
  'GET /api/v1/payouts/{id}/statement': 200,
  'GET /api/v1/analytics/summary': 200,
  'GET /api/v1/analytics/breakdown': 200,
  'GET /api/v1/analytics/leaderboard': 200,
  'GET /api/v1/livestreams': 200,
  'GET /api/v1/livestreams/{id}': 200,
  'GET /api/v1/livestreams/{id}/metrics': 200,
  'GET /api/v1/livestreams/{id}/run-sheet': 200,
  'GET /api/v1/livestreams/{id}/run-sheet.html': 200,
  'GET /api/v1/livestreams/{id}/live': 200,
  'GET /api/v1/contests': 200,
  'GET /api/v1/contests/{id}': 200,
  'GET /api/v1/contests/{id}/standings': 200,
  'GET /api/v1/courses': 200,
  'GET /api/v1/courses/{id}': 200,
  'GET /api/v1/enrolments': 200,
  'GET /api/v1/enrolments/{id}': 200,
  'POST /api/v1/enrolments/{id}/lessons/{lessonId}/complete': 200,
};
/** Signing in and out are for everyone; they are tested with the sessions. */
const SKIPPED = new Set(['POST /api/v1/auth/login', 'POST /api/v1/auth/logout']);

/**
 * A valid body (or query) for the routes that validate before they check the caller, so that the answer
 * is the role check's and not a 422: a route answering 422 to `{}` fails the test until it has one here.
 */
const inputs = (f: PortalFixture): Record<string, { body?: unknown; query?: string }> => ({
  'PATCH /api/v1/kos/{id}': { body: { bio: 'Skin care every Friday night' } },
  'PATCH /api/v1/accounts/{id}': { body: { followers: 1234 } },
  'POST /api/v1/links': { body: { productId: f.productWithUrl, title: 'Mine' } },
  'POST /api/v1/enrolments/{id}/lessons/{lessonId}/complete': { body: {} },
  'GET /api/v1/analytics/breakdown': { query: 'by=kos' },
  'GET /api/v1/advisor/platforms': { query: 'goal=sales' },
  'GET /api/v1/payouts/export.csv': { query: 'period=2020-01' },
  'POST /api/v1/units': { body: { name: 'Portal', kind: 'region' } },
  'POST /api/v1/members': { body: { email: 'portal@example.com', role: 'viewer', password: 'portal password 1' } },
  'POST /api/v1/api-keys': { body: { name: 'portal', role: 'viewer' } },
  'POST /api/v1/kos': { body: { code: 'PORTAL1', handle: 'portal-one', name: 'P', relationship: 'agent' } },
  'POST /api/v1/kos/{id}/accounts': { body: { platform: 'website', handle: 'portal' } },
  'POST /api/v1/accounts/{id}/follower-history': { body: { followers: 5 } },
  'POST /api/v1/products': { body: { sku: 'PORTAL1', name: 'P', priceMinor: 1 } },
  'POST /api/v1/plans': { body: { name: 'P', validFrom: '2026-01-01', rateBps: 100 } },
  'PATCH /api/v1/lines/{id}': { body: { kosId: f.ownKosId } },
  'POST /api/v1/ledger': { body: { kosId: f.ownKosId, kind: 'bonus', amountMinor: 1_000_000, reason: 'me' } },
  'POST /api/v1/payouts/close': { body: { period: '2020-01' } },
  'POST /api/v1/payouts/{id}/mark-paid': { body: { reference: 'me' } },
  'POST /api/v1/livestreams': {
    body: {
      kosId: f.ownKosId,
      accountId: f.own.get('/api/v1/accounts/')?.id,
      title: 'Mine',
      scheduledStart: '2030-01-01T12:00:00Z',
      scheduledEnd: '2030-01-01T13:00:00Z',
    },
  },
  'PUT /api/v1/livestreams/{id}/run-sheet': { body: { segments: [] } },
  'POST /api/v1/recruitment/drives': { body: { name: 'P', slug: 'portal-drive' } },
  'POST /api/v1/recruitment/applications/{id}/convert': { body: { code: 'PORTAL2' } },
  'POST /api/v1/contests': { body: { name: 'P', metric: 'netSales', from: '2030-01-01', to: '2030-01-31' } },
  'POST /api/v1/courses': { body: { title: 'P' } },
  'PATCH /api/v1/enrolments/{id}': { body: { dueAt: '2030-01-01T00:00:00Z' } },
  'POST /api/v1/webhooks/orders': { body: { lines: [] } },
  'POST /api/v1/import-mappings': { body: { ...IMPORT_MAPPING, name: 'lan_map' } },
});

describe.each(DIALECTS)('the KOS portal: what a kos member may call on %s', (dialect) => {
  const t = useTestApp(dialect);
  let f: PortalFixture;
  let routes: string[];
  beforeAll(async () => {
    f = await portalFixture(t);
    const doc = (await t.call(null, 'GET', '/api/openapi.json')).json();
    routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
  }, 180_000);

  /** The answer to Lan's call of a route with the ids of `side`; the live room is a stream, read only to its headers. */
  async function call(route: string, side: 'own' | 'other'): Promise<{ status: number; key?: string } | null> {
    const [method, path] = route.split(' ') as [Method, string];
    const filled = fillPath(path, f[side]);
    if (filled === null) return null;
    const input = inputs(f)[route] ?? {};
    const url = input.query ? `${filled}?${input.query}` : filled;
    const body = method === 'GET' || method === 'DELETE' ? undefined : (input.body ?? {});
    if (path.endsWith('/live')) {
      const res = await t.app.inject({
        method,
        url,
        cookies: { kos_session: f.cookie },
        headers: { origin: SAME_ORIGIN },
        payloadAsStream: true,
      });
      res.stream().destroy();
      return { status: res.statusCode };
    }
    const res = await f.member(method, url, body);
    const json = String(res.headers['content-type'] ?? '').includes('json') ? res.json() : {};
    return { status: res.statusCode, key: json.key };
  }

  test('every registered route is known to the test: the allow-list names only routes that exist', () => {
    expect(routes.length).toBeGreaterThan(90);
    for (const route of Object.keys(ALLOWED)) expect(routes, route).toContain(route);
  });

  test('outside the allow-list: 403 on their own records and on another KOS’s, never a 2xx', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      if (SKIPPED.has(route) || route in ALLOWED) continue;
      for (const side of ['own', 'other'] as const) {
        const res = await call(route, side);
        if (res === null) wrong.push(`${route} (${side}): no id to fill in — add its records to portal-access-fixture.ts`);
        else if (res.status === 422) wrong.push(`${route} (${side}): 422 ${res.key} — give it a valid input in inputs()`);
        else if (res.status !== 403 && res.status !== 404) wrong.push(`${route} (${side}): ${res.status} ${res.key ?? ''}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 180_000);

  test('inside the allow-list: their own records answer 2xx; another KOS’s answer 403', async () => {
    const wrong: string[] = [];
    for (const [route, status] of Object.entries(ALLOWED)) {
      const own = await call(route, 'own');
      if (own?.status !== status) wrong.push(`${route} (own): ${own?.status} ${own?.key ?? ''}`);
      // A route with ids reaches only Lan's; the lists and `/me` are scoped (below).
      if (!route.includes('{')) continue;
      const other = await call(route, 'other');
      const unscoped = route.startsWith('GET /api/v1/products/');
      if (unscoped ? other?.status !== 200 : other?.status !== 403 && other?.status !== 404)
        wrong.push(`${route} (other): ${other?.status} ${other?.key ?? ''}`);
    }
    expect(wrong).toEqual([]);
  }, 180_000);

  test('the lists answer only their own records; naming another KOS is 403', async () => {
    const kosIds = async (path: string) =>
      new Set(((await f.member('GET', path)).json().items as { kosId: string }[]).map((x) => x.kosId));
    for (const path of ['/api/v1/links', '/api/v1/lines', '/api/v1/payouts', '/api/v1/livestreams', '/api/v1/enrolments'])
      expect([...(await kosIds(`${path}?limit=100`))], path).toEqual([f.ownKosId]);
    const ledger = (await f.member('GET', '/api/v1/ledger')).json();
    const entries = (Array.isArray(ledger) ? ledger : ledger.items) as { kosId: string }[];
    expect(new Set(entries.map((e) => e.kosId))).toEqual(new Set([f.ownKosId]));
    expect((await f.member('GET', '/api/v1/kos')).json().items.map((k: { id: string }) => k.id)).toEqual([f.ownKosId]);
    const board = (await f.member('GET', '/api/v1/analytics/leaderboard?limit=500')).json().rows as { kosId: string }[];
    expect(board.every((r) => r.kosId === f.ownKosId)).toBe(true);
    for (const path of ['/api/v1/links', '/api/v1/lines', '/api/v1/payouts', '/api/v1/ledger', '/api/v1/analytics/summary'])
      expect((await f.member('GET', `${path}?kosId=${f.otherKosId}`)).statusCode, path).toBe(403);
    // The fields that are not theirs to change: the KOS record's programme fields and the audited account flags.
    expect((await f.member('PATCH', `/api/v1/kos/${f.ownKosId}`, { tier: 'S' })).statusCode).toBe(403);
    const account = f.own.get('/api/v1/accounts/')?.id;
    expect((await f.member('PATCH', `/api/v1/accounts/${account}`, { verified: true })).statusCode).toBe(403);
  }, 60_000);

  test('another org’s records answer 404', async () => {
    const other = await t.newOrg();
    const kos = await t.call(other.apiKey, 'POST', '/api/v1/kos', {
      code: 'ELSE1',
      handle: `else-${other.slug}`,
      name: 'Else',
      relationship: 'agent',
    });
    const link = await t.call(other.apiKey, 'POST', '/api/v1/links', {
      kosId: kos.json().id,
      destinationUrl: 'https://e.com/',
    });
    expect((await f.member('GET', `/api/v1/kos/${kos.json().id}`)).statusCode).toBe(404);
    expect((await f.member('GET', `/api/v1/links/${link.json().id}`)).statusCode).toBe(404);
    expect((await f.member('GET', `/api/v1/links/${link.json().id}/qr.svg`)).statusCode).toBe(404);
  });
});
