import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, test } from 'vitest';
import { testConfig, useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { expectProblem, ISO } from '../../../test/support/problem.js';
import { buildApp } from '../../app.js';

const errorPaths = (res: LightMyRequestResponse) =>
  res
    .json()
    .errors.map((e: { path: string }) => e.path)
    .sort();
const setCookieHeader = (res: LightMyRequestResponse): string => [res.headers['set-cookie'] ?? []].flat().join('\n');
const sessionOf = (res: LightMyRequestResponse): string => {
  const value = res.cookies.find((c) => c.name === 'kos_session')?.value;
  expect(value).toBeTruthy();
  return value as string;
};

describe.each(DIALECTS)('auth on %s', (dialect) => {
  const t = useTestApp(dialect);
  const login = (email: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  const me = (headers: Record<string, string> = {}, cookie?: string) =>
    t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers,
      ...(cookie !== undefined ? { cookies: { kos_session: cookie } } : {}),
    });

  test('login answers 200 with the caller and sets an HttpOnly, SameSite=Lax cookie without Secure on http', async () => {
    const org = await t.newOrg();
    const res = await login(org.email, org.password);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      kind: 'member',
      role: 'owner',
      orgId: org.orgId,
      unitId: null,
      kosId: null,
      apiKeyId: null,
      member: { email: org.email, role: 'owner', hasPassword: true, createdAt: expect.stringMatching(ISO) },
      org: { id: org.orgId, slug: org.slug, currency: 'VND' },
    });
    expect(res.body).not.toContain('scrypt');
    const header = setCookieHeader(res);
    expect(header).toMatch(/kos_session=[^;]+/);
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);
    expect(header).toMatch(/Path=\//);
    expect(header).not.toMatch(/Secure/i);
    const cookie = res.cookies.find((c) => c.name === 'kos_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  });

  test('the cookie is Secure when the public URL is https', async () => {
    const org = await t.newOrg();
    const app = await buildApp({
      config: testConfig(t.db.url, { publicUrl: 'https://kos.example.com' }),
      database: t.db.database,
    });
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: org.email, password: org.password },
      });
      expect(res.statusCode).toBe(200);
      expect(setCookieHeader(res)).toMatch(/;\s*Secure/i);
    } finally {
      await app.close();
    }
  });

  test('the e-mail of a login is trimmed and compared case-insensitively', async () => {
    const org = await t.newOrg();
    const res = await login(`  ${org.email.toUpperCase()} `, org.password);
    expect(res.statusCode).toBe(200);
    expect(res.json().member.email).toBe(org.email);
  });

  test('/me works with the session cookie and with a Bearer key', async () => {
    const org = await t.newOrg();
    const cookie = sessionOf(await login(org.email, org.password));
    const bySession = await me({}, cookie);
    expect(bySession.statusCode).toBe(200);
    expect(bySession.json()).toMatchObject({
      kind: 'member',
      role: 'owner',
      orgId: org.orgId,
      apiKeyId: null,
      member: { email: org.email },
    });
    const byKey = await me({ authorization: `Bearer ${org.apiKey}` });
    expect(byKey.statusCode).toBe(200);
    expect(byKey.json()).toMatchObject({
      kind: 'api_key',
      role: 'owner',
      orgId: org.orgId,
      unitId: null,
      kosId: null,
      apiKeyId: expect.any(String),
      member: null,
      org: { id: org.orgId, slug: org.slug },
    });
    expect(byKey.body).not.toContain(org.apiKey);
  });

  test('wrong password and unknown e-mail answer alike (401, same body)', async () => {
    const org = await t.newOrg();
    const wrong = await login(org.email, 'not the password');
    const unknown = await login(`nobody-${org.slug}@example.com`, 'not the password');
    const a = expectProblem(wrong, 401, 'unauthorized');
    const b = expectProblem(unknown, 401, 'unauthorized');
    expect(a).toEqual(b);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  test('a member without a password cannot log in', async () => {
    const org = await t.newOrg();
    const email = `nopass-${org.slug}@example.com`;
    expect((await t.call(org.apiKey, 'POST', '/api/v1/members', { email, role: 'viewer' })).json().hasPassword).toBe(false);
    expectProblem(await login(email, 'anything at all'), 401, 'unauthorized');
  });

  test('logout answers 204, clears the cookie and ends the session (later /me → 401)', async () => {
    const org = await t.newOrg();
    const cookie = sessionOf(await login(org.email, org.password));
    const other = sessionOf(await login(org.email, org.password));
    expect((await me({}, cookie)).statusCode).toBe(200);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookies: { kos_session: cookie },
      headers: { origin: 'http://localhost:8080' },
    });
    expect(out.statusCode).toBe(204);
    expect(out.body).toBe('');
    expect(setCookieHeader(out)).toMatch(/kos_session=;.*Expires=Thu, 01 Jan 1970/i);
    expectProblem(await me({}, cookie), 401, 'unauthorized');
    expect((await me({}, other)).statusCode).toBe(200);
  });

  test('logout without a session or with a forged cookie still answers 204', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookies: { kos_session: 'abc.def' },
      headers: { origin: 'http://localhost:8080' },
    });
    expect(forged.statusCode).toBe(204);
  });

  const unauthorizedRows: [string, (key: string, cookie: string) => { headers: Record<string, string>; cookie?: string }][] = [
    ['no credentials', () => ({ headers: {} })],
    ['an unknown API key', () => ({ headers: { authorization: 'Bearer kos_0000000000000000000000000000000000000000' } })],
    ['Basic instead of Bearer', () => ({ headers: { authorization: 'Basic dXNlcjpwYXNzd29yZA==' } })],
    ['Bearer without a key', () => ({ headers: { authorization: 'Bearer' } })],
    ['a key without the Bearer scheme', (key) => ({ headers: { authorization: key } })],
    ['a key with extra words', (key) => ({ headers: { authorization: `Bearer ${key} extra` } })],
    ['a malformed header beside a valid cookie', (_key, cookie) => ({ headers: { authorization: 'Token abc' }, cookie })],
    ['a forged cookie', () => ({ headers: {}, cookie: 'abc.def' })],
    ['a cookie without signature', (_key, cookie) => ({ headers: {}, cookie: cookie.split('.')[0] ?? '' })],
    ['a cookie with a tampered token', (_key, cookie) => ({ headers: {}, cookie: `x${cookie}` })],
  ];
  test.each(unauthorizedRows)('/me answers 401 for %s', async (_name, make) => {
    const org = await t.newOrg();
    const cookie = sessionOf(await login(org.email, org.password));
    const { headers, cookie: sent } = make(org.apiKey, cookie);
    expectProblem(await me(headers, sent), 401, 'unauthorized');
  });

  const invalidRows: [string, unknown, string[]][] = [
    ['an empty body', {}, ['email', 'password']],
    ['a malformed e-mail', { email: 'not-an-email', password: 'x' }, ['email']],
    ['an empty password', { email: 'a@example.com', password: '' }, ['password']],
    ['wrong types', { email: 42, password: 42 }, ['email', 'password']],
  ];
  test.each(invalidRows)('login with %s answers 422 naming each field', async (_name, payload, paths) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: payload as object });
    expectProblem(res, 422, 'invalid');
    expect(errorPaths(res)).toEqual(paths);
  });
});
