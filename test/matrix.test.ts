import { describe, expect, test } from 'vitest';
import { type Caller, sessionCaller, type TestContext, useTestApp } from './support/app.js';
import { DIALECTS } from './support/database.js';

const BASE = 'http://localhost:8080'; // testConfig's publicUrl

async function kosMember(t: TestContext, owner: string, kosId: string): Promise<Caller> {
  const email = `kos-${kosId.toLowerCase()}@example.com`;
  const password = 'kos password 1';
  expect((await t.call(owner, 'POST', '/api/v1/members', { email, password, role: 'kos', kosId })).statusCode).toBe(201);
  const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  expect(login.statusCode).toBe(200);
  return sessionCaller(t.app, login.cookies.find((c) => c.name === 'kos_session')?.value ?? '');
}

describe.each(DIALECTS)('the matrix: brand kit, account audit, follower history, matrix view, onboarding on %s', (dialect) => {
  const t = useTestApp(dialect);

  test('brand kit on the org: read, partial patch keeps the other key, bad platform 422', async () => {
    const o = await t.newOrg();
    const before = (await t.call(o.apiKey, 'GET', '/api/v1/org')).json();
    expect(before.brandKit).toEqual({ brandWords: [], targetPlatforms: [] });
    const set = await t.call(o.apiKey, 'PATCH', '/api/v1/org', {
      brandKit: { brandWords: ['Hoa Sen', 'HoaSen'], targetPlatforms: ['tiktok_shop', 'shopee'] },
      targetCategories: ['Mỹ phẩm'],
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().brandKit).toEqual({ brandWords: ['Hoa Sen', 'HoaSen'], targetPlatforms: ['tiktok_shop', 'shopee'] });
    const partial = await t.call(o.apiKey, 'PATCH', '/api/v1/org', { brandKit: { brandWords: ['Sen'] } });
    expect(partial.json().brandKit).toEqual({ brandWords: ['Sen'], targetPlatforms: ['tiktok_shop', 'shopee'] });
    expect(partial.json().targetCategories).toEqual(['Mỹ phẩm']);
    expect((await t.call(o.apiKey, 'PATCH', '/api/v1/org', { brandKit: { targetPlatforms: ['myspace'] } })).statusCode).toBe(422);
  });

  test('an account answers its audit; fixing the five items takes it to 100; a KOS member edits only four fields', async () => {
    const o = await t.newOrg();
    await t.call(o.apiKey, 'PATCH', '/api/v1/org', { brandKit: { brandWords: ['Hoa Sen'] } });
    const kos = (
      await t.call(o.apiKey, 'POST', '/api/v1/kos', {
        code: 'LAN01',
        handle: `lan-${dialect}`,
        name: 'Lan',
        relationship: 'employee',
      })
    ).json();
    const created = await t.call(o.apiKey, 'POST', `/api/v1/kos/${kos.id}/accounts`, {
      platform: 'tiktok_shop',
      handle: '@lan',
      followers: 12_000,
    });
    expect(created.statusCode, created.body).toBe(201);
    const account = created.json();
    expect(account).toMatchObject({
      displayName: null,
      bio: null,
      linkInBio: null,
      verified: false,
      avatarOk: null,
      pinnedOk: null,
    });
    expect(account.audit.score).toBe(0);
    expect(account.audit.items.map((i: { key: string }) => i.key)).toEqual(['name', 'bio', 'link', 'avatar', 'pinned']);

    const patched = await t.call(o.apiKey, 'PATCH', `/api/v1/accounts/${account.id}`, {
      displayName: 'Lan · HOA SEN',
      bio: 'Mỹ phẩm hòa sen chính hãng',
      linkInBio: `${BASE.replace('http://', 'HTTPS://')}/@lan-${dialect}/?utm=bio`,
      avatarOk: true,
      pinnedOk: false,
      verified: true,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().audit).toEqual({
      score: 80,
      items: [
        { key: 'name', ok: true },
        { key: 'bio', ok: true },
        { key: 'link', ok: true },
        { key: 'avatar', ok: true },
        { key: 'pinned', ok: false },
      ],
    });

    // A short link of the KOS counts, while it is enabled and unexpired.
    const link = (
      await t.call(o.apiKey, 'POST', '/api/v1/links', {
        kosId: kos.id,
        destinationUrl: 'https://shop.example.com/p/1',
        slug: `tet-${dialect}`,
      })
    ).json();
    const viaLink = await t.call(o.apiKey, 'PATCH', `/api/v1/accounts/${account.id}`, {
      linkInBio: link.shortUrl,
      pinnedOk: true,
    });
    expect(viaLink.json().audit.score).toBe(100);
    await t.call(o.apiKey, 'PATCH', `/api/v1/links/${link.id}`, { disabled: true });
    expect((await t.call(o.apiKey, 'GET', `/api/v1/accounts/${account.id}`)).json().audit.score).toBe(80);

    const self = await kosMember(t, o.apiKey, kos.id);
    const own = await self('PATCH', `/api/v1/accounts/${account.id}`, {
      bio: 'Hoa Sen <script>x</script>',
      followers: 13_000,
      linkInBio: null,
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ bio: 'Hoa Sen <script>x</script>', followers: 13_000, linkInBio: null });
    const denied = await self('PATCH', `/api/v1/accounts/${account.id}`, { avatarOk: true });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().key).toBe('account.self_edit.denied');
    expect((await self('POST', `/api/v1/kos/${kos.id}/accounts`, { platform: 'shopee', handle: 'lan2' })).statusCode).toBe(403);
    expect((await self('GET', '/api/v1/matrix')).statusCode).toBe(403);
    expect((await self('GET', `/api/v1/kos/${kos.id}/onboarding`)).statusCode).toBe(200);
  });

  test('follower history: a PATCH records one, POST records one (not in the future), a backdated one leaves the current count', async () => {
    const o = await t.newOrg();
    const kos = (
      await t.call(o.apiKey, 'POST', '/api/v1/kos', {
        code: 'MINH02',
        handle: `minh-${dialect}`,
        name: 'Minh',
        relationship: 'agent',
      })
    ).json();
    const account = (
      await t.call(o.apiKey, 'POST', `/api/v1/kos/${kos.id}/accounts`, { platform: 'shopee', handle: 'minh', followers: 100 })
    ).json();
    await t.call(o.apiKey, 'PATCH', `/api/v1/accounts/${account.id}`, { followers: 150 });
    const posted = await t.call(o.apiKey, 'POST', `/api/v1/accounts/${account.id}/follower-history`, { followers: 200 });
    expect(posted.statusCode, posted.body).toBe(201);
    expect(posted.json().followers).toBe(200);
    expect((await t.call(o.apiKey, 'GET', `/api/v1/accounts/${account.id}`)).json().followers).toBe(200);
    const old = await t.call(o.apiKey, 'POST', `/api/v1/accounts/${account.id}/follower-history`, {
      followers: 50,
      recordedAt: '2025-01-01T00:00:00+07:00',
    });
    expect(old.statusCode).toBe(201);
    expect(old.json().recordedAt).toBe('2024-12-31T17:00:00.000Z');
    expect((await t.call(o.apiKey, 'GET', `/api/v1/accounts/${account.id}`)).json().followers).toBe(200);
    const future = await t.call(o.apiKey, 'POST', `/api/v1/accounts/${account.id}/follower-history`, {
      followers: 1,
      recordedAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().errors[0]).toMatchObject({ path: 'recordedAt' });
    const history = (await t.call(o.apiKey, 'GET', `/api/v1/accounts/${account.id}/follower-history`)).json();
    expect(history.items.map((p: { followers: number }) => p.followers).sort((a: number, b: number) => a - b)).toEqual([
      50, 100, 150, 200,
    ]);
  });

  test('matrix view per platform with the accounts needing attention, unit filter and scope', async () => {
    const o = await t.newOrg();
    await t.call(o.apiKey, 'PATCH', '/api/v1/org', { brandKit: { brandWords: ['Sen'] } });
    const south = (await t.call(o.apiKey, 'POST', '/api/v1/units', { name: 'Miền Nam', kind: 'region' })).json();
    const a = (
      await t.call(o.apiKey, 'POST', '/api/v1/kos', {
        code: 'AAA1',
        handle: `aaa-${dialect}`,
        name: 'A',
        relationship: 'employee',
        unitId: south.id,
      })
    ).json();
    const b = (
      await t.call(o.apiKey, 'POST', '/api/v1/kos', {
        code: 'BBB1',
        handle: `bbb-${dialect}`,
        name: 'B',
        relationship: 'employee',
      })
    ).json();
    const good = { displayName: 'Sen A', bio: 'sen', linkInBio: `${BASE}/@aaa-${dialect}`, avatarOk: true, pinnedOk: true };
    await t.call(o.apiKey, 'POST', `/api/v1/kos/${a.id}/accounts`, {
      platform: 'tiktok_shop',
      handle: 'a1',
      followers: 60_000,
      ...good,
    });
    const weak = (
      await t.call(o.apiKey, 'POST', `/api/v1/kos/${a.id}/accounts`, {
        platform: 'shopee',
        handle: 'a2',
        followers: 2_000,
        displayName: 'Sen',
      })
    ).json();
    const worst = (
      await t.call(o.apiKey, 'POST', `/api/v1/kos/${b.id}/accounts`, {
        platform: 'tiktok_shop',
        handle: 'b1',
        followers: 1_500_000,
      })
    ).json();

    const all = await t.call(o.apiKey, 'GET', '/api/v1/matrix');
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().platforms).toEqual([
      {
        platform: 'tiktok_shop',
        accounts: 2,
        kos: 2,
        followers: 1_560_000,
        followerTiers: { nano: 0, micro: 0, mid: 1, macro: 0, mega: 1 },
        avgAuditScore: 50,
      },
      {
        platform: 'shopee',
        accounts: 1,
        kos: 1,
        followers: 2_000,
        followerTiers: { nano: 1, micro: 0, mid: 0, macro: 0, mega: 0 },
        avgAuditScore: 20,
      },
    ]);
    expect(all.json().needsAttention).toEqual([
      {
        accountId: worst.id,
        kosId: b.id,
        platform: 'tiktok_shop',
        handle: 'b1',
        score: 0,
        failing: ['name', 'bio', 'link', 'avatar', 'pinned'],
      },
      {
        accountId: weak.id,
        kosId: a.id,
        platform: 'shopee',
        handle: 'a2',
        score: 20,
        failing: ['bio', 'link', 'avatar', 'pinned'],
      },
    ]);
    const inSouth = (await t.call(o.apiKey, 'GET', `/api/v1/matrix?unitId=${south.id}&platform=tiktok_shop`)).json();
    expect(inSouth.platforms).toHaveLength(1);
    expect(inSouth.platforms[0]).toMatchObject({ platform: 'tiktok_shop', accounts: 1, avgAuditScore: 100 });
    expect(inSouth.needsAttention).toEqual([]);
    expect((await t.call(o.apiKey, 'GET', '/api/v1/matrix?platform=myspace')).statusCode).toBe(422);
  });

  test('onboarding: five steps, re-checked on each write, the automatic move to active and the status history', async () => {
    const o = await t.newOrg();
    await t.call(o.apiKey, 'PATCH', '/api/v1/org', { brandKit: { brandWords: ['Hoa Sen'], targetPlatforms: ['tiktok_shop'] } });
    const unit = (await t.call(o.apiKey, 'POST', '/api/v1/units', { name: 'HQ', kind: 'hq' })).json();
    const kos = (
      await t.call(o.apiKey, 'POST', '/api/v1/kos', {
        code: 'NEW001',
        handle: `new-${dialect}`,
        name: 'Mới',
        relationship: 'independent',
        status: 'onboarding',
      })
    ).json();
    expect(kos.statusHistory).toEqual([expect.objectContaining({ from: null, to: 'onboarding', reason: 'manual' })]);
    const steps = async () => {
      const r = await t.call(o.apiKey, 'GET', `/api/v1/kos/${kos.id}/onboarding`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    const first = await steps();
    expect(first).toEqual({
      steps: [
        { key: 'profile', done: false },
        { key: 'accounts', done: false },
        { key: 'audit', done: false },
        { key: 'training', done: true },
        { key: 'firstLink', done: false },
      ],
      done: 1,
      total: 5,
    });
    await t.call(o.apiKey, 'PATCH', `/api/v1/kos/${kos.id}`, { unitId: unit.id, taxProfile: { taxCode: '8012345678' } });
    const facebook = (
      await t.call(o.apiKey, 'POST', `/api/v1/kos/${kos.id}/accounts`, {
        platform: 'facebook',
        handle: 'moi',
        displayName: 'Hoa Sen',
        bio: 'Hoa Sen',
        avatarOk: true,
        pinnedOk: true,
        linkInBio: `${BASE}/@new-${dialect}`,
      })
    ).json();
    expect(facebook.audit.score).toBe(100);
    expect((await steps()).steps.filter((s: { done: boolean }) => !s.done).map((s: { key: string }) => s.key)).toEqual([
      'accounts',
      'firstLink',
    ]);
    const tiktok = (
      await t.call(o.apiKey, 'POST', `/api/v1/kos/${kos.id}/accounts`, {
        platform: 'tiktok_shop',
        handle: 'moi',
        displayName: 'Hoa Sen',
      })
    ).json();
    expect((await steps()).steps.filter((s: { done: boolean }) => !s.done).map((s: { key: string }) => s.key)).toEqual([
      'audit',
      'firstLink',
    ]);
    await t.call(o.apiKey, 'POST', '/api/v1/links', { kosId: kos.id, destinationUrl: 'https://shop.example.com/p/2' });
    expect((await steps()).done).toBe(4);
    expect((await t.call(o.apiKey, 'GET', `/api/v1/kos/${kos.id}`)).json().status).toBe('onboarding');

    // The last step done in the same request moves the KOS by itself.
    const fixed = await t.call(o.apiKey, 'PATCH', `/api/v1/accounts/${tiktok.id}`, {
      bio: 'hoa sen',
      avatarOk: true,
      pinnedOk: true,
      linkInBio: `${BASE}/@new-${dialect}`,
    });
    expect(fixed.json().audit.score).toBe(100);
    expect((await steps()).done).toBe(5);
    const after = (await t.call(o.apiKey, 'GET', `/api/v1/kos/${kos.id}`)).json();
    expect(after.status).toBe('active');
    expect(after.statusHistory.map((h: { from: string | null; to: string; reason: string }) => [h.from, h.to, h.reason])).toEqual(
      [
        [null, 'onboarding', 'manual'],
        ['onboarding', 'active', 'onboarding'],
      ],
    );
    expect(after.statusHistory[1].by).toEqual(expect.any(String));

    // A manual move is kept too; an active KOS is not moved again by a write.
    const paused = (await t.call(o.apiKey, 'PATCH', `/api/v1/kos/${kos.id}`, { status: 'paused' })).json();
    expect(paused.statusHistory.at(-1)).toMatchObject({ from: 'active', to: 'paused', reason: 'manual' });
    await t.call(o.apiKey, 'PATCH', `/api/v1/accounts/${tiktok.id}`, { followers: 10 });
    expect((await t.call(o.apiKey, 'GET', `/api/v1/kos/${kos.id}`)).json().status).toBe('paused');
    // Back to onboarding with every step done: the same PATCH completes it.
    const back = (await t.call(o.apiKey, 'PATCH', `/api/v1/kos/${kos.id}`, { status: 'onboarding' })).json();
    expect(back.status).toBe('active');
    expect(back.statusHistory.slice(-2).map((h: { to: string; reason: string }) => [h.to, h.reason])).toEqual([
      ['onboarding', 'manual'],
      ['active', 'onboarding'],
    ]);
    expect((await t.call(o.apiKey, 'GET', '/api/v1/kos?limit=5')).json().items[0].statusHistory.length).toBeGreaterThan(0);
  });

  test('a brand kit change completes the audit of an onboarding KOS in the same request', async () => {
    const o = await t.newOrg();
    await t.call(o.apiKey, 'PATCH', '/api/v1/org', { brandKit: { brandWords: ['Vinamilk'] } });
    const unit = (await t.call(o.apiKey, 'POST', '/api/v1/units', { name: 'HQ', kind: 'hq' })).json();
    const kos = (
      await t.call(o.apiKey, 'POST', '/api/v1/kos', {
        code: 'KIT001',
        handle: `kit-${dialect}`,
        name: 'Kit',
        relationship: 'employee',
        status: 'onboarding',
        unitId: unit.id,
        taxProfile: { hasLabourContract3m: true },
      })
    ).json();
    await t.call(o.apiKey, 'POST', `/api/v1/kos/${kos.id}/accounts`, {
      platform: 'youtube',
      handle: 'kit',
      displayName: 'Sữa Đà Lạt',
      bio: 'sua da lat',
      linkInBio: `${BASE}/@kit-${dialect}`,
      avatarOk: true,
      pinnedOk: true,
    });
    await t.call(o.apiKey, 'POST', '/api/v1/links', { kosId: kos.id, destinationUrl: 'https://shop.example.com/p/3' });
    expect((await t.call(o.apiKey, 'GET', `/api/v1/kos/${kos.id}`)).json().status).toBe('onboarding');
    await t.call(o.apiKey, 'PATCH', '/api/v1/org', { brandKit: { brandWords: ['Đà Lạt'] } });
    expect((await t.call(o.apiKey, 'GET', `/api/v1/kos/${kos.id}`)).json().status).toBe('active');
  });
});
