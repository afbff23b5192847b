import { describe, expect, test } from 'vitest';
import { sessionCaller, type TestOrg, useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { errorPaths, expectProblem, ISO } from '../../../test/support/problem.js';

const PASSWORD = 'member password 1';

describe.each(DIALECTS)('members on %s', (dialect) => {
  const t = useTestApp(dialect);
  let n = 0;
  const email = (org: TestOrg, tag: string) => `${tag}-${++n}-${org.slug}@example.com`;
  const login = (address: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: address, password } });
  const session = async (address: string, password = PASSWORD): Promise<string> => {
    const res = await login(address, password);
    expect(res.statusCode).toBe(200);
    return res.cookies.find((c) => c.name === 'kos_session')?.value as string;
  };
  const asCookie = (cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    sessionCaller(t.app, cookie)(method, url, payload);
  const addMember = async (org: TestOrg, body: Record<string, unknown>, key = org.apiKey) => {
    const res = await t.call(key, 'POST', '/api/v1/members', {
      email: email(org, String(body.role)),
      password: PASSWORD,
      ...body,
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; email: string; role: string };
  };
  const keyOf = async (org: TestOrg, role: string): Promise<string> =>
    (await t.call(org.apiKey, 'POST', '/api/v1/api-keys', { name: role, role })).json().key;
  const ownerId = async (org: TestOrg): Promise<string> =>
    (await t.call(org.apiKey, 'GET', '/api/v1/members')).json().items.find((m: { role: string }) => m.role === 'owner').id;
  const newKos = async (org: TestOrg, code: string, unitId?: string): Promise<string> => {
    const res = await t.call(org.apiKey, 'POST', '/api/v1/kos', {
      code,
      handle: `${code.toLowerCase()}-${org.slug}`,
      name: code,
      relationship: 'employee',
      unitId,
    });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  };

  test('POST answers 201 with the member (no secret); the member logs in at once', async () => {
    const org = await t.newOrg();
    const address = email(org, 'lan');
    const res = await t.call(org.apiKey, 'POST', '/api/v1/members', {
      email: `  ${address.toUpperCase()} `,
      name: 'Lan',
      password: PASSWORD,
      role: 'admin',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      id: expect.any(String),
      email: address,
      name: 'Lan',
      role: 'admin',
      unitId: null,
      kosId: null,
      hasPassword: true,
      createdAt: expect.stringMatching(ISO),
      updatedAt: expect.stringMatching(ISO),
    });
    expect(res.body).not.toContain(PASSWORD);
    expect(res.body).not.toContain('scrypt');
    const me = await asCookie(await session(address), 'GET', '/api/v1/me');
    expect(me.json()).toMatchObject({ kind: 'member', role: 'admin', orgId: org.orgId, member: { id: res.json().id } });
    const got = await t.call(org.apiKey, 'GET', `/api/v1/members/${res.json().id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual(res.json());
  });

  test('name defaults to the local part; no password means hasPassword false', async () => {
    const org = await t.newOrg();
    const res = await t.call(org.apiKey, 'POST', '/api/v1/members', {
      email: `hoa.tran-${org.slug}@example.com`,
      role: 'viewer',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: `hoa.tran-${org.slug}`, hasPassword: false, role: 'viewer' });
  });

  test("GET /members lists the org's members page by page", async () => {
    const org = await t.newOrg();
    const other = await t.newOrg();
    for (const role of ['admin', 'manager', 'viewer']) await addMember(org, { role });
    await addMember(other, { role: 'viewer' });
    const first = await t.call(org.apiKey, 'GET', '/api/v1/members');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ items: expect.any(Array), nextCursor: null });
    expect(first.json().items.map((m: { role: string }) => m.role)).toEqual(['owner', 'admin', 'manager', 'viewer']);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { email: string }[]; nextCursor: string | null } = (
        await t.call(org.apiKey, 'GET', `/api/v1/members?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((m: { email: string }) => m.email));
      cursor = page.nextCursor;
      if (cursor) expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    } while (cursor);
    expect(seen).toEqual(first.json().items.map((m: { email: string }) => m.email));
    expectProblem(await t.call(org.apiKey, 'GET', '/api/v1/members?limit=501'), 422, 'invalid');
  });

  test("PATCH answers 200 with the change; DELETE answers 204, then 404 and the member's session ends", async () => {
    const org = await t.newOrg();
    const unit = (await t.call(org.apiKey, 'POST', '/api/v1/units', { name: 'North', kind: 'region' })).json();
    const m = await addMember(org, { role: 'viewer' });
    const cookie = await session(m.email);
    const patched = await t.call(org.apiKey, 'PATCH', `/api/v1/members/${m.id}`, {
      name: 'Renamed',
      role: 'manager',
      unitId: unit.id,
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ id: m.id, email: m.email, name: 'Renamed', role: 'manager', unitId: unit.id });
    const fresh = await session(m.email);
    expect((await t.call(org.apiKey, 'DELETE', `/api/v1/members/${m.id}`)).statusCode).toBe(204);
    expectProblem(await t.call(org.apiKey, 'GET', `/api/v1/members/${m.id}`), 404, 'not_found');
    expectProblem(await t.call(org.apiKey, 'DELETE', `/api/v1/members/${m.id}`), 404, 'not_found');
    expectProblem(await asCookie(fresh, 'GET', '/api/v1/me'), 401, 'unauthorized');
    expectProblem(await asCookie(cookie, 'GET', '/api/v1/me'), 401, 'unauthorized');
    expect((await login(m.email, PASSWORD)).statusCode).toBe(401);
  });

  test('a duplicate e-mail answers 409 at path email, in the same org and in another', async () => {
    const org = await t.newOrg();
    const other = await t.newOrg();
    const m = await addMember(org, { role: 'viewer' });
    for (const [key, address] of [
      [org.apiKey, m.email.toUpperCase()],
      [other.apiKey, m.email],
      [other.apiKey, org.email],
    ] as const) {
      const res = await t.call(key, 'POST', '/api/v1/members', { email: address, role: 'viewer' });
      expectProblem(res, 409, 'conflict');
      expect(res.json().errors[0].path).toBe('email');
    }
  });

  const createRows: [string, Record<string, unknown>, string[]][] = [
    ['a malformed e-mail', { email: 'nope', role: 'viewer' }, ['email']],
    ['an unknown role', { email: 'a@example.com', role: 'boss' }, ['role']],
    ['a short password', { email: 'a@example.com', role: 'viewer', password: 'short' }, ['password']],
    ['an empty name', { email: 'a@example.com', role: 'viewer', name: ' ' }, ['name']],
    ['no e-mail and no role', {}, ['email', 'role']],
    ['role kos without kosId', { email: 'a@example.com', role: 'kos' }, ['kosId']],
    ['a kosId on a viewer', { email: 'a@example.com', role: 'viewer', kosId: 'x' }, ['kosId']],
    ['a unitId on an admin', { email: 'a@example.com', role: 'admin', unitId: 'x' }, ['unitId']],
    ['an unknown unitId', { email: 'a@example.com', role: 'manager', unitId: 'nope' }, ['unitId']],
    ['an unknown kosId', { email: 'a@example.com', role: 'kos', kosId: 'nope' }, ['kosId']],
  ];
  test.each(createRows)('POST with %s answers 422 naming the field', async (_name, body, paths) => {
    const org = await t.newOrg();
    const res = await t.call(org.apiKey, 'POST', '/api/v1/members', body);
    expectProblem(res, 422, 'invalid');
    expect(errorPaths(res)).toEqual(paths);
  });

  test("another org's unit or KOS is unknown (422); PATCH validates each field", async () => {
    const org = await t.newOrg();
    const other = await t.newOrg();
    const unit = (await t.call(other.apiKey, 'POST', '/api/v1/units', { name: 'X', kind: 'store' })).json();
    const kosId = await newKos(other, 'OTHR1');
    const cases: [string, string, object, string[]][] = [
      ['POST', '/api/v1/members', { email: email(org, 'u'), role: 'manager', unitId: unit.id }, ['unitId']],
      ['POST', '/api/v1/members', { email: email(org, 'k'), role: 'kos', kosId }, ['kosId']],
    ];
    const m = await addMember(org, { role: 'viewer' });
    const url = `/api/v1/members/${m.id}`;
    cases.push(
      ['PATCH', url, { password: 'short' }, ['password']],
      ['PATCH', url, { role: 'root', name: '' }, ['name', 'role']],
      ['PATCH', url, { role: 'kos' }, ['kosId']],
      ['PATCH', url, { unitId: unit.id }, ['unitId']],
    );
    for (const [method, path, body, paths] of cases) {
      const res = await t.call(org.apiKey, method as 'POST', path, body);
      expectProblem(res, 422, 'invalid');
      expect(errorPaths(res)).toEqual(paths);
    }
  });

  /** Every members endpoint, with a body where it takes one. */
  const endpoints = (id: string, body: object) =>
    [
      ['GET', '/api/v1/members', undefined],
      ['POST', '/api/v1/members', body],
      ['GET', `/api/v1/members/${id}`, undefined],
      ['PATCH', `/api/v1/members/${id}`, body],
      ['DELETE', `/api/v1/members/${id}`, undefined],
    ] as const;

  test('every endpoint answers 401 without credentials, with a bad key or a malformed header', async () => {
    const org = await t.newOrg();
    const id = await ownerId(org);
    for (const headers of [{}, { authorization: 'Bearer kos_nope' }, { authorization: `Token ${org.apiKey}` }]) {
      for (const [method, url, payload] of endpoints(id, { email: 'x@example.com', role: 'owner' })) {
        expectProblem(await t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) }), 401, 'unauthorized');
      }
    }
    expect((await t.call(org.apiKey, 'GET', `/api/v1/members/${id}`)).json().role).toBe('owner');
  });

  test('manager and viewer keys and kos members get 403 on every endpoint', async () => {
    const org = await t.newOrg();
    const id = await ownerId(org);
    const kosMember = await addMember(org, { role: 'kos', kosId: await newKos(org, 'KOSM1') });
    const kosCookie = await session(kosMember.email);
    for (const role of ['manager', 'viewer']) {
      const key = await keyOf(org, role);
      for (const [method, url, body] of endpoints(id, { email: email(org, 'x'), role: 'viewer' })) {
        expectProblem(await t.call(key, method, url, body), 403, 'forbidden');
      }
    }
    for (const [method, url, body] of endpoints(id, { email: email(org, 'y'), role: 'owner' })) {
      expectProblem(await asCookie(kosCookie, method, url, body), 403, 'forbidden');
    }
    expect((await t.call(org.apiKey, 'GET', '/api/v1/members')).json().items).toHaveLength(2);
  });

  test('an admin manages admins and below but may not create, change, promote to or remove an owner (403)', async () => {
    const org = await t.newOrg();
    const admin = await keyOf(org, 'admin');
    const id = await ownerId(org);
    const viewer = await addMember(org, { role: 'viewer' }, admin);
    expect((await t.call(admin, 'PATCH', `/api/v1/members/${viewer.id}`, { role: 'admin' })).statusCode).toBe(200);
    expectProblem(await t.call(admin, 'POST', '/api/v1/members', { email: email(org, 'o'), role: 'owner' }), 403, 'forbidden');
    expectProblem(await t.call(admin, 'PATCH', `/api/v1/members/${viewer.id}`, { role: 'owner' }), 403, 'forbidden');
    expectProblem(await t.call(admin, 'PATCH', `/api/v1/members/${id}`, { name: 'Demoted', role: 'viewer' }), 403, 'forbidden');
    expectProblem(await t.call(admin, 'DELETE', `/api/v1/members/${id}`), 403, 'forbidden');
    expect((await t.call(org.apiKey, 'GET', `/api/v1/members/${id}`)).json()).toMatchObject({ role: 'owner', email: org.email });
    expect((await t.call(admin, 'DELETE', `/api/v1/members/${viewer.id}`)).statusCode).toBe(204);
  });

  test("another org's member id and unknown ids answer 404", async () => {
    const org = await t.newOrg();
    const other = await t.newOrg();
    const foreign = await addMember(other, { role: 'viewer' });
    for (const id of [foreign.id, 'unknown-id', await ownerId(other)]) {
      expectProblem(await t.call(org.apiKey, 'GET', `/api/v1/members/${id}`), 404, 'not_found');
      expectProblem(await t.call(org.apiKey, 'PATCH', `/api/v1/members/${id}`, { name: 'Mine now' }), 404, 'not_found');
      expectProblem(await t.call(org.apiKey, 'DELETE', `/api/v1/members/${id}`), 404, 'not_found');
    }
    expect((await t.call(other.apiKey, 'GET', `/api/v1/members/${foreign.id}`)).json().name).not.toBe('Mine now');
  });

  test("changing a password ends the member's old sessions; the new password works, the old does not", async () => {
    const org = await t.newOrg();
    const m = await addMember(org, { role: 'viewer' });
    const a = await session(m.email);
    const b = await session(m.email);
    const res = await t.call(org.apiKey, 'PATCH', `/api/v1/members/${m.id}`, { password: 'a new password 2' });
    expect(res.statusCode).toBe(200);
    expect(res.json().hasPassword).toBe(true);
    for (const cookie of [a, b]) expectProblem(await asCookie(cookie, 'GET', '/api/v1/me'), 401, 'unauthorized');
    expect((await login(m.email, PASSWORD)).statusCode).toBe(401);
    const c = await session(m.email, 'a new password 2');
    expect((await asCookie(c, 'GET', '/api/v1/me')).statusCode).toBe(200);
    const owner = await session(org.email, org.password);
    expect((await t.call(org.apiKey, 'PATCH', `/api/v1/members/${m.id}`, { name: 'Only a name' })).statusCode).toBe(200);
    expect((await asCookie(c, 'GET', '/api/v1/me')).statusCode).toBe(200);
    expect((await asCookie(owner, 'GET', '/api/v1/me')).statusCode).toBe(200);
  });

  test('an org keeps at least one owner: demoting or removing the last owner answers 409', async () => {
    const org = await t.newOrg();
    const first = await ownerId(org);
    expectProblem(await t.call(org.apiKey, 'PATCH', `/api/v1/members/${first}`, { role: 'admin' }), 409, 'conflict');
    expectProblem(await t.call(org.apiKey, 'DELETE', `/api/v1/members/${first}`), 409, 'conflict');
    const cookie = await session(org.email, org.password);
    expectProblem(await asCookie(cookie, 'PATCH', `/api/v1/members/${first}`, { role: 'viewer' }), 409, 'conflict');
    expect((await t.call(org.apiKey, 'GET', `/api/v1/members/${first}`)).json().role).toBe('owner');
    const second = await addMember(org, { role: 'owner' });
    expect((await t.call(org.apiKey, 'PATCH', `/api/v1/members/${first}`, { role: 'admin' })).json().role).toBe('admin');
    expectProblem(await t.call(org.apiKey, 'DELETE', `/api/v1/members/${second.id}`), 409, 'conflict');
    expect(
      (await t.call(org.apiKey, 'GET', '/api/v1/members')).json().items.filter((m: { role: string }) => m.role === 'owner'),
    ).toHaveLength(1);
  });

  test('concurrent demotion and removal of the only two owners leave exactly one (the other answers 409)', async () => {
    const org = await t.newOrg();
    for (const second of ['delete', 'patch']) {
      const a = await addMember(org, { role: 'owner' });
      const b = await addMember(org, { role: 'owner' });
      const others = (await t.call(org.apiKey, 'GET', '/api/v1/members?limit=500'))
        .json()
        .items.filter((m: { id: string; role: string }) => m.role === 'owner' && m.id !== a.id && m.id !== b.id);
      for (const m of others)
        expect((await t.call(org.apiKey, 'PATCH', `/api/v1/members/${m.id}`, { role: 'admin' })).statusCode).toBe(200);
      const answers = await Promise.all([
        t.call(org.apiKey, 'PATCH', `/api/v1/members/${a.id}`, { role: 'admin' }),
        second === 'delete'
          ? t.call(org.apiKey, 'DELETE', `/api/v1/members/${b.id}`)
          : t.call(org.apiKey, 'PATCH', `/api/v1/members/${b.id}`, { role: 'viewer' }),
      ]);
      expect(answers.map((r) => r.statusCode).filter((s) => s === 409)).toHaveLength(1);
      const owners = (await t.call(org.apiKey, 'GET', '/api/v1/members?limit=500'))
        .json()
        .items.filter((m: { role: string }) => m.role === 'owner');
      expect(owners).toHaveLength(1);
    }
  });

  test('a kos member sees only their own KOS record', async () => {
    const org = await t.newOrg();
    const mine = await newKos(org, 'MINE1');
    const theirs = await newKos(org, 'THEIR1');
    const m = await addMember(org, { role: 'kos', kosId: mine });
    expect(m).toMatchObject({ role: 'kos', kosId: mine, unitId: null });
    const cookie = await session(m.email);
    expect((await asCookie(cookie, 'GET', '/api/v1/me')).json()).toMatchObject({ role: 'kos', kosId: mine });
    const list = await asCookie(cookie, 'GET', '/api/v1/kos');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((k: { id: string }) => k.id)).toEqual([mine]);
    expect((await asCookie(cookie, 'GET', `/api/v1/kos/${mine}`)).statusCode).toBe(200);
    expectProblem(await asCookie(cookie, 'GET', `/api/v1/kos/${theirs}`), 403, 'forbidden');
  });

  test("a manager member with a unit sees only KOS of that unit's subtree", async () => {
    const org = await t.newOrg();
    const unit = (body: object) => t.call(org.apiKey, 'POST', '/api/v1/units', body).then((r) => r.json().id as string);
    const north = await unit({ name: 'North', kind: 'region' });
    const store = await unit({ name: 'Hà Nội 1', kind: 'store', parentId: north });
    const south = await unit({ name: 'South', kind: 'region' });
    const inNorth = await newKos(org, 'NORTH1', north);
    const inStore = await newKos(org, 'STORE1', store);
    const inSouth = await newKos(org, 'SOUTH1', south);
    await newKos(org, 'NOUNIT1');
    const m = await addMember(org, { role: 'manager', unitId: north });
    const cookie = await session(m.email);
    const ids = (await asCookie(cookie, 'GET', '/api/v1/kos')).json().items.map((k: { id: string }) => k.id);
    expect(ids.sort()).toEqual([inNorth, inStore].sort());
    expectProblem(await asCookie(cookie, 'GET', `/api/v1/kos/${inSouth}`), 403, 'forbidden');
  });
});
