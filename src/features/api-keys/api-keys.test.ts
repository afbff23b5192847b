import { describe, expect, test } from 'vitest';
import { type TestOrg, useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { errorPaths, expectProblem, ISO } from '../../../test/support/problem.js';

describe.each(DIALECTS)('API keys on %s', (dialect) => {
  const t = useTestApp(dialect);
  const createKey = async (org: TestOrg, body: Record<string, unknown>, by = org.apiKey) => {
    const res = await t.call(by, 'POST', '/api/v1/api-keys', { name: `${String(body.role)} key`, ...body });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; key: string; role: string; unitId: string | null };
  };
  const unit = async (org: TestOrg, name: string, kind: string, parentId?: string): Promise<string> => {
    const res = await t.call(org.apiKey, 'POST', '/api/v1/units', { name, kind, parentId });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  };
  const kos = async (org: TestOrg, code: string, unitId?: string): Promise<string> => {
    const res = await t.call(org.apiKey, 'POST', '/api/v1/kos', {
      code,
      handle: `${code.toLowerCase()}-${org.slug}`,
      name: code,
      relationship: 'store_staff',
      unitId,
    });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  };

  test('POST answers 201 with the key, shown once: the list never shows it', async () => {
    const org = await t.newOrg();
    const res = await t.call(org.apiKey, 'POST', '/api/v1/api-keys', { name: '  Zapier  ', role: 'admin' });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toEqual({
      id: expect.any(String),
      name: 'Zapier',
      role: 'admin',
      unitId: null,
      prefix: expect.any(String),
      createdAt: expect.stringMatching(ISO),
      key: expect.stringMatching(/^kos_[A-Za-z0-9]{40}$/),
    });
    expect(created.key.startsWith(created.prefix)).toBe(true);
    expect(created.prefix.length).toBeLessThan(created.key.length);
    const list = await t.call(org.apiKey, 'GET', '/api/v1/api-keys');
    expect(list.statusCode).toBe(200);
    expect(list.json().nextCursor).toBeNull();
    expect(list.json().items).toHaveLength(2);
    const listed = list.json().items.find((k: { id: string }) => k.id === created.id);
    const { key: _shownOnce, ...withoutKey } = created;
    expect(listed).toEqual(withoutKey);
    for (const item of list.json().items) expect(item).not.toHaveProperty('key');
    expect(list.body).not.toContain(created.key);
    expect(list.body).not.toContain(org.apiKey);
  });

  test('a created key works at once with its role', async () => {
    const org = await t.newOrg();
    const viewer = await createKey(org, { role: 'viewer' });
    const me = await t.call(viewer.key, 'GET', '/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ kind: 'api_key', role: 'viewer', orgId: org.orgId, apiKeyId: viewer.id, member: null });
    expect((await t.call(viewer.key, 'GET', '/api/v1/kos')).statusCode).toBe(200);
    expectProblem(
      await t.call(viewer.key, 'POST', '/api/v1/kos', {
        code: 'VIEW1',
        handle: `v-${org.slug}`,
        name: 'V',
        relationship: 'agent',
      }),
      403,
      'forbidden',
    );
  });

  test("the list pages with URL-safe cursors and shows only the org's keys", async () => {
    const org = await t.newOrg();
    const other = await t.newOrg();
    for (const role of ['admin', 'manager', 'viewer', 'viewer']) await createKey(org, { role });
    await createKey(other, { role: 'viewer' });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { role: string }[]; nextCursor: string | null } = (
        await t.call(org.apiKey, 'GET', `/api/v1/api-keys?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((k: { role: string }) => k.role));
      cursor = page.nextCursor;
      if (cursor) expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    } while (cursor);
    expect(seen).toEqual(['owner', 'admin', 'manager', 'viewer', 'viewer']);
    expectProblem(await t.call(org.apiKey, 'GET', '/api/v1/api-keys?cursor=not%20a%20cursor'), 422, 'invalid');
  });

  test("a manager key with a unit sees and changes only KOS of that unit's subtree", async () => {
    const org = await t.newOrg();
    const hq = await unit(org, 'HQ', 'hq');
    const north = await unit(org, 'North', 'region', hq);
    const store = await unit(org, 'Store 1', 'store', north);
    const south = await unit(org, 'South', 'region', hq);
    const inNorth = await kos(org, 'NORTH1', north);
    const inStore = await kos(org, 'STORE1', store);
    const inSouth = await kos(org, 'SOUTH1', south);
    const inHq = await kos(org, 'HQKOS1', hq);
    const noUnit = await kos(org, 'NOUNIT1');
    const manager = await createKey(org, { role: 'manager', unitId: north });
    expect(manager.unitId).toBe(north);
    const listed = (await t.call(manager.key, 'GET', '/api/v1/kos')).json().items.map((k: { id: string }) => k.id);
    expect(listed.sort()).toEqual([inNorth, inStore].sort());
    expect((await t.call(manager.key, 'GET', `/api/v1/kos/${inStore}`)).statusCode).toBe(200);
    for (const id of [inSouth, inHq, noUnit]) {
      expectProblem(await t.call(manager.key, 'GET', `/api/v1/kos/${id}`), 403, 'forbidden');
      expectProblem(await t.call(manager.key, 'PATCH', `/api/v1/kos/${id}`, { name: 'Taken' }), 403, 'forbidden');
    }
    expect((await t.call(manager.key, 'PATCH', `/api/v1/kos/${inStore}`, { name: 'Mine' })).json().name).toBe('Mine');
    expectProblem(await t.call(manager.key, 'GET', `/api/v1/kos?unitId=${south}`), 403, 'forbidden');
    const body = { code: 'NEW001', handle: `new-${org.slug}`, name: 'New', relationship: 'agent' };
    expectProblem(await t.call(manager.key, 'POST', '/api/v1/kos', { ...body, unitId: south }), 403, 'forbidden');
    expect((await t.call(manager.key, 'POST', '/api/v1/kos', { ...body, unitId: store })).statusCode).toBe(201);
    const viewer = await createKey(org, { role: 'viewer', unitId: south });
    expect((await t.call(viewer.key, 'GET', '/api/v1/kos')).json().items.map((k: { id: string }) => k.id)).toEqual([inSouth]);
    expect((await t.call(org.apiKey, 'GET', '/api/v1/kos')).json().items).toHaveLength(6);
  });

  test('DELETE revokes: 204, the key then gets 401, the list drops it, a second DELETE is 404', async () => {
    const org = await t.newOrg();
    const admin = await createKey(org, { role: 'admin' });
    expect((await t.call(admin.key, 'GET', '/api/v1/org')).statusCode).toBe(200);
    const res = await t.call(org.apiKey, 'DELETE', `/api/v1/api-keys/${admin.id}`);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expectProblem(await t.call(admin.key, 'GET', '/api/v1/org'), 401, 'unauthorized');
    expectProblem(await t.call(admin.key, 'GET', '/api/v1/me'), 401, 'unauthorized');
    expect((await t.call(org.apiKey, 'GET', '/api/v1/api-keys')).json().items.map((k: { id: string }) => k.id)).not.toContain(
      admin.id,
    );
    expectProblem(await t.call(org.apiKey, 'DELETE', `/api/v1/api-keys/${admin.id}`), 404, 'not_found');
    expect((await t.call(org.apiKey, 'GET', '/api/v1/org')).statusCode).toBe(200);
  });

  test('a key may revoke itself', async () => {
    const org = await t.newOrg();
    const admin = await createKey(org, { role: 'admin' });
    expect((await t.call(admin.key, 'DELETE', `/api/v1/api-keys/${admin.id}`)).statusCode).toBe(204);
    expectProblem(await t.call(admin.key, 'GET', '/api/v1/api-keys'), 401, 'unauthorized');
  });

  const unauthorizedRows: [string, Record<string, string>][] = [
    ['no credentials', {}],
    ['an unknown key', { authorization: 'Bearer kos_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }],
    ['a malformed Authorization header', { authorization: 'Bearer a b' }],
    ['another scheme', { authorization: 'Digest username="x"' }],
  ];
  test.each(unauthorizedRows)('every endpoint answers 401 with %s', async (_name, headers) => {
    const org = await t.newOrg();
    const id = (await t.call(org.apiKey, 'GET', '/api/v1/api-keys')).json().items[0].id;
    for (const [method, url] of [
      ['GET', '/api/v1/api-keys'],
      ['POST', '/api/v1/api-keys'],
      ['DELETE', `/api/v1/api-keys/${id}`],
    ] as const) {
      const res = await t.app.inject({
        method,
        url,
        headers,
        ...(method === 'POST' ? { payload: { name: 'x', role: 'owner' } } : {}),
      });
      expectProblem(res, 401, 'unauthorized');
    }
    expect((await t.call(org.apiKey, 'GET', '/api/v1/api-keys')).json().items).toHaveLength(1);
  });

  test.each(['manager', 'viewer'])('a %s key may not list, create or revoke keys (403)', async (role) => {
    const org = await t.newOrg();
    const key = await createKey(org, { role });
    const ownerKeyId = (await t.call(org.apiKey, 'GET', '/api/v1/api-keys')).json().items[0].id;
    expectProblem(await t.call(key.key, 'GET', '/api/v1/api-keys'), 403, 'forbidden');
    for (const wanted of ['viewer', role, 'owner'])
      expectProblem(await t.call(key.key, 'POST', '/api/v1/api-keys', { name: 'x', role: wanted }), 403, 'forbidden');
    expectProblem(await t.call(key.key, 'DELETE', `/api/v1/api-keys/${ownerKeyId}`), 403, 'forbidden');
    expectProblem(await t.call(key.key, 'DELETE', `/api/v1/api-keys/${key.id}`), 403, 'forbidden');
    expect((await t.call(org.apiKey, 'GET', '/api/v1/api-keys')).json().items).toHaveLength(2);
  });

  test('a kos member may not list or create keys (403)', async () => {
    const org = await t.newOrg();
    const kosId = await kos(org, 'KEYK1');
    const email = `kos-${org.slug}@example.com`;
    expect(
      (await t.call(org.apiKey, 'POST', '/api/v1/members', { email, password: 'kos password 1', role: 'kos', kosId })).statusCode,
    ).toBe(201);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: 'kos password 1' },
    });
    const cookies = { kos_session: login.cookies.find((c) => c.name === 'kos_session')?.value as string };
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', cookies }), 403, 'forbidden');
    expectProblem(
      await t.app.inject({ method: 'POST', url: '/api/v1/api-keys', cookies, payload: { name: 'x', role: 'viewer' } }),
      403,
      'forbidden',
    );
  });

  test('an admin may create admin keys and below, but not an owner key, nor revoke one (403)', async () => {
    const org = await t.newOrg();
    const admin = await createKey(org, { role: 'admin' });
    for (const role of ['admin', 'manager', 'viewer']) expect((await createKey(org, { role }, admin.key)).role).toBe(role);
    expectProblem(await t.call(admin.key, 'POST', '/api/v1/api-keys', { name: 'escalate', role: 'owner' }), 403, 'forbidden');
    const ownerKeyId = (await t.call(admin.key, 'GET', '/api/v1/api-keys')).json().items[0].id;
    expectProblem(await t.call(admin.key, 'DELETE', `/api/v1/api-keys/${ownerKeyId}`), 403, 'forbidden');
    expect((await t.call(org.apiKey, 'GET', '/api/v1/me')).statusCode).toBe(200);
    const owner2 = await createKey(org, { role: 'owner' });
    expect(owner2.role).toBe('owner');
  });

  test("another org's key id and unknown ids answer 404 on DELETE, and nothing is revoked", async () => {
    const org = await t.newOrg();
    const other = await t.newOrg();
    const foreign = await createKey(other, { role: 'viewer' });
    for (const id of [foreign.id, 'unknown-key-id'])
      expectProblem(await t.call(org.apiKey, 'DELETE', `/api/v1/api-keys/${id}`), 404, 'not_found');
    expect((await t.call(foreign.key, 'GET', '/api/v1/me')).json()).toMatchObject({ orgId: other.orgId, role: 'viewer' });
  });

  const invalidRows: [string, Record<string, unknown>, string[]][] = [
    ['no name and no role', {}, ['name', 'role']],
    ['a blank name', { name: '   ', role: 'viewer' }, ['name']],
    ['a name over 200 characters', { name: 'x'.repeat(201), role: 'viewer' }, ['name']],
    ['an unknown role', { name: 'k', role: 'superuser' }, ['role']],
    ['role kos', { name: 'k', role: 'kos' }, ['role']],
    ['a unitId on an admin key', { name: 'k', role: 'admin', unitId: 'u' }, ['unitId']],
    ['an unknown unitId', { name: 'k', role: 'manager', unitId: 'no-such-unit' }, ['unitId']],
    ['an empty unitId', { name: 'k', role: 'viewer', unitId: '' }, ['unitId']],
  ];
  test.each(invalidRows)('POST with %s answers 422 naming the field', async (_name, body, paths) => {
    const org = await t.newOrg();
    const res = await t.call(org.apiKey, 'POST', '/api/v1/api-keys', body);
    expectProblem(res, 422, 'invalid');
    expect(errorPaths(res)).toEqual(paths);
    expect((await t.call(org.apiKey, 'GET', '/api/v1/api-keys')).json().items).toHaveLength(1);
  });

  test('a unit of another org is unknown (422 at unitId)', async () => {
    const org = await t.newOrg();
    const other = await t.newOrg();
    const foreignUnit = await unit(other, 'Theirs', 'store');
    const res = await t.call(org.apiKey, 'POST', '/api/v1/api-keys', { name: 'k', role: 'manager', unitId: foreignUnit });
    expectProblem(res, 422, 'invalid');
    expect(errorPaths(res)).toEqual(['unitId']);
  });
});
