import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { describe, expect, test } from 'vitest';
import { type Caller, sessionCaller, type TestContext, type TestOrg, useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';

type Method = InjectOptions['method'];

const paths = (res: LightMyRequestResponse): string[] =>
  [...new Set<string>((res.json().errors ?? []).map((e: { path: string }) => e.path))].sort();
const steps = (...pairs: [number, number][]) => pairs.map(([fromMinor, rateBps]) => ({ fromMinor, rateBps }));
const names = (res: LightMyRequestResponse): string[] => res.json().items.map((p: { name: string }) => p.name);

async function roleKey(t: TestContext, owner: string, role: string): Promise<string> {
  const res = await t.call(owner, 'POST', '/api/v1/api-keys', { name: `${role} key`, role });
  expect(res.statusCode).toBe(201);
  return res.json().key;
}

async function kosMember(t: TestContext, owner: string, kosId: string, handle: string): Promise<Caller> {
  const email = `${handle}@example.com`;
  const password = 'kos password 1';
  expect((await t.call(owner, 'POST', '/api/v1/members', { email, password, role: 'kos', kosId })).statusCode).toBe(201);
  const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  const cookie = login.cookies.find((c) => c.name === 'kos_session')?.value ?? '';
  return sessionCaller(t.app, cookie);
}

describe.each(DIALECTS)('commission plans on %s', (dialect) => {
  const t = useTestApp(dialect);
  const base = { name: 'Default 2025', validFrom: '2025-01-01', rateBps: 500 };

  async function post(org: TestOrg, body: Record<string, unknown>): Promise<LightMyRequestResponse> {
    return t.call(org.apiKey, 'POST', '/api/v1/plans', body);
  }
  async function plan(org: TestOrg, body: Record<string, unknown>): Promise<Record<string, unknown> & { id: string }> {
    const res = await post(org, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }
  async function list(org: TestOrg, query = ''): Promise<string[]> {
    return names(await t.call(org.apiKey, 'GET', `/api/v1/plans${query}`));
  }
  async function unit(org: TestOrg, name: string, parentId?: string): Promise<string> {
    const res = await t.call(org.apiKey, 'POST', '/api/v1/units', { name, kind: 'team', parentId: parentId ?? null });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  }
  async function kos(org: TestOrg, code: string, extra: Record<string, unknown> = {}): Promise<string> {
    const handle = `${code.toLowerCase()}-${org.slug}`;
    const res = await t.call(org.apiKey, 'POST', '/api/v1/kos', { code, handle, name: code, relationship: 'agent', ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }

  test('create answers 201 with the defaults and the org currency; get, list, kosId filter and patch', async () => {
    const org = await t.newOrg({ currency: 'CNY' });
    const created = await post(org, base);
    expect(created.statusCode).toBe(201);
    const body = created.json();
    const defaults = {
      appliesTo: {},
      validTo: null,
      base: 'net',
      overrides: [],
      steps: [],
      livestreamFeeMinor: 0,
      holdingDays: 15,
    };
    const stamps = { id: expect.any(String), createdAt: expect.any(String), updatedAt: expect.any(String) };
    expect(body).toEqual({ ...base, ...defaults, ...stamps, currency: 'CNY' });
    expect((await t.call(org.apiKey, 'GET', `/api/v1/plans/${body.id}`)).json()).toEqual(body);

    const north = await unit(org, 'North');
    const store = await unit(org, 'Store 1', north);
    const lan = await kos(org, 'LAN1', { unitId: store, tier: 'A' });
    const mai = await kos(org, 'MAI1', { relationship: 'employee' });
    const serumOverride = { sku: 'SERUM-30ML', rateBps: 1000 };
    const full = {
      name: 'North agents',
      appliesTo: { unitIds: [north] },
      validFrom: '2025-02-01',
      validTo: '2025-12-31',
      rateBps: 700,
      base: 'platform_commission',
      overrides: [serumOverride, { category: 'home', rateBps: 300 }],
      steps: steps([0, 700], [50_000_000, 900]),
      livestreamFeeMinor: 2_000_000,
      holdingDays: 0,
    };
    expect(await plan(org, full)).toMatchObject(full);
    await plan(org, { ...base, name: 'Mai only', appliesTo: { kosIds: [mai] } });
    await plan(org, { ...base, name: 'Tier A', appliesTo: { tiers: ['A'] } });

    expect(await list(org)).toEqual(['Default 2025', 'North agents', 'Mai only', 'Tier A']);
    expect(await list(org, `?kosId=${lan}`)).toEqual(['Default 2025', 'North agents', 'Tier A']);
    expect(await list(org, `?kosId=${mai}`)).toEqual(['Default 2025', 'Mai only']);
    const page = (await t.call(org.apiKey, 'GET', '/api/v1/plans?limit=2')).json();
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await list(org, `?limit=2&cursor=${page.nextCursor}`)).toEqual(['Mai only', 'Tier A']);
    expect((await t.call(org.apiKey, 'GET', '/api/v1/plans?kosId=nope')).statusCode).toBe(404);

    const change = { rateBps: 600, validTo: '2025-12-31', holdingDays: 30, base: 'platform_commission' };
    const patched = await t.call(org.apiKey, 'PATCH', `/api/v1/plans/${body.id}`, change);
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toEqual({ ...body, ...change, updatedAt: expect.any(String) });
    expect((await t.call(org.apiKey, 'PATCH', `/api/v1/plans/${body.id}`, { validTo: null })).json().validTo).toBeNull();
  });

  test('401 on every endpoint', async () => {
    const org = await t.newOrg();
    const p = await plan(org, base);
    for (const [method, url, body] of [
      ['GET', '/api/v1/plans'],
      ['GET', `/api/v1/plans/${p.id}`],
      ['POST', '/api/v1/plans', base],
      ['PATCH', `/api/v1/plans/${p.id}`, { name: 'x' }],
    ] as [Method, string, unknown?][]) {
      expect((await t.call(null, method, url, body)).statusCode, `${method} ${url}`).toBe(401);
      expect((await t.call('kos_wrong', method, url, body)).statusCode, `${method} ${url}`).toBe(401);
    }
  });

  test('403: managers and viewers read, only owners and admins write; role kos neither', async () => {
    const org = await t.newOrg();
    const p = await plan(org, base);
    const keyCaller =
      (key: string): Caller =>
      (method, url, body) =>
        t.call(key, method, url, body);
    const readers: [string, Caller][] = [
      ['manager', keyCaller(await roleKey(t, org.apiKey, 'manager'))],
      ['viewer', keyCaller(await roleKey(t, org.apiKey, 'viewer'))],
    ];
    const kosCaller = await kosMember(t, org.apiKey, await kos(org, 'KOSM1'), `plans-${org.slug}`);
    for (const [role, call] of [...readers, ['kos', kosCaller] as [string, Caller]]) {
      const write = await call('POST', '/api/v1/plans', { ...base, validFrom: '2030-01-01' });
      expect(write.statusCode, role).toBe(403);
      expect(write.json().code).toBe('forbidden');
      expect((await call('PATCH', `/api/v1/plans/${p.id}`, { rateBps: 1 })).statusCode, role).toBe(403);
    }
    for (const [role, call] of readers) {
      expect(names(await call('GET', '/api/v1/plans')), role).toEqual(['Default 2025']);
      expect((await call('GET', `/api/v1/plans/${p.id}`)).statusCode, role).toBe(200);
    }
    expect((await kosCaller('GET', '/api/v1/plans')).statusCode).toBe(403);
    expect((await kosCaller('GET', `/api/v1/plans/${p.id}`)).statusCode).toBe(403);
    expect((await t.call(org.apiKey, 'GET', `/api/v1/plans/${p.id}`)).json().rateBps).toBe(500);

    const admin = await roleKey(t, org.apiKey, 'admin');
    expect((await t.call(admin, 'PATCH', `/api/v1/plans/${p.id}`, { rateBps: 1 })).json().rateBps).toBe(1);
    expect((await t.call(admin, 'POST', '/api/v1/plans', { ...base, appliesTo: { tiers: ['S'] } })).statusCode).toBe(201);
  });

  test("another org's plan answers 404 and never shows in its list", async () => {
    const a = await t.newOrg();
    const b = await t.newOrg();
    const p = await plan(a, base);
    for (const [method, body] of [['GET'], ['PATCH', { name: 'stolen' }]] as const) {
      const res = await t.call(b.apiKey, method, `/api/v1/plans/${p.id}`, body);
      expect(res.statusCode, method).toBe(404);
      expect(res.json()).toMatchObject({ status: 404, code: 'not_found' });
    }
    expect(await list(b)).toEqual([]);
    expect((await t.call(b.apiKey, 'GET', `/api/v1/plans?kosId=${await kos(a, 'OTHER1')}`)).statusCode).toBe(404);
    expect((await post(b, base)).statusCode).toBe(201); // a's default does not clash with b's
  });

  test('409 for equal specificity on overlapping dates, naming the plan; 201 otherwise', async () => {
    const org = await t.newOrg();
    const north = await unit(org, 'North');
    const store = await unit(org, 'Store', north);
    const lan = await kos(org, 'LAN2', { unitId: store });
    const mai = await kos(org, 'MAI2');
    const existing = [
      await plan(org, { ...base, validTo: '2025-06-30' }),
      await plan(org, { ...base, name: 'Lan', appliesTo: { kosIds: [lan] } }),
      await plan(org, { ...base, name: 'North', appliesTo: { unitIds: [north] } }),
      await plan(org, { ...base, name: 'Agents', appliesTo: { relationships: ['agent'] } }),
    ];
    const clashes: [Record<string, unknown>, number][] = [
      [{ validFrom: '2025-06-30' }, 0],
      [{ appliesTo: { kosIds: [mai, lan] }, validFrom: '2026-03-01' }, 1],
      [{ appliesTo: { unitIds: [north] }, validFrom: '2024-01-01', validTo: '2025-01-01' }, 2],
      [{ appliesTo: { relationships: ['employee', 'agent'] } }, 3],
    ];
    for (const [fields, index] of clashes) {
      const other = existing[index] as { id: string; name: string };
      const res = await post(org, { ...base, name: 'New', ...fields });
      expect(res.statusCode, JSON.stringify(fields)).toBe(409);
      const problem = res.json();
      expect(problem).toMatchObject({ status: 409, code: 'conflict' });
      expect(paths(res)).toEqual(['appliesTo']);
      for (const text of [problem.detail, problem.errors[0].message]) {
        expect(text).toContain(other.name);
        expect(text).toContain(other.id);
      }
    }
    const fine: Record<string, unknown>[] = [
      { validFrom: '2025-07-01' }, // the day after the org default ends
      { appliesTo: { kosIds: [mai] } },
      { appliesTo: { unitIds: [store] } }, // a nearer unit is more specific
      { appliesTo: { tiers: ['A'] } }, // relationship vs tier: selectPlan breaks the tie
      { appliesTo: { relationships: ['agent'] }, validFrom: '2020-01-01', validTo: '2024-12-31' },
    ];
    for (const [i, fields] of fine.entries())
      expect((await post(org, { ...base, name: `Fine ${i}`, ...fields })).statusCode, JSON.stringify(fields)).toBe(201);

    const [orgDefault, lanPlan] = existing as { id: string }[];
    const self = await t.call(org.apiKey, 'PATCH', `/api/v1/plans/${lanPlan?.id}`, { name: 'Lan 2025', validFrom: '2025-01-02' });
    expect(self.statusCode).toBe(200);
    const reopen = await t.call(org.apiKey, 'PATCH', `/api/v1/plans/${orgDefault?.id}`, { validTo: null });
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json().detail).toContain('Fine 0'); // the org default from 2025-07-01
    const onto = await t.call(org.apiKey, 'PATCH', `/api/v1/plans/${lanPlan?.id}`, { appliesTo: { unitIds: [north] } });
    expect(onto.statusCode).toBe(409);
    expect(onto.json().detail).toContain('North');
    const kept = (await t.call(org.apiKey, 'GET', `/api/v1/plans/${lanPlan?.id}`)).json();
    expect(kept).toMatchObject({ name: 'Lan 2025', appliesTo: { kosIds: [lan] } });
  });

  test('422 names each invalid field, on create and on patch', async () => {
    const org = await t.newOrg();
    const other = await t.newOrg();
    const foreignKos = await kos(other, 'FOREIGN1');
    const foreignUnit = await unit(other, 'Elsewhere');
    const mine = await kos(org, 'MINE1');
    const p = await plan(org, { ...base, appliesTo: { tiers: ['C'] }, validTo: '2025-12-31' });
    const bySku = { sku: 'A', rateBps: 1 };
    const cases: [Record<string, unknown>, string[]][] = [
      [{ rateBps: -1 }, ['rateBps']],
      [{ rateBps: 10_001 }, ['rateBps']],
      [{ rateBps: 1.5 }, ['rateBps']],
      [{ name: ' ' }, ['name']],
      [{ validFrom: '2025-02-30' }, ['validFrom']],
      [{ validFrom: '01/02/2025' }, ['validFrom']],
      [{ validTo: '2025-13-01' }, ['validTo']],
      [{ validTo: '2024-12-31' }, ['validTo']],
      [{ base: 'gross' }, ['base']],
      [{ overrides: [{ rateBps: 100 }] }, ['overrides.0']],
      [{ overrides: [bySku, { sku: 'B', category: 'home', rateBps: 100 }] }, ['overrides.1']],
      [{ overrides: [bySku, { sku: 'A', rateBps: 2 }] }, ['overrides.1']],
      [{ overrides: [{ category: 'home', rateBps: 10_001 }] }, ['overrides.0.rateBps']],
      [{ steps: [{ fromMinor: 100, rateBps: 500 }] }, ['steps.0.fromMinor']],
      [{ steps: steps([0, 500], [0, 700]) }, ['steps.1.fromMinor']],
      [{ steps: steps([0, 1], [9, 2], [5, 3]) }, ['steps.2.fromMinor']],
      [{ steps: [{ fromMinor: 0, rateBps: -5 }] }, ['steps.0.rateBps']],
      [{ holdingDays: 366 }, ['holdingDays']],
      [{ holdingDays: -1 }, ['holdingDays']],
      [{ livestreamFeeMinor: -1 }, ['livestreamFeeMinor']],
      [{ livestreamFeeMinor: 0.5 }, ['livestreamFeeMinor']],
      [{ appliesTo: { relationships: ['friend'] } }, ['appliesTo.relationships.0']],
      [{ appliesTo: { tiers: ['A', 'Z'] } }, ['appliesTo.tiers.1']],
      [{ appliesTo: { kosIds: [mine, foreignKos] } }, ['appliesTo.kosIds.1']],
      [{ appliesTo: { kosIds: ['missing'], unitIds: [foreignUnit] } }, ['appliesTo.kosIds.0', 'appliesTo.unitIds.0']],
      [{ appliesTo: { kosId: mine } }, ['appliesTo']],
    ];
    for (const [fields, expected] of cases) {
      const created = await post(org, { ...base, validFrom: '2030-01-01', ...fields, name: fields.name ?? 'New' });
      const patched = await t.call(org.apiKey, 'PATCH', `/api/v1/plans/${p.id}`, fields);
      for (const [i, res] of [created, patched].entries()) {
        const what = `${i === 0 ? 'POST' : 'PATCH'} ${JSON.stringify(fields)}`;
        expect(res.statusCode, what).toBe(422);
        expect(paths(res), what).toEqual(expected);
      }
    }
    expect(paths(await post(org, {}))).toEqual(['name', 'rateBps', 'validFrom']);
    expect(paths(await post(org, { ...base, validFrom: '2025-03-01', validTo: '2025-02-28' }))).toEqual(['validTo']);
    expect((await post(org, { ...base, validFrom: '2030-03-01', validTo: '2030-03-01' })).statusCode).toBe(201);
    expect(paths(await t.call(org.apiKey, 'PATCH', `/api/v1/plans/${p.id}`, { validFrom: '2026-01-01' }))).toEqual(['validTo']);
    expect((await t.call(org.apiKey, 'GET', `/api/v1/plans/${p.id}`)).json()).toEqual(p);
  });
});
