import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { type Caller, sessionCaller, type TestContext, type TestOrg } from '../../../test/support/app.js';

/** Test fixture (not a test file): an org with two regions, a KOS and an account in each, two products. */
export interface LivestreamFixture {
  org: TestOrg;
  north: string;
  south: string;
  kosN: string;
  kosS: string;
  accN: string;
  accS: string;
  p1: string;
  p2: string;
}

export type { Caller } from '../../../test/support/app.js';

export const paths = (res: LightMyRequestResponse): string[] =>
  [...new Set<string>((res.json().errors ?? []).map((e: { path: string }) => e.path))].sort();

let n = 0;

export async function livestreamFixture(
  t: TestContext,
  overrides: Parameters<TestContext['newOrg']>[0] = {},
): Promise<LivestreamFixture> {
  n += 1;
  const org = await t.newOrg(overrides);
  const post = async (url: string, body: object) => {
    const res = await t.call(org.apiKey, 'POST', url, body);
    expect(res.statusCode, `${url} ${res.body}`).toBe(201);
    return res.json().id as string;
  };
  const tag = `${n}${org.slug.slice(-4)}`;
  const north = await post('/api/v1/units', { name: 'North', kind: 'region' });
  const south = await post('/api/v1/units', { name: 'South', kind: 'region' });
  const kos = (code: string, unitId: string) =>
    post('/api/v1/kos', {
      code: `${code}${tag}`.toUpperCase(),
      handle: `live-${code}-${tag}`.toLowerCase(),
      name: code,
      relationship: 'agent',
      status: 'active',
      unitId,
    });
  const kosN = await kos('LN', north);
  const kosS = await kos('LS', south);
  const accN = await post(`/api/v1/kos/${kosN}/accounts`, { platform: 'tiktok_shop', handle: `north${tag}` });
  const accS = await post(`/api/v1/kos/${kosS}/accounts`, { platform: 'shopee', handle: `south${tag}` });
  const p1 = await post('/api/v1/products', { sku: 'SRM50', name: 'Serum', priceMinor: 350_000 });
  const p2 = await post('/api/v1/products', { sku: 'KEM30', name: 'Kem', priceMinor: 200_000 });
  return { org, north, south, kosN, kosS, accN, accS, p1, p2 };
}

/** A minimal valid POST body for the fixture's North KOS. */
export const sessionBody = (f: LivestreamFixture, more: Record<string, unknown> = {}) => ({
  kosId: f.kosN,
  accountId: f.accN,
  title: 'Flash sale serum',
  scheduledStart: '2099-11-25T20:00:00+07:00',
  scheduledEnd: '2099-11-25T22:00:00+07:00',
  ...more,
});

export async function createSession(
  t: TestContext,
  key: string,
  body: object,
): Promise<Record<string, unknown> & { id: string }> {
  const res = await t.call(key, 'POST', '/api/v1/livestreams', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

export async function roleKey(t: TestContext, owner: string, role: string, unitId?: string): Promise<string> {
  const res = await t.call(owner, 'POST', '/api/v1/api-keys', { name: `${role} key`, role, ...(unitId ? { unitId } : {}) });
  expect(res.statusCode).toBe(201);
  return res.json().key;
}

/** A logged-in member with role `kos` for that KOS. */
export async function kosMember(t: TestContext, owner: string, kosId: string): Promise<Caller> {
  const email = `kos-${kosId.toLowerCase()}@example.com`;
  const password = 'kos password 1';
  expect((await t.call(owner, 'POST', '/api/v1/members', { email, password, role: 'kos', kosId })).statusCode).toBe(201);
  const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  const cookie = login.cookies.find((c) => c.name === 'kos_session')?.value ?? '';
  return sessionCaller(t.app, cookie);
}
