import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { describe, expect, test } from 'vitest';
import { sessionCaller, type TestContext, useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';

type Method = InjectOptions['method'];
type Caller = (method: Method, url: string, body?: unknown) => Promise<LightMyRequestResponse>;

const paths = (res: LightMyRequestResponse): string[] =>
  [...new Set<string>((res.json().errors ?? []).map((e: { path: string }) => e.path))].sort();
const skus = (res: LightMyRequestResponse): string[] => res.json().items.map((p: { sku: string }) => p.sku);

async function roleKey(t: TestContext, owner: string, role: string, unitId?: string): Promise<string> {
  const res = await t.call(owner, 'POST', '/api/v1/api-keys', { name: `${role} key`, role, ...(unitId ? { unitId } : {}) });
  expect(res.statusCode).toBe(201);
  return res.json().key;
}

async function kosMember(t: TestContext, owner: string, handle: string): Promise<Caller> {
  const kos = await t.call(owner, 'POST', '/api/v1/kos', { code: 'PRODKOS1', handle, name: 'Lan', relationship: 'independent' });
  const email = `${handle}@example.com`;
  const password = 'kos password 1';
  expect(
    (await t.call(owner, 'POST', '/api/v1/members', { email, password, role: 'kos', kosId: kos.json().id })).statusCode,
  ).toBe(201);
  const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  const cookie = login.cookies.find((c) => c.name === 'kos_session')?.value ?? '';
  return sessionCaller(t.app, cookie);
}

describe.each(DIALECTS)('product catalogue on %s', (dialect) => {
  const t = useTestApp(dialect);
  const serum = { sku: 'SERUM-30ML', name: 'Serum Vitamin C 30ml', priceMinor: 359_000 };

  async function product(key: string, body: Record<string, unknown>): Promise<Record<string, unknown> & { id: string }> {
    const res = await t.call(key, 'POST', '/api/v1/products', body);
    expect(res.statusCode).toBe(201);
    return res.json();
  }

  test('create answers 201 with the defaults and the org currency; get, list and patch', async () => {
    const org = await t.newOrg({ currency: 'VND' });
    const created = await t.call(org.apiKey, 'POST', '/api/v1/products', serum);
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({ ...serum, currency: 'VND', category: null, stock: null, usp: null, faqs: [], platformIds: {} });
    expect((await t.call(org.apiKey, 'GET', `/api/v1/products/${body.id}`)).json()).toEqual(body);

    const lamp = await product(org.apiKey, {
      sku: 'DEN-LED-01',
      name: 'Đèn LED để bàn',
      priceMinor: 0,
      category: 'home',
      stock: 12,
      usp: 'Không chói mắt',
      faqs: [{ q: 'Bảo hành?', a: '12 tháng' }],
      platformIds: { shopee: '2398471', tiktok_shop: '1729384756102938475' },
    });
    expect(lamp).toMatchObject({
      priceMinor: 0,
      stock: 12,
      faqs: [{ q: 'Bảo hành?', a: '12 tháng' }],
      platformIds: { tiktok_shop: '1729384756102938475' },
    });
    const list = await t.call(org.apiKey, 'GET', '/api/v1/products');
    expect(list.statusCode).toBe(200);
    expect(list.json().nextCursor).toBeNull();
    expect(skus(list)).toEqual(['SERUM-30ML', 'DEN-LED-01']);
    expect(skus(await t.call(org.apiKey, 'GET', '/api/v1/products?category=home'))).toEqual(['DEN-LED-01']);
    expect(skus(await t.call(org.apiKey, 'GET', '/api/v1/products?q=vitamin%20c'))).toEqual(['SERUM-30ML']);
    expect(skus(await t.call(org.apiKey, 'GET', `/api/v1/products?q=${encodeURIComponent('đèn')}`))).toEqual(['DEN-LED-01']);
    expect(skus(await t.call(org.apiKey, 'GET', '/api/v1/products?q=serum_'))).toEqual([]);
    const page = (await t.call(org.apiKey, 'GET', '/api/v1/products?limit=1')).json();
    expect(page.items).toHaveLength(1);
    expect(skus(await t.call(org.apiKey, 'GET', `/api/v1/products?limit=1&cursor=${page.nextCursor}`))).toEqual(['DEN-LED-01']);

    const patched = await t.call(org.apiKey, 'PATCH', `/api/v1/products/${body.id}`, {
      priceMinor: 299_000,
      stock: null,
      usp: 'Sáng da 14 ngày',
      faqs: [{ q: 'Da nhạy cảm?', a: 'Dùng được' }],
      platformIds: { lazada: 'LZ-1' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      sku: 'SERUM-30ML',
      priceMinor: 299_000,
      stock: null,
      usp: 'Sáng da 14 ngày',
      platformIds: { lazada: 'LZ-1' },
    });
    expect(
      (await t.call(org.apiKey, 'PATCH', `/api/v1/products/${body.id}`, { sku: 'SERUM-50ML', category: 'beauty' })).json(),
    ).toMatchObject({ sku: 'SERUM-50ML', category: 'beauty', priceMinor: 299_000 });
  });

  test('401 on every endpoint', async () => {
    const org = await t.newOrg();
    const p = await product(org.apiKey, serum);
    for (const [method, url, body] of [
      ['GET', '/api/v1/products'],
      ['GET', `/api/v1/products/${p.id}`],
      ['POST', '/api/v1/products', { ...serum, sku: 'X1' }],
      ['PATCH', `/api/v1/products/${p.id}`, { name: 'x' }],
    ] as [Method, string, unknown?][]) {
      expect((await t.call(null, method, url, body)).statusCode, `${method} ${url}`).toBe(401);
      expect((await t.call('kos_wrong', method, url, body)).statusCode, `${method} ${url}`).toBe(401);
    }
    expect((await t.call(org.apiKey, 'GET', `/api/v1/products/${p.id}`)).json().name).toBe(serum.name);
  });

  test('403: managers, viewers and kos members read the catalogue but only owners and admins change it', async () => {
    const org = await t.newOrg();
    const p = await product(org.apiKey, serum);
    const region = (await t.call(org.apiKey, 'POST', '/api/v1/units', { name: 'North', kind: 'region' })).json().id as string;
    const keyCaller =
      (key: string): Caller =>
      (method, url, body) =>
        t.call(key, method, url, body);
    const callers: [string, Caller][] = [
      ['manager', keyCaller(await roleKey(t, org.apiKey, 'manager'))],
      ['unit manager', keyCaller(await roleKey(t, org.apiKey, 'manager', region))],
      ['viewer', keyCaller(await roleKey(t, org.apiKey, 'viewer'))],
      ['kos', await kosMember(t, org.apiKey, `prod-${org.slug}`)],
    ];
    for (const [role, call] of callers) {
      expect(skus(await call('GET', '/api/v1/products')), role).toEqual(['SERUM-30ML']);
      expect((await call('GET', `/api/v1/products/${p.id}`)).statusCode, role).toBe(200);
      const post = await call('POST', '/api/v1/products', { ...serum, sku: 'NEW-1' });
      expect(post.statusCode, role).toBe(403);
      expect(post.json().code).toBe('forbidden');
      expect((await call('PATCH', `/api/v1/products/${p.id}`, { priceMinor: 1 })).statusCode, role).toBe(403);
    }
    expect((await t.call(org.apiKey, 'GET', `/api/v1/products/${p.id}`)).json().priceMinor).toBe(serum.priceMinor);
    expect(skus(await t.call(org.apiKey, 'GET', '/api/v1/products'))).toEqual(['SERUM-30ML']);

    const admin = await roleKey(t, org.apiKey, 'admin');
    expect((await t.call(admin, 'POST', '/api/v1/products', { ...serum, sku: 'ADMIN-1' })).statusCode).toBe(201);
    expect((await t.call(admin, 'PATCH', `/api/v1/products/${p.id}`, { priceMinor: 1 })).json().priceMinor).toBe(1);
  });

  test("404 for another org's product; the same SKU is free in another org", async () => {
    const a = await t.newOrg();
    const b = await t.newOrg();
    const p = await product(a.apiKey, serum);
    for (const [method, body] of [['GET'], ['PATCH', { name: 'stolen' }], ['PATCH', { sku: 'OTHER' }]] as const) {
      const res = await t.call(b.apiKey, method, `/api/v1/products/${p.id}`, body);
      expect(res.statusCode, method).toBe(404);
      expect(res.json()).toMatchObject({ status: 404, code: 'not_found' });
    }
    expect(skus(await t.call(b.apiKey, 'GET', '/api/v1/products'))).toEqual([]);
    expect((await t.call(b.apiKey, 'POST', '/api/v1/products', serum)).statusCode).toBe(201);
    expect((await t.call(a.apiKey, 'GET', `/api/v1/products/${p.id}`)).json().name).toBe(serum.name);
  });

  test('409 for a SKU already in the catalogue, on create and on patch', async () => {
    const org = await t.newOrg();
    const first = await product(org.apiKey, serum);
    const second = await product(org.apiKey, { ...serum, sku: 'SERUM-50ML' });
    const dup = await t.call(org.apiKey, 'POST', '/api/v1/products', { ...serum, sku: ' SERUM-30ML ', name: 'Copy' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ status: 409, code: 'conflict' });
    expect(paths(dup)).toEqual(['sku']);
    const moved = await t.call(org.apiKey, 'PATCH', `/api/v1/products/${second.id}`, { sku: 'SERUM-30ML' });
    expect(moved.statusCode).toBe(409);
    expect(paths(moved)).toEqual(['sku']);
    expect(
      (await t.call(org.apiKey, 'PATCH', `/api/v1/products/${first.id}`, { sku: 'SERUM-30ML', name: 'Same SKU' })).statusCode,
    ).toBe(200);
    expect(skus(await t.call(org.apiKey, 'GET', '/api/v1/products'))).toEqual(['SERUM-30ML', 'SERUM-50ML']);
  });

  test('422 names each invalid field', async () => {
    const org = await t.newOrg();
    const p = await product(org.apiKey, serum);
    const cases: [Record<string, unknown>, string[]][] = [
      [{ priceMinor: -1 }, ['priceMinor']],
      [{ priceMinor: 1.5 }, ['priceMinor']],
      [{ priceMinor: '359000' }, ['priceMinor']],
      [{ sku: 'SERUM 30' }, ['sku']],
      [{ sku: '' }, ['sku']],
      [{ name: '  ' }, ['name']],
      [{ stock: -1 }, ['stock']],
      [{ stock: 2.5 }, ['stock']],
      [{ faqs: [{ q: '', a: 'x' }] }, ['faqs.0.q']],
      [{ faqs: [{ q: 'ok', a: 'x' }, { q: 'no answer' }] }, ['faqs.1.a']],
      [{ faqs: 'none' }, ['faqs']],
      [{ platformIds: { shopee: '' } }, ['platformIds.shopee']],
      [{ platformIds: { tiktok_shop: 1729384756 } }, ['platformIds.tiktok_shop']],
      [{ category: '' }, ['category']],
    ];
    for (const [fields, expected] of cases) {
      const post = await t.call(org.apiKey, 'POST', '/api/v1/products', { ...serum, sku: 'NEW-1', ...fields });
      expect(post.statusCode, JSON.stringify(fields)).toBe(422);
      expect(paths(post), JSON.stringify(fields)).toEqual(expected);
      const patch = await t.call(org.apiKey, 'PATCH', `/api/v1/products/${p.id}`, fields);
      expect(patch.statusCode, `PATCH ${JSON.stringify(fields)}`).toBe(422);
      expect(paths(patch)).toEqual(expected);
    }
    expect(paths(await t.call(org.apiKey, 'POST', '/api/v1/products', {}))).toEqual(['name', 'priceMinor', 'sku']);
    expect((await t.call(org.apiKey, 'GET', `/api/v1/products/${p.id}`)).json()).toEqual(p);
    expect(skus(await t.call(org.apiKey, 'GET', '/api/v1/products'))).toEqual(['SERUM-30ML']);
  });
});
