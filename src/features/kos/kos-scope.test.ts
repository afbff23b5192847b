import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { describe, expect, test } from 'vitest';
import { type Caller, sessionCaller, type TestContext, useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';

type Method = InjectOptions['method'];

const paths = (res: LightMyRequestResponse): string[] => (res.json().errors ?? []).map((e: { path: string }) => e.path).sort();
const ids = (res: LightMyRequestResponse): string[] =>
  res
    .json()
    .items.map((k: { id: string }) => k.id)
    .sort();

async function roleKey(t: TestContext, owner: string, role: string, unitId?: string): Promise<string> {
  const res = await t.call(owner, 'POST', '/api/v1/api-keys', { name: `${role} key`, role, ...(unitId ? { unitId } : {}) });
  expect(res.statusCode).toBe(201);
  return res.json().key;
}

/** A caller logged in (session cookie) as a member with role `kos` linked to the KOS. */
async function kosMember(t: TestContext, owner: string, kosId: string): Promise<Caller> {
  const email = `kos-${kosId.toLowerCase()}@example.com`;
  const password = 'kos password 1';
  expect((await t.call(owner, 'POST', '/api/v1/members', { email, password, role: 'kos', kosId })).statusCode).toBe(201);
  const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  expect(login.statusCode).toBe(200);
  const cookie = login.cookies.find((c) => c.name === 'kos_session')?.value ?? '';
  return sessionCaller(t.app, cookie);
}

describe.each(DIALECTS)('KOS endpoints, scope and validation on %s', (dialect) => {
  const t = useTestApp(dialect);
  let n = 0;

  async function unit(key: string, name: string, parentId?: string): Promise<string> {
    const res = await t.call(key, 'POST', '/api/v1/units', {
      name,
      kind: parentId ? 'store' : 'region',
      ...(parentId ? { parentId } : {}),
    });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  }
  async function kos(key: string, fields: Record<string, unknown> = {}): Promise<Record<string, unknown> & { id: string }> {
    n += 1;
    const res = await t.call(key, 'POST', '/api/v1/kos', {
      code: `KOS${n}`,
      handle: `kos-${dialect}-${n}`,
      name: `KOS ${n}`,
      relationship: 'employee',
      ...fields,
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  }
  /** Regions North (with store Hanoi) and South, one KOS in each unit and one without a unit. */
  async function roster() {
    const org = await t.newOrg();
    const north = await unit(org.apiKey, 'North');
    const hanoi = await unit(org.apiKey, 'Hanoi', north);
    const south = await unit(org.apiKey, 'South');
    return {
      org,
      north,
      hanoi,
      south,
      inNorth: await kos(org.apiKey, { unitId: north, status: 'active', tier: 'A' }),
      inHanoi: await kos(org.apiKey, { unitId: hanoi, status: 'active', tier: 'B' }),
      inSouth: await kos(org.apiKey, { unitId: south, status: 'paused', tier: 'A' }),
      unassigned: await kos(org.apiKey),
    };
  }

  test('GET one, PATCH and list filters q, unitId (whole subtree), status and tier', async () => {
    const r = await roster();
    const key = r.org.apiKey;
    const got = await t.call(key, 'GET', `/api/v1/kos/${r.inHanoi.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual(r.inHanoi);
    expect(r.unassigned).toMatchObject({
      status: 'candidate',
      unitId: null,
      tier: null,
      bio: null,
      avatarUrl: null,
      contacts: {},
    });

    const patched = await t.call(key, 'PATCH', `/api/v1/kos/${r.unassigned.id}`, {
      code: 'mai01',
      name: 'Mai Trần',
      unitId: r.south,
      status: 'onboarding',
      tier: 'C',
      categories: ['beauty'],
      voucherCodes: ['MAI10'],
      taxProfile: { taxCode: '0312345678' },
      bio: 'Hi',
      avatarUrl: 'https://cdn.example.com/mai.png',
      contacts: { zalo: '0901', email: 'mai@example.com' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      code: 'MAI01',
      name: 'Mai Trần',
      unitId: r.south,
      status: 'onboarding',
      tier: 'C',
      categories: ['beauty'],
      voucherCodes: ['MAI10'],
      taxProfile: { hasLabourContract3m: false, commitment08: false, taxCode: '0312345678' },
      bio: 'Hi',
      contacts: { zalo: '0901', email: 'mai@example.com' },
    });
    const again = await t.call(key, 'PATCH', `/api/v1/kos/${r.unassigned.id}`, { taxProfile: { commitment08: true } });
    expect(again.json().taxProfile).toEqual({ hasLabourContract3m: false, commitment08: true, taxCode: '0312345678' });

    expect(ids(await t.call(key, 'GET', '/api/v1/kos'))).toHaveLength(4);
    expect(ids(await t.call(key, 'GET', `/api/v1/kos?unitId=${r.north}`))).toEqual([r.inNorth.id, r.inHanoi.id].sort());
    expect(ids(await t.call(key, 'GET', `/api/v1/kos?unitId=${r.hanoi}`))).toEqual([r.inHanoi.id]);
    expect(ids(await t.call(key, 'GET', '/api/v1/kos?status=active'))).toEqual([r.inNorth.id, r.inHanoi.id].sort());
    expect(ids(await t.call(key, 'GET', '/api/v1/kos?tier=A'))).toEqual([r.inNorth.id, r.inSouth.id].sort());
    expect(ids(await t.call(key, 'GET', `/api/v1/kos?tier=A&unitId=${r.north}`))).toEqual([r.inNorth.id]);
    expect(ids(await t.call(key, 'GET', '/api/v1/kos?q=mai%20TR'))).toEqual([r.unassigned.id]);
    expect(ids(await t.call(key, 'GET', `/api/v1/kos?q=${String(r.inSouth.code).toLowerCase()}`))).toEqual([r.inSouth.id]);
    expect(ids(await t.call(key, 'GET', `/api/v1/kos?q=${String(r.inHanoi.handle).toUpperCase()}`))).toEqual([r.inHanoi.id]);
    expect(ids(await t.call(key, 'GET', '/api/v1/kos?q=nobody'))).toEqual([]);
    expect(paths(await t.call(key, 'GET', '/api/v1/kos?status=retired&tier=Z'))).toEqual(['status', 'tier']);
  });

  test('q folds case and Vietnamese tones alike on both dialects, and treats % and _ literally', async () => {
    const org = await t.newOrg();
    const under = await kos(org.apiKey, { handle: `lan_${dialect}_beauty`, name: 'Lan 100% real' });
    const other = await kos(org.apiKey, { handle: `lanx${dialect}xbeauty`, name: 'Lan 1000 fake' });
    const duc = await kos(org.apiKey, { name: 'ĐỖ ĐỨC ANH' });
    for (const q of ['đức', 'Duc anh', 'ĐỖ']) {
      expect(ids(await t.call(org.apiKey, 'GET', `/api/v1/kos?q=${encodeURIComponent(q)}`)), q).toEqual([duc.id]);
    }
    expect(ids(await t.call(org.apiKey, 'GET', `/api/v1/kos?q=${encodeURIComponent(`lan_${dialect}_`)}`))).toEqual([under.id]);
    expect(ids(await t.call(org.apiKey, 'GET', `/api/v1/kos?q=${encodeURIComponent('100%')}`))).toEqual([under.id]);
    expect(ids(await t.call(org.apiKey, 'GET', '/api/v1/kos?q=lan'))).toEqual([under.id, other.id].sort());
    const first = (await t.call(org.apiKey, 'GET', '/api/v1/kos?q=LAN&limit=1')).json();
    expect(first.items.map((k: { id: string }) => k.id)).toEqual([under.id]);
    const second = (await t.call(org.apiKey, 'GET', `/api/v1/kos?q=LAN&limit=1&cursor=${first.nextCursor}`)).json();
    expect(second).toMatchObject({ items: [{ id: other.id }], nextCursor: null });
  });

  test('401 without credentials on every endpoint', async () => {
    const r = await roster();
    for (const [method, url, body] of [
      ['GET', '/api/v1/kos'],
      ['GET', `/api/v1/kos/${r.inNorth.id}`],
      ['POST', '/api/v1/kos', { code: 'NOPE1', handle: 'nope1', name: 'x', relationship: 'agent' }],
      ['PATCH', `/api/v1/kos/${r.inNorth.id}`, { name: 'x' }],
    ] as [Method, string, unknown?][]) {
      expect((await t.call(null, method, url, body)).statusCode, `${method} ${url}`).toBe(401);
      expect((await t.call('kos_wrong', method, url, body)).statusCode, `${method} ${url}`).toBe(401);
    }
    expect((await t.call(r.org.apiKey, 'GET', `/api/v1/kos/${r.inNorth.id}`)).json().name).toBe(r.inNorth.name);
  });

  test('403: a viewer reads but does not write', async () => {
    const r = await roster();
    const viewer = await roleKey(t, r.org.apiKey, 'viewer');
    expect(ids(await t.call(viewer, 'GET', '/api/v1/kos'))).toHaveLength(4);
    expect((await t.call(viewer, 'GET', `/api/v1/kos/${r.inSouth.id}`)).statusCode).toBe(200);
    const post = await t.call(viewer, 'POST', '/api/v1/kos', {
      code: 'VIEW1',
      handle: `view-${r.org.slug}`,
      name: 'x',
      relationship: 'agent',
    });
    expect(post.statusCode).toBe(403);
    expect(post.json()).toMatchObject({ code: 'forbidden' });
    expect((await t.call(viewer, 'PATCH', `/api/v1/kos/${r.inSouth.id}`, { name: 'x' })).statusCode).toBe(403);
    expect(ids(await t.call(r.org.apiKey, 'GET', '/api/v1/kos'))).toHaveLength(4);
  });

  test('unit scope: a manager of North sees and changes only its subtree', async () => {
    const r = await roster();
    const manager = await roleKey(t, r.org.apiKey, 'manager', r.north);
    expect(ids(await t.call(manager, 'GET', '/api/v1/kos'))).toEqual([r.inNorth.id, r.inHanoi.id].sort());
    expect(ids(await t.call(manager, 'GET', '/api/v1/kos?tier=A'))).toEqual([r.inNorth.id]);
    expect(ids(await t.call(manager, 'GET', `/api/v1/kos?unitId=${r.hanoi}`))).toEqual([r.inHanoi.id]);
    expect((await t.call(manager, 'GET', `/api/v1/kos?unitId=${r.south}`)).statusCode).toBe(403);
    for (const other of [r.inSouth, r.unassigned]) {
      expect((await t.call(manager, 'GET', `/api/v1/kos/${other.id}`)).statusCode).toBe(403);
      expect((await t.call(manager, 'PATCH', `/api/v1/kos/${other.id}`, { name: 'taken', unitId: r.north })).statusCode).toBe(
        403,
      );
    }
    const base = { handle: `mgr-${r.org.slug}`, name: 'New', relationship: 'store_staff' };
    expect((await t.call(manager, 'POST', '/api/v1/kos', { ...base, code: 'MGR1', unitId: r.south })).statusCode).toBe(403);
    expect((await t.call(manager, 'POST', '/api/v1/kos', { ...base, code: 'MGR1', unitId: null })).statusCode).toBe(403);
    expect((await t.call(manager, 'POST', '/api/v1/kos', { ...base, code: 'MGR1' })).statusCode).toBe(403);
    expect((await t.call(manager, 'PATCH', `/api/v1/kos/${r.inHanoi.id}`, { unitId: r.south })).statusCode).toBe(403);
    expect((await t.call(manager, 'PATCH', `/api/v1/kos/${r.inHanoi.id}`, { unitId: null })).statusCode).toBe(403);
    expect((await t.call(r.org.apiKey, 'GET', `/api/v1/kos/${r.inSouth.id}`)).json().name).toBe(r.inSouth.name);
    expect((await t.call(r.org.apiKey, 'GET', `/api/v1/kos/${r.inHanoi.id}`)).json().unitId).toBe(r.hanoi);

    const created = await t.call(manager, 'POST', '/api/v1/kos', { ...base, code: 'MGR1', unitId: r.hanoi });
    expect(created.statusCode).toBe(201);
    const moved = await t.call(manager, 'PATCH', `/api/v1/kos/${created.json().id}`, { unitId: r.north, tier: 'S' });
    expect(moved.json()).toMatchObject({ unitId: r.north, tier: 'S' });
  });

  test('a kos member sees exactly their own KOS and may change only bio, avatarUrl and contacts', async () => {
    const r = await roster();
    const me = await kosMember(t, r.org.apiKey, r.inHanoi.id);
    const list = await me('GET', '/api/v1/kos');
    expect(list.statusCode).toBe(200);
    expect(ids(list)).toEqual([r.inHanoi.id]);
    expect(ids(await me('GET', '/api/v1/kos?status=active'))).toEqual([r.inHanoi.id]);
    expect((await me('GET', `/api/v1/kos/${r.inHanoi.id}`)).statusCode).toBe(200);
    expect((await me('GET', `/api/v1/kos/${r.inNorth.id}`)).statusCode).toBe(403);
    expect((await me('GET', `/api/v1/kos?unitId=${r.hanoi}`)).statusCode).toBe(403);

    const own = await me('PATCH', `/api/v1/kos/${r.inHanoi.id}`, {
      bio: 'Son môi chính hãng',
      avatarUrl: 'https://cdn.example.com/a.jpg',
      contacts: { phone: '+84 901 234 567' },
    });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({
      bio: 'Son môi chính hãng',
      avatarUrl: 'https://cdn.example.com/a.jpg',
      contacts: { phone: '+84 901 234 567' },
    });
    for (const body of [
      { tier: 'S' },
      { bio: 'x', status: 'active' },
      { voucherCodes: ['ME50'] },
      { unitId: r.south },
      { code: 'SELF1' },
    ]) {
      const res = await me('PATCH', `/api/v1/kos/${r.inHanoi.id}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(403);
    }
    expect((await me('PATCH', `/api/v1/kos/${r.inNorth.id}`, { bio: 'not mine' })).statusCode).toBe(403);
    expect(
      (await me('POST', '/api/v1/kos', { code: 'SELF2', handle: `self-${r.org.slug}`, name: 'x', relationship: 'agent' }))
        .statusCode,
    ).toBe(403);
    const after = (await t.call(r.org.apiKey, 'GET', `/api/v1/kos/${r.inHanoi.id}`)).json();
    expect(after).toMatchObject({ tier: 'B', status: 'active', bio: 'Son môi chính hãng', voucherCodes: [] });
    expect((await t.call(r.org.apiKey, 'GET', `/api/v1/kos/${r.inNorth.id}`)).json().bio).toBeNull();
  });

  test("404 for another org's KOS: a second org cannot detect it", async () => {
    const a = await roster();
    const b = await t.newOrg();
    const bManager = await roleKey(t, b.apiKey, 'manager', await unit(b.apiKey, 'B North'));
    for (const key of [b.apiKey, bManager]) {
      for (const [method, body] of [
        ['GET'],
        ['PATCH', { name: 'stolen' }],
        ['PATCH', { bio: 'x', code: String(a.inNorth.code) }],
      ] as const) {
        const res = await t.call(key, method, `/api/v1/kos/${a.inNorth.id}`, body);
        expect(res.statusCode, method).toBe(404);
        expect(res.json()).toMatchObject({ status: 404, code: 'not_found' });
      }
    }
    expect((await t.call(b.apiKey, 'GET', `/api/v1/kos/does-not-exist`)).statusCode).toBe(404);
    expect(ids(await t.call(b.apiKey, 'GET', '/api/v1/kos'))).toEqual([]);
    expect(ids(await t.call(b.apiKey, 'GET', `/api/v1/kos?q=${a.inNorth.code}`))).toEqual([]);
    // The same code and voucher are free in another org (only handles are instance-wide).
    await kos(a.org.apiKey, { voucherCodes: ['SHARED10'] });
    const sameCode = await t.call(b.apiKey, 'POST', '/api/v1/kos', {
      code: a.inNorth.code,
      handle: `b-${b.slug}`,
      name: 'B',
      relationship: 'agent',
      voucherCodes: ['shared10'],
    });
    expect(sameCode.statusCode).toBe(201);
    expect((await t.call(a.org.apiKey, 'GET', `/api/v1/kos/${a.inNorth.id}`)).json().name).toBe(a.inNorth.name);
  });

  test('409: code in the org, handle across orgs, voucher held by another KOS (any case)', async () => {
    const a = await t.newOrg();
    const b = await t.newOrg();
    const lan = await kos(a.apiKey, { code: 'LAN01', handle: `lan-${a.slug}`, voucherCodes: ['LAN10'] });
    const mai = await kos(a.apiKey, { code: 'MAI01', handle: `mai-${a.slug}` });
    const expect409 = (res: LightMyRequestResponse, path: string) => {
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ status: 409, code: 'conflict' });
      expect(paths(res)).toEqual([path]);
    };
    const base = { name: 'x', relationship: 'agent' };
    expect409(await t.call(a.apiKey, 'POST', '/api/v1/kos', { ...base, code: 'lan01', handle: `x-${a.slug}` }), 'code');
    expect409(await t.call(a.apiKey, 'PATCH', `/api/v1/kos/${mai.id}`, { code: 'Lan01' }), 'code');
    expect409(await t.call(b.apiKey, 'POST', '/api/v1/kos', { ...base, code: 'BBB01', handle: lan.handle }), 'handle');
    expect409(await t.call(a.apiKey, 'PATCH', `/api/v1/kos/${mai.id}`, { handle: lan.handle }), 'handle');
    expect409(
      await t.call(a.apiKey, 'POST', '/api/v1/kos', { ...base, code: 'VOU01', handle: `v-${a.slug}`, voucherCodes: [' lan10 '] }),
      'voucherCodes',
    );
    expect409(await t.call(a.apiKey, 'PATCH', `/api/v1/kos/${mai.id}`, { voucherCodes: ['MAI10', 'Lan10'] }), 'voucherCodes');
    expect((await t.call(a.apiKey, 'GET', `/api/v1/kos/${mai.id}`)).json()).toMatchObject({ code: 'MAI01', voucherCodes: [] });
    // Re-saving one's own code, handle and vouchers is not a conflict.
    const same = await t.call(a.apiKey, 'PATCH', `/api/v1/kos/${lan.id}`, {
      code: 'lan01',
      handle: lan.handle,
      voucherCodes: ['LAN10', 'LAN20'],
    });
    expect(same.statusCode).toBe(200);
    expect(same.json().voucherCodes).toEqual(['LAN10', 'LAN20']);
  });

  test('422 names each invalid field', async () => {
    const a = await t.newOrg();
    const b = await t.newOrg();
    const foreignUnit = await unit(b.apiKey, 'B region');
    const ok = { code: 'GOOD1', handle: `good-${a.slug}`, name: 'Good', relationship: 'agent' };
    const cases: [Record<string, unknown>, string[]][] = [
      [{ code: 'ab' }, ['code']],
      [{ code: 'ABCDEFGHIJKLMNOPQ' }, ['code']],
      [{ code: 'LAN-01' }, ['code']],
      [{ handle: 'Bad Handle' }, ['handle']],
      [{ handle: '.lan' }, ['handle']],
      [{ relationship: 'friend' }, ['relationship']],
      [{ name: ' ' }, ['name']],
      [{ status: 'retired' }, ['status']],
      [{ tier: 'Z' }, ['tier']],
      [{ categories: [''] }, ['categories.0']],
      [{ voucherCodes: 'LAN10' }, ['voucherCodes']],
      [{ taxProfile: { hasLabourContract3m: 1 } }, ['taxProfile.hasLabourContract3m']],
      [{ avatarUrl: 'javascript:alert(1)' }, ['avatarUrl']],
      [{ contacts: { phone: 'call me', email: 'nope' } }, ['contacts.email', 'contacts.phone']],
      [{ unitId: foreignUnit }, ['unitId']],
      [{ unitId: 'no-such-unit' }, ['unitId']],
    ];
    for (const [fields, expected] of cases) {
      const res = await t.call(a.apiKey, 'POST', '/api/v1/kos', { ...ok, ...fields });
      expect(res.statusCode, JSON.stringify(fields)).toBe(422);
      expect(paths(res), JSON.stringify(fields)).toEqual(expected);
    }
    const created = await kos(a.apiKey);
    for (const [fields, expected] of cases) {
      const res = await t.call(a.apiKey, 'PATCH', `/api/v1/kos/${created.id}`, fields);
      expect(res.statusCode, `PATCH ${JSON.stringify(fields)}`).toBe(422);
      expect(paths(res)).toEqual(expected);
    }
    expect(ids(await t.call(a.apiKey, 'GET', '/api/v1/kos'))).toEqual([created.id]);
    expect((await t.call(a.apiKey, 'GET', `/api/v1/kos/${created.id}`)).json()).toEqual(created);
  });
});
