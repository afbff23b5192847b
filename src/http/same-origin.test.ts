import { afterEach, describe, expect, test, vi } from 'vitest';
import { type TestOrg, useTestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { expectProblem } from '../../test/support/problem.js';

const OURS = 'http://localhost:8080';
const EVIL = 'http://evil.example';

describe.each(DIALECTS)('cross-site requests on %s', (dialect) => {
  const t = useTestApp(dialect);
  afterEach(() => {
    vi.useRealTimers();
  });
  let n = 0;

  const session = async (org: TestOrg): Promise<string> => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: org.email, password: org.password },
    });
    return res.cookies.find((c) => c.name === 'kos_session')?.value as string;
  };

  /** An org with a draft payout for 2026-10 (a bonus booked in October, the month closed). */
  const withDraftPayout = async () => {
    const org = await t.newOrg();
    const kos = await t.call(org.apiKey, 'POST', '/api/v1/kos', {
      code: `CSRF${++n}`,
      handle: `csrf-${org.slug}`,
      name: 'Lan',
      relationship: 'independent',
      status: 'active',
    });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-10-15T10:00:00+07:00'));
    const bonus = { kosId: kos.json().id, kind: 'bonus', amountMinor: 500_000, reason: 'October contest' };
    expect((await t.call(org.apiKey, 'POST', '/api/v1/ledger', bonus)).statusCode).toBe(201);
    vi.useRealTimers();
    const closed = await t.call(org.apiKey, 'POST', '/api/v1/payouts/close', { period: '2026-10' });
    const payout = closed.json().payouts[0] as { id: string; status: string };
    expect(payout.status).toBe('draft');
    return { org, payout, kosId: kos.json().id as string, cookie: await session(org) };
  };

  const statusOf = async (org: TestOrg, id: string) =>
    (await t.call(org.apiKey, 'GET', '/api/v1/payouts?period=2026-10')).json().items.find((p: { id: string }) => p.id === id)
      .status;

  test('approve with the session cookie, text/plain and a foreign Origin → 403; the payout stays a draft', async () => {
    const { org, payout, cookie } = await withDraftPayout();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/payouts/${payout.id}/approve`,
      cookies: { kos_session: cookie },
      headers: { origin: EVIL, 'content-type': 'text/plain' },
      payload: 'x',
    });
    expectProblem(res, 403, 'forbidden');
    expect(res.json().detail).toMatch(/cross-site/);
    expect(await statusOf(org, payout.id)).toBe('draft');
    const ours = await t.app.inject({
      method: 'POST',
      url: `/api/v1/payouts/${payout.id}/approve`,
      cookies: { kos_session: cookie },
      headers: { origin: OURS },
    });
    expect(ours.statusCode).toBe(200);
    expect(await statusOf(org, payout.id)).toBe('approved');
  });

  test('a multipart import with the session cookie and a foreign Origin → 403, nothing imported', async () => {
    const { org, cookie } = await withDraftPayout();
    const boundary = '----kos';
    const body = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="source"',
      '',
      'generic',
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="x.csv"',
      'Content-Type: text/csv',
      '',
      'platform,orderId,status,orderTime,quantity,grossMinor,netMinor,currency',
      'website,CSRF-1,completed,2026-10-01T10:00:00+07:00,1,100000,100000,VND',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      cookies: { kos_session: cookie },
      headers: { origin: EVIL, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    expectProblem(res, 403, 'forbidden');
    expect((await t.call(org.apiKey, 'GET', '/api/v1/imports')).json().items).toEqual([]);
    expect((await t.call(org.apiKey, 'GET', '/api/v1/lines')).json().items).toEqual([]);
  });

  test.each([
    ['no Origin and no Referer', {}, 403],
    ['Origin "null" (a sandboxed page)', { origin: 'null' }, 403],
    ['a Referer of another site', { referer: 'https://evil.example/page' }, 403],
    ['a Referer of this server', { referer: `${OURS}/app/payouts` }, 201],
    ['the Origin of the public URL', { origin: OURS }, 201],
    ['the Origin of the Host the browser addressed', { origin: 'http://10.0.0.5:8080', host: '10.0.0.5:8080' }, 201],
  ])('a cookie-authenticated POST with %s', async (_name, headers, status) => {
    const { org, kosId, cookie } = await withDraftPayout();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ledger',
      cookies: { kos_session: cookie },
      headers: headers as Record<string, string>,
      payload: { kosId, kind: 'bonus', amountMinor: 1000, reason: 'test' },
    });
    expect(res.statusCode, res.body).toBe(status);
    const bonuses = (await t.call(org.apiKey, 'GET', '/api/v1/ledger?kind=bonus')).json().items;
    expect(bonuses).toHaveLength(status === 201 ? 2 : 1);
  });

  test('Bearer-key requests are unaffected by Origin; GET with a foreign Origin is unaffected; login from a foreign Origin is refused', async () => {
    const { org, kosId, cookie } = await withDraftPayout();
    const byKey = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ledger',
      headers: { authorization: `Bearer ${org.apiKey}`, origin: EVIL },
      payload: { kosId, kind: 'bonus', amountMinor: 1000, reason: 'by key' },
    });
    expect(byKey.statusCode).toBe(201);
    const read = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      cookies: { kos_session: cookie },
      headers: { origin: EVIL },
    });
    expect(read.statusCode).toBe(200);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: EVIL },
      payload: { email: org.email, password: org.password },
    });
    expectProblem(login, 403, 'forbidden');
    const curl = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: org.email, password: org.password },
    });
    expect(curl.statusCode).toBe(200);
  });
});
