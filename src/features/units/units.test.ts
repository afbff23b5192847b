import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, test } from 'vitest';
import { sessionCaller, type TestContext, useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';

const paths = (res: LightMyRequestResponse): string[] => (res.json().errors ?? []).map((e: { path: string }) => e.path).sort();

async function roleKey(t: TestContext, owner: string, role: string, unitId?: string): Promise<string> {
  const res = await t.call(owner, 'POST', '/api/v1/api-keys', { name: `${role} key`, role, ...(unitId ? { unitId } : {}) });
  expect(res.statusCode).toBe(201);
  return res.json().key;
}

describe.each(DIALECTS)('units on %s', (dialect) => {
  const t = useTestApp(dialect);

  async function unit(key: string, name: string, kind: string, parentId?: string | null): Promise<string> {
    const res = await t.call(key, 'POST', '/api/v1/units', { name, kind, ...(parentId !== undefined ? { parentId } : {}) });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  }

  /** HQ → north (→ hanoi), south. */
  async function tree() {
    const org = await t.newOrg();
    const hq = await unit(org.apiKey, 'HQ', 'hq');
    const north = await unit(org.apiKey, 'North', 'region', hq);
    const south = await unit(org.apiKey, 'South', 'region', hq);
    const hanoi = await unit(org.apiKey, 'Hà Nội store', 'store', north);
    return { org, hq, north, south, hanoi };
  }

  test('create answers 201 with parentId null by default; get, list, patch and delete', async () => {
    const org = await t.newOrg();
    const created = await t.call(org.apiKey, 'POST', '/api/v1/units', { name: '  Miền Bắc ', kind: 'region' });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({ name: 'Miền Bắc', kind: 'region', parentId: null });
    expect(typeof body.id).toBe('string');
    expect(Number.isNaN(Date.parse(body.createdAt))).toBe(false);

    const got = await t.call(org.apiKey, 'GET', `/api/v1/units/${body.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual(body);

    const child = await unit(org.apiKey, 'Store 1', 'store', body.id);
    const list = await t.call(org.apiKey, 'GET', '/api/v1/units');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ nextCursor: null });
    expect(list.json().items.map((u: { id: string }) => u.id)).toEqual([body.id, child]);
    expect(
      (await t.call(org.apiKey, 'GET', `/api/v1/units?parentId=${body.id}`)).json().items.map((u: { id: string }) => u.id),
    ).toEqual([child]);
    expect((await t.call(org.apiKey, 'GET', '/api/v1/units?kind=region')).json().items.map((u: { id: string }) => u.id)).toEqual([
      body.id,
    ]);

    const patched = await t.call(org.apiKey, 'PATCH', `/api/v1/units/${child}`, {
      name: 'Store Hà Nội',
      parentId: null,
      kind: 'dealer',
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ id: child, name: 'Store Hà Nội', kind: 'dealer', parentId: null });

    const deleted = await t.call(org.apiKey, 'DELETE', `/api/v1/units/${child}`);
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    expect((await t.call(org.apiKey, 'GET', `/api/v1/units/${child}`)).statusCode).toBe(404);
  });

  test('401 without or with a wrong key on every endpoint', async () => {
    const { org, north } = await tree();
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/v1/units'],
      ['GET', `/api/v1/units/${north}`],
      ['POST', '/api/v1/units', { name: 'x', kind: 'team' }],
      ['PATCH', `/api/v1/units/${north}`, { name: 'x' }],
      ['DELETE', `/api/v1/units/${north}`],
    ];
    for (const [method, url, body] of calls) {
      for (const key of [null, 'kos_not-a-real-key']) {
        const res = await t.call(key, method as 'GET', url, body);
        expect(res.statusCode, `${method} ${url}`).toBe(401);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
    }
    expect((await t.call(org.apiKey, 'GET', `/api/v1/units/${north}`)).json().name).toBe('North');
  });

  test('403: a viewer reads but may not create, patch or delete', async () => {
    const { org, north, hanoi } = await tree();
    const viewer = await roleKey(t, org.apiKey, 'viewer');
    expect((await t.call(viewer, 'GET', '/api/v1/units')).json().items).toHaveLength(4);
    expect((await t.call(viewer, 'GET', `/api/v1/units/${north}`)).statusCode).toBe(200);
    const post = await t.call(viewer, 'POST', '/api/v1/units', { name: 'x', kind: 'team' });
    expect(post.statusCode).toBe(403);
    expect(post.json()).toMatchObject({ status: 403, code: 'forbidden' });
    expect((await t.call(viewer, 'PATCH', `/api/v1/units/${north}`, { name: 'x' })).statusCode).toBe(403);
    expect((await t.call(viewer, 'DELETE', `/api/v1/units/${hanoi}`)).statusCode).toBe(403);
    expect((await t.call(org.apiKey, 'GET', `/api/v1/units/${north}`)).json().name).toBe('North');
    expect((await t.call(org.apiKey, 'GET', '/api/v1/units')).json().items).toHaveLength(4);
  });

  test('unit scope: a manager of region North sees and changes only its subtree', async () => {
    const { org, hq, north, south, hanoi } = await tree();
    const manager = await roleKey(t, org.apiKey, 'manager', north);

    const list = await t.call(manager, 'GET', '/api/v1/units');
    expect(
      list
        .json()
        .items.map((u: { id: string }) => u.id)
        .sort(),
    ).toEqual([north, hanoi].sort());
    expect((await t.call(manager, 'GET', `/api/v1/units/${hanoi}`)).statusCode).toBe(200);
    for (const id of [south, hq]) {
      expect((await t.call(manager, 'GET', `/api/v1/units/${id}`)).statusCode).toBe(403);
      expect((await t.call(manager, 'PATCH', `/api/v1/units/${id}`, { name: 'mine now' })).statusCode).toBe(403);
      expect((await t.call(manager, 'DELETE', `/api/v1/units/${id}`)).statusCode).toBe(403);
    }
    expect((await t.call(manager, 'POST', '/api/v1/units', { name: 'x', kind: 'store', parentId: south })).statusCode).toBe(403);
    expect((await t.call(manager, 'POST', '/api/v1/units', { name: 'x', kind: 'store' })).statusCode).toBe(403);
    // Moving a unit of the subtree out of it, or moving the subtree's own root, is forbidden too.
    expect((await t.call(manager, 'PATCH', `/api/v1/units/${hanoi}`, { parentId: south })).statusCode).toBe(403);
    expect((await t.call(manager, 'PATCH', `/api/v1/units/${north}`, { parentId: null })).statusCode).toBe(403);
    expect((await t.call(manager, 'DELETE', `/api/v1/units/${north}`)).statusCode).toBe(403);
    expect((await t.call(org.apiKey, 'GET', `/api/v1/units/${south}`)).json().name).toBe('South');
    expect((await t.call(org.apiKey, 'GET', `/api/v1/units/${hanoi}`)).json().parentId).toBe(north);

    const store = await t.call(manager, 'POST', '/api/v1/units', { name: 'Store 2', kind: 'store', parentId: north });
    expect(store.statusCode).toBe(201);
    const renamed = await t.call(manager, 'PATCH', `/api/v1/units/${hanoi}`, { name: 'Hà Nội 1', parentId: store.json().id });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Hà Nội 1', parentId: store.json().id });
    expect((await t.call(manager, 'GET', '/api/v1/units')).json().items).toHaveLength(3);
  });

  test('403: a manager may not rename, re-kind, move or delete the root unit of their own scope', async () => {
    const { org, north, south, hanoi } = await tree();
    const manager = await roleKey(t, org.apiKey, 'manager', north);
    for (const patch of [{ name: 'North (mine)' }, { kind: 'store' }, { parentId: null }, { name: 'N', kind: 'team' }]) {
      const res = await t.call(manager, 'PATCH', `/api/v1/units/${north}`, patch);
      expect(res.statusCode, JSON.stringify(patch)).toBe(403);
      expect(res.json()).toMatchObject({ status: 403, code: 'forbidden' });
    }
    expect((await t.call(org.apiKey, 'GET', `/api/v1/units/${north}`)).json()).toMatchObject({ name: 'North', kind: 'region' });
    // Units below the root stay the manager's to edit.
    const below = await t.call(manager, 'PATCH', `/api/v1/units/${hanoi}`, { name: 'Hà Nội 2', kind: 'dealer' });
    expect(below.statusCode).toBe(200);
    expect(below.json()).toMatchObject({ name: 'Hà Nội 2', kind: 'dealer', parentId: north });

    // A root with nothing below it (so no 409 could mask the answer) is not the manager's to delete.
    const southManager = await roleKey(t, org.apiKey, 'manager', south);
    const deleted = await t.call(southManager, 'DELETE', `/api/v1/units/${south}`);
    expect(deleted.statusCode).toBe(403);
    expect(deleted.json()).toMatchObject({ status: 403, code: 'forbidden' });
    expect((await t.call(org.apiKey, 'GET', `/api/v1/units/${south}`)).statusCode).toBe(200);
    // An admin still may.
    expect((await t.call(org.apiKey, 'PATCH', `/api/v1/units/${north}`, { name: 'North 2' })).statusCode).toBe(200);
  });

  test('a viewer limited to a unit sees only its subtree and a kos member sees no units', async () => {
    const { org, north, south, hanoi } = await tree();
    const viewer = await roleKey(t, org.apiKey, 'viewer', south);
    expect((await t.call(viewer, 'GET', '/api/v1/units')).json().items.map((u: { id: string }) => u.id)).toEqual([south]);
    expect((await t.call(viewer, 'GET', `/api/v1/units/${north}`)).statusCode).toBe(403);
    expect((await t.call(viewer, 'PATCH', `/api/v1/units/${south}`, { name: 'x' })).statusCode).toBe(403);

    const kos = await t.call(org.apiKey, 'POST', '/api/v1/kos', {
      code: 'VIEWKOS1',
      handle: `u-${org.slug}`,
      name: 'Lan',
      relationship: 'employee',
      unitId: hanoi,
    });
    expect(kos.statusCode).toBe(201);
    const email = `kos-${org.slug}@example.com`;
    const password = 'kos password 1';
    expect(
      (await t.call(org.apiKey, 'POST', '/api/v1/members', { email, password, role: 'kos', kosId: kos.json().id })).statusCode,
    ).toBe(201);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    const cookie = login.cookies.find((c) => c.name === 'kos_session')?.value ?? '';
    const asKos = sessionCaller(t.app, cookie);
    expect((await asKos('GET', '/api/v1/units')).statusCode).toBe(403);
    expect((await asKos('GET', `/api/v1/units/${hanoi}`)).statusCode).toBe(403);
    expect((await asKos('POST', '/api/v1/units', { name: 'x', kind: 'team' })).statusCode).toBe(403);
  });

  test("404 for another org's unit on GET, PATCH and DELETE", async () => {
    const a = await tree();
    const b = await t.newOrg();
    const bManager = await roleKey(t, b.apiKey, 'manager', await unit(b.apiKey, 'B HQ', 'hq'));
    for (const key of [b.apiKey, bManager]) {
      for (const [method, body] of [['GET'], ['PATCH', { name: 'stolen' }], ['DELETE']] as const) {
        const res = await t.call(key, method, `/api/v1/units/${a.south}`, body);
        expect(res.statusCode, method).toBe(404);
        expect(res.json()).toMatchObject({ status: 404, code: 'not_found' });
      }
    }
    expect((await t.call(b.apiKey, 'GET', '/api/v1/units')).json().items.map((u: { name: string }) => u.name)).toEqual(['B HQ']);
    expect((await t.call(a.org.apiKey, 'GET', `/api/v1/units/${a.south}`)).json().name).toBe('South');
  });

  test('422 names each invalid field, including a parent of another org', async () => {
    const a = await tree();
    const b = await t.newOrg();
    const bad = await t.call(a.org.apiKey, 'POST', '/api/v1/units', { name: '   ', kind: 'galaxy' });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(paths(bad)).toEqual(['kind', 'name']);
    expect(paths(await t.call(a.org.apiKey, 'POST', '/api/v1/units', {}))).toEqual(['kind', 'name']);
    expect(paths(await t.call(a.org.apiKey, 'POST', '/api/v1/units', { name: 'x', kind: 'team', parentId: 42 }))).toEqual([
      'parentId',
    ]);

    const foreign = await t.call(b.apiKey, 'POST', '/api/v1/units', { name: 'B store', kind: 'store', parentId: a.north });
    expect(foreign.statusCode).toBe(422);
    expect(paths(foreign)).toEqual(['parentId']);
    const missing = await t.call(a.org.apiKey, 'PATCH', `/api/v1/units/${a.hanoi}`, { parentId: 'no-such-unit' });
    expect(missing.statusCode).toBe(422);
    expect(paths(missing)).toEqual(['parentId']);
    expect(paths(await t.call(a.org.apiKey, 'PATCH', `/api/v1/units/${a.hanoi}`, { kind: 'shop', name: '' }))).toEqual([
      'kind',
      'name',
    ]);
  });

  test('tree rules: no move below itself (422 at parentId); delete only when empty (409, then 204)', async () => {
    const { org, hq, north, south, hanoi } = await tree();
    for (const parentId of [hanoi, north]) {
      const res = await t.call(org.apiKey, 'PATCH', `/api/v1/units/${north}`, { parentId });
      expect(res.statusCode).toBe(422);
      expect(paths(res)).toEqual(['parentId']);
    }
    expect((await t.call(org.apiKey, 'PATCH', `/api/v1/units/${hq}`, { parentId: hanoi })).statusCode).toBe(422);
    expect((await t.call(org.apiKey, 'GET', `/api/v1/units/${north}`)).json().parentId).toBe(hq);
    const moved = await t.call(org.apiKey, 'PATCH', `/api/v1/units/${hanoi}`, { parentId: south });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().parentId).toBe(south);

    const withChild = await t.call(org.apiKey, 'DELETE', `/api/v1/units/${south}`);
    expect(withChild.statusCode).toBe(409);
    expect(withChild.json()).toMatchObject({ status: 409, code: 'conflict' });
    const kos = await t.call(org.apiKey, 'POST', '/api/v1/kos', {
      code: 'UNITKOS1',
      handle: `unit-${org.slug}`,
      name: 'Mai',
      relationship: 'store_staff',
      unitId: hanoi,
    });
    expect(kos.statusCode).toBe(201);
    expect((await t.call(org.apiKey, 'DELETE', `/api/v1/units/${hanoi}`)).statusCode).toBe(409);
    expect((await t.call(org.apiKey, 'GET', `/api/v1/units/${hanoi}`)).statusCode).toBe(200);

    expect((await t.call(org.apiKey, 'PATCH', `/api/v1/kos/${kos.json().id}`, { unitId: null })).statusCode).toBe(200);
    expect((await t.call(org.apiKey, 'DELETE', `/api/v1/units/${hanoi}`)).statusCode).toBe(204);
    expect((await t.call(org.apiKey, 'DELETE', `/api/v1/units/${south}`)).statusCode).toBe(204);
    expect((await t.call(org.apiKey, 'DELETE', `/api/v1/units/${south}`)).statusCode).toBe(404);
    expect(
      (await t.call(org.apiKey, 'GET', '/api/v1/units'))
        .json()
        .items.map((u: { id: string }) => u.id)
        .sort(),
    ).toEqual([hq, north].sort());
  });
});
