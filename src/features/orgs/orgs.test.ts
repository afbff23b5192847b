import { describe, expect, test } from 'vitest';
import { type TestOrg, useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { errorPaths, expectProblem, ISO } from '../../../test/support/problem.js';

const SECRET = 'whsec-0123456789abcdef-secret';

/** The distinct paths of a 422's errors (one field may fail several checks, e.g. a date's format and calendar). */

describe.each(DIALECTS)('organisation settings on %s', (dialect) => {
  const t = useTestApp(dialect);

  /** An API key of the role, made by the org's owner key. */
  const keyOf = async (org: TestOrg, role: string): Promise<string> => {
    const res = await t.call(org.apiKey, 'POST', '/api/v1/api-keys', { name: `${role} key`, role });
    expect(res.statusCode).toBe(201);
    return res.json().key;
  };
  /** A session cookie of a member with role kos (linked to a new KOS). */
  const kosSession = async (org: TestOrg): Promise<string> => {
    const kos = await t.call(org.apiKey, 'POST', '/api/v1/kos', {
      code: 'ORGK1',
      handle: `k-${org.slug}`,
      name: 'Kos',
      relationship: 'agent',
    });
    expect(kos.statusCode).toBe(201);
    const email = `kos-${org.slug}@example.com`;
    const member = await t.call(org.apiKey, 'POST', '/api/v1/members', {
      email,
      password: 'kos password 1',
      role: 'kos',
      kosId: kos.json().id,
    });
    expect(member.statusCode).toBe(201);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: 'kos password 1' } });
    expect(res.statusCode).toBe(200);
    return res.cookies.find((c) => c.name === 'kos_session')?.value as string;
  };

  test('GET /org answers the settings with their defaults; a VND org starts with the Vietnam tax rule', async () => {
    const org = await t.newOrg();
    const res = await t.call(org.apiKey, 'GET', '/api/v1/org');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.json()).toEqual({
      id: org.orgId,
      name: `Org ${org.slug}`,
      slug: org.slug,
      currency: 'VND',
      timezone: 'Asia/Ho_Chi_Minh',
      locale: 'vi',
      attributionWindowDays: 7,
      postLiveWindowHours: 0,
      minPayoutMinor: 0,
      taxRules: [
        {
          country: 'VN',
          rateBps: 1000,
          thresholdMinor: 2_000_000,
          validFrom: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          validTo: null,
        },
      ],
      targetCategories: [],
      brandKit: { brandWords: [], targetPlatforms: [] },
      tierCutoffs: { s: 10, a: 20, b: 40 },
      webhookSecretSet: false,
      createdAt: expect.stringMatching(ISO),
      updatedAt: expect.stringMatching(ISO),
    });
  });

  test('an org in another currency starts without tax rules', async () => {
    const org = await t.newOrg({ currency: 'CNY', timezone: 'Asia/Shanghai', locale: 'zh-CN' });
    expect((await t.call(org.apiKey, 'GET', '/api/v1/org')).json()).toMatchObject({
      currency: 'CNY',
      timezone: 'Asia/Shanghai',
      locale: 'zh-CN',
      taxRules: [],
    });
  });

  test('every role reads its own org only', async () => {
    const a = await t.newOrg();
    const b = await t.newOrg();
    for (const role of ['admin', 'manager', 'viewer']) {
      const res = await t.call(await keyOf(a, role), 'GET', '/api/v1/org');
      expect(res.statusCode).toBe(200);
      expect(res.json().id).toBe(a.orgId);
    }
    const kos = await t.app.inject({ method: 'GET', url: '/api/v1/org', cookies: { kos_session: await kosSession(a) } });
    expect(kos.statusCode).toBe(200);
    expect(kos.json().id).toBe(a.orgId);
    expect((await t.call(b.apiKey, 'GET', '/api/v1/org')).json().id).toBe(b.orgId);
  });

  test('PATCH /org answers 200 with the changed settings; GET shows them; other orgs are untouched', async () => {
    const org = await t.newOrg();
    const other = await t.newOrg();
    const before = (await t.call(org.apiKey, 'GET', '/api/v1/org')).json();
    const patch = {
      name: '  Thương hiệu A  ',
      currency: 'usd',
      timezone: 'Asia/Bangkok',
      locale: 'en',
      attributionWindowDays: 14,
      postLiveWindowHours: 24,
      minPayoutMinor: 500_000,
      targetCategories: ['beauty', 'fashion'],
      taxRules: [
        { country: 'VN', rateBps: 1000, thresholdMinor: 2_000_000, validFrom: '2013-10-01', validTo: '2025-12-31' },
        { rateBps: 500, thresholdMinor: 0, validFrom: '2026-01-01' },
      ],
    };
    const res = await t.call(org.apiKey, 'PATCH', '/api/v1/org', patch);
    expect(res.statusCode).toBe(200);
    const expected = { ...patch, name: 'Thương hiệu A', currency: 'USD', id: org.orgId, slug: org.slug, webhookSecretSet: false };
    expect(res.json()).toMatchObject(expected);
    expect(res.json().createdAt).toBe(before.createdAt);
    expect(Date.parse(res.json().updatedAt)).toBeGreaterThanOrEqual(Date.parse(before.updatedAt));
    expect((await t.call(org.apiKey, 'GET', '/api/v1/org')).json()).toMatchObject(expected);
    expect((await t.call(other.apiKey, 'GET', '/api/v1/org')).json()).toMatchObject({
      currency: 'VND',
      attributionWindowDays: 7,
    });
  });

  test('an empty PATCH changes nothing; an admin key may PATCH', async () => {
    const org = await t.newOrg();
    const before = (await t.call(org.apiKey, 'GET', '/api/v1/org')).json();
    const res = await t.call(org.apiKey, 'PATCH', '/api/v1/org', {});
    expect(res.statusCode).toBe(200);
    expect({ ...res.json(), updatedAt: null }).toEqual({ ...before, updatedAt: null });
    const admin = await t.call(await keyOf(org, 'admin'), 'PATCH', '/api/v1/org', { minPayoutMinor: 1 });
    expect(admin.statusCode).toBe(200);
    expect(admin.json().minPayoutMinor).toBe(1);
  });

  test('webhookSecret is write-only: answers show webhookSecretSet, never the secret; null clears it', async () => {
    const org = await t.newOrg();
    const set = await t.call(org.apiKey, 'PATCH', '/api/v1/org', { webhookSecret: SECRET });
    expect(set.statusCode).toBe(200);
    expect(set.json().webhookSecretSet).toBe(true);
    expect(set.json()).not.toHaveProperty('webhookSecret');
    expect(set.body).not.toContain(SECRET);
    const get = await t.call(org.apiKey, 'GET', '/api/v1/org');
    expect(get.json().webhookSecretSet).toBe(true);
    expect(get.body).not.toContain(SECRET);
    const me = await t.call(org.apiKey, 'GET', '/api/v1/me');
    expect(me.json().org.webhookSecretSet).toBe(true);
    expect(me.body).not.toContain(SECRET);
    expect((await t.call(org.apiKey, 'PATCH', '/api/v1/org', { name: 'Renamed' })).json().webhookSecretSet).toBe(true);
    const cleared = await t.call(org.apiKey, 'PATCH', '/api/v1/org', { webhookSecret: null });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json().webhookSecretSet).toBe(false);
  });

  test('a tax rule ending before it starts answers 422 at taxRules.0.validTo', async () => {
    const org = await t.newOrg();
    const res = await t.call(org.apiKey, 'PATCH', '/api/v1/org', {
      taxRules: [{ rateBps: 1000, thresholdMinor: 2_000_000, validFrom: '2025-01-01', validTo: '2024-12-31' }],
    });
    expectProblem(res, 422, 'invalid');
    expect(res.json().errors).toEqual([
      { path: 'taxRules.0.validTo', message: expect.any(String), key: 'org.tax_rule.valid_to_before_from', params: {} },
    ]);
    expect((await t.call(org.apiKey, 'GET', '/api/v1/org')).json().taxRules[0]).toMatchObject({ rateBps: 1000, validTo: null });
  });

  const rule = { rateBps: 1000, thresholdMinor: 0, validFrom: '2025-01-01' };
  const invalidRows: [string, Record<string, unknown>, string[]][] = [
    ['an empty name', { name: '   ' }, ['name']],
    ['a currency that is not a code', { currency: 'EURO' }, ['currency']],
    ['an unknown time zone', { timezone: 'Mars/Olympus_Mons' }, ['timezone']],
    ['an unsupported locale', { locale: 'fr' }, ['locale']],
    ['a negative attribution window', { attributionWindowDays: -1 }, ['attributionWindowDays']],
    ['a fractional attribution window', { attributionWindowDays: 1.5 }, ['attributionWindowDays']],
    ['a post-live window over a week', { postLiveWindowHours: 169 }, ['postLiveWindowHours']],
    ['a negative minimum payout', { minPayoutMinor: -1 }, ['minPayoutMinor']],
    ['a minimum payout as text', { minPayoutMinor: '100' }, ['minPayoutMinor']],
    ['taxRules not a list', { taxRules: 'VN' }, ['taxRules']],
    ['a tax rate over 100%', { taxRules: [{ ...rule, rateBps: 10_001 }] }, ['taxRules.0.rateBps']],
    ['a negative tax threshold', { taxRules: [{ ...rule, thresholdMinor: -5 }] }, ['taxRules.0.thresholdMinor']],
    ['a tax rule without validFrom', { taxRules: [{ rateBps: 1000, thresholdMinor: 0 }] }, ['taxRules.0.validFrom']],
    ['a tax rule on 30 February', { taxRules: [rule, { ...rule, validFrom: '2025-02-30' }] }, ['taxRules.1.validFrom']],
    ['a tax rule with a date-time validTo', { taxRules: [{ ...rule, validTo: '2025-03-01T00:00:00Z' }] }, ['taxRules.0.validTo']],
    ['an empty target category', { targetCategories: ['beauty', ''] }, ['targetCategories.1']],
    ['a short webhook secret', { webhookSecret: 'short' }, ['webhookSecret']],
    ['several bad fields at once', { name: '', locale: 'xx', minPayoutMinor: -1 }, ['locale', 'minPayoutMinor', 'name']],
  ];
  test.each(invalidRows)('PATCH with %s answers 422 naming the field and changes nothing', async (_name, patch, paths) => {
    const org = await t.newOrg();
    const before = (await t.call(org.apiKey, 'GET', '/api/v1/org')).json();
    const res = await t.call(org.apiKey, 'PATCH', '/api/v1/org', patch);
    expectProblem(res, 422, 'invalid');
    expect(errorPaths(res)).toEqual(paths);
    expect((await t.call(org.apiKey, 'GET', '/api/v1/org')).json()).toEqual(before);
  });

  const unauthorizedRows: [string, Record<string, string>][] = [
    ['no credentials', {}],
    ['an unknown key', { authorization: 'Bearer kos_unknownunknownunknown' }],
    ['a malformed Authorization header', { authorization: 'Bearer' }],
    ['another scheme', { authorization: 'Basic YTpi' }],
  ];
  test.each(unauthorizedRows)('GET and PATCH /org answer 401 with %s', async (_name, headers) => {
    for (const method of ['GET', 'PATCH'] as const) {
      const res = await t.app.inject({
        method,
        url: '/api/v1/org',
        headers,
        ...(method === 'PATCH' ? { payload: { name: 'x' } } : {}),
      });
      expectProblem(res, 401, 'unauthorized');
    }
  });

  test.each(['manager', 'viewer'])('a %s key may not PATCH /org (403)', async (role) => {
    const org = await t.newOrg();
    const res = await t.call(await keyOf(org, role), 'PATCH', '/api/v1/org', { name: 'Hijacked', webhookSecret: SECRET });
    expectProblem(res, 403, 'forbidden');
    expect((await t.call(org.apiKey, 'GET', '/api/v1/org')).json()).toMatchObject({
      name: `Org ${org.slug}`,
      webhookSecretSet: false,
    });
  });

  test('a kos member may not PATCH /org (403)', async () => {
    const org = await t.newOrg();
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/org',
      cookies: { kos_session: await kosSession(org) },
      headers: { origin: 'http://localhost:8080' },
      payload: { minPayoutMinor: 1 },
    });
    expectProblem(res, 403, 'forbidden');
    expect((await t.call(org.apiKey, 'GET', '/api/v1/org')).json().minPayoutMinor).toBe(0);
  });
});
