import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { beforeAll, describe, expect, test } from 'vitest';
import { useTestApp } from './support/app.js';
import { DIALECTS } from './support/database.js';
import { expectProblem } from './support/problem.js';
import { uploadReport } from './support/samples.js';

// docs/errors.md: every problem carries a stable `key` and its `params` beside the English `detail`.

const english = i18next.createInstance();
beforeAll(async () => {
  const texts = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'web', 'src', 'i18n', 'en', 'problems.json'), 'utf8'));
  await english.init({ lng: 'en', resources: { en: { problems: texts } }, interpolation: { escapeValue: false } });
});
/** The console's English text of a problem: for these keys, the server's detail word for word. */
const inEnglish = (problem: { key: string; params: object }) => english.t(problem.key, { ns: 'problems', ...problem.params });

const HEADER = 'platform,orderId,lineKey,status,orderTime,quantity,grossMinor,netMinor,currency\n';
const kos = (code: string, over: object = {}) => ({
  code,
  handle: `h-${code.toLowerCase()}`,
  name: code,
  relationship: 'independent',
  ...over,
});
/** The month now in the org's time zone (Asia/Ho_Chi_Minh, the default): it has not ended. */
const currentMonth = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' }).format(new Date());

describe.each(DIALECTS)('problem keys on %s', (dialect) => {
  const t = useTestApp(dialect);
  let nextAddress = 0;
  const login = (email: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
      remoteAddress: `203.0.113.${++nextAddress}`,
    });

  test('a 422 from the schema: each field has its key, the problem has the first one', async () => {
    const org = await t.newOrg();
    const res = await t.call(org.apiKey, 'POST', '/api/v1/kos', {
      code: 'AB',
      handle: 'bad handle!',
      relationship: 'independent',
    });
    const body = expectProblem(res, 422, 'invalid');
    expect(body.errors).toEqual([
      { path: 'code', message: 'must be 4–16 characters A–Z or 0–9', key: 'kos.code.format', params: {} },
      {
        path: 'handle',
        message: 'must be 3–30 characters a–z, 0–9, . _ - starting with a letter or digit',
        key: 'kos.handle.format',
        params: {},
      },
      { path: 'name', message: expect.any(String), key: 'field.required', params: {} },
    ]);
    expect(body).toMatchObject({
      key: 'kos.code.format',
      params: {},
      detail: 'code: must be 4–16 characters A–Z or 0–9 (and 2 more)',
    });
  });

  test('zod bounds and options become field keys with their params', async () => {
    const org = await t.newOrg();
    const res = await t.call(org.apiKey, 'POST', '/api/v1/kos', kos('LONG01', { name: 'x'.repeat(201), relationship: 'cousin' }));
    expect(expectProblem(res, 422, 'invalid').errors).toEqual([
      { path: 'name', message: expect.any(String), key: 'field.too_long', params: { maximum: 200 } },
      {
        path: 'relationship',
        message: expect.any(String),
        key: 'field.invalid_option',
        params: { options: ['employee', 'store_staff', 'dealer_staff', 'agent', 'independent'] },
      },
    ]);
  });

  test('a 409 on a taken KOS code names the code', async () => {
    const org = await t.newOrg();
    expect((await t.call(org.apiKey, 'POST', '/api/v1/kos', kos('LAN01'))).statusCode).toBe(201);
    const res = await t.call(org.apiKey, 'POST', '/api/v1/kos', kos('LAN01', { handle: 'another-lan' }));
    const body = expectProblem(res, 409, 'conflict');
    const problem = { key: 'kos.code.taken', params: { code: 'LAN01' } };
    expect(body).toMatchObject({ ...problem, detail: 'KOS code LAN01 is taken in this organisation' });
    expect(body.errors).toEqual([{ path: 'code', message: body.detail, ...problem }]);
    expect(inEnglish(body)).toBe(body.detail);
  });

  test('404, 403 and 401', async () => {
    const org = await t.newOrg();
    const missing = expectProblem(await t.call(org.apiKey, 'GET', '/api/v1/kos/no-such-kos'), 404, 'not_found');
    expect(missing).toMatchObject({ key: 'kos.not_found', params: {}, detail: 'KOS not found' });
    expect(inEnglish(missing)).toBe(missing.detail);

    const viewer = await t.call(org.apiKey, 'POST', '/api/v1/api-keys', { name: 'viewer', role: 'viewer' });
    const denied = expectProblem(await t.call(viewer.json().key, 'POST', '/api/v1/kos', kos('VIEW01')), 403, 'forbidden');
    expect(denied).toMatchObject({
      key: 'access.role.denied',
      params: { role: 'viewer' },
      detail: 'role viewer may not do this',
    });
    expect(inEnglish(denied)).toBe(denied.detail);

    const wrong = expectProblem(await login(org.email, 'not the password'), 401, 'unauthorized');
    expect(wrong).toMatchObject({ key: 'auth.credentials.wrong', params: {}, detail: 'wrong e-mail or password' });
    expect(inEnglish(wrong)).toBe(wrong.detail);
  });

  test('429 after too many failed sign-ins names the window in minutes', async () => {
    const org = await t.newOrg();
    const address = `198.18.0.${dialect === 'sqlite' ? 1 : 2}`;
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: org.email, password: 'wrong' },
        remoteAddress: address,
      });
    for (let i = 0; i < 10; i++) expect((await attempt()).statusCode).toBe(401);
    const limited = expectProblem(await attempt(), 429, 'rate_limited');
    expect(limited).toMatchObject({ key: 'auth.rate_limited.email', params: { minutes: 15 } });
    expect(inEnglish(limited)).toBe(limited.detail);
  });

  test('413 for a body over the limit', async () => {
    const org = await t.newOrg();
    const res = await t.call(org.apiKey, 'POST', '/api/v1/kos', kos('BIG01', { bio: 'x'.repeat(2 * 1024 * 1024) }));
    expect(expectProblem(res, 413, 'too_large')).toMatchObject({ key: 'request.body_too_large', params: {} });
  });

  test('a file error of an import crosses the background thread with its key and params', async () => {
    const org = await t.newOrg();
    const res = await uploadReport(t, org.apiKey, 'generic', Buffer.from('a;b;c\n1;2;3\n'), 'semicolons.csv');
    const body = expectProblem(res, 422, 'invalid');
    expect(body).toMatchObject({ key: 'import.file.missing_columns_not_comma' });
    expect(body.params.columns).toEqual(expect.arrayContaining(['platform', 'orderId', 'status']));
    expect(body.errors).toEqual([{ path: 'file', message: body.detail, key: body.key, params: body.params }]);
  });

  test('a rejected row of an import report has its key and params, stored with the report', async () => {
    const org = await t.newOrg();
    const csv = `${HEADER}website,R-1,1,completed,2026-11-01 10:00:00,abc,1000,1000,VND\n`;
    const res = await uploadReport(t, org.apiKey, 'generic', Buffer.from(csv), 'one-bad-row.csv');
    expect(res.statusCode, res.body).toBe(201);
    const rowError = {
      row: 2,
      field: 'quantity',
      message: '"abc" is not a whole quantity of at least 1',
      key: 'import.cell.not_quantity',
      params: { value: 'abc' },
    };
    expect(res.json().errors).toEqual([rowError]);
    expect(inEnglish(rowError)).toBe(rowError.message);
    const stored = await t.call(org.apiKey, 'GET', `/api/v1/imports/${res.json().id}`);
    expect(stored.json().errors).toEqual([rowError]);

    // A report stored before keys existed still answers, its rows without key and params.
    const old = { row: 2, field: 'quantity', message: 'is empty' };
    await t.db.database.db
      .updateTable('imports')
      .set({ errors: JSON.stringify([old]) })
      .where('id', '=', res.json().id)
      .execute();
    const before = await t.call(org.apiKey, 'GET', `/api/v1/imports/${res.json().id}`);
    expect(before.statusCode).toBe(200);
    expect(before.json().errors).toEqual([old]);
  });

  test('409 on closing the current month names the period and when it can be closed', async () => {
    const org = await t.newOrg();
    const period = currentMonth();
    const body = expectProblem(await t.call(org.apiKey, 'POST', '/api/v1/payouts/close', { period }), 409, 'conflict');
    expect(body).toMatchObject({ key: 'payout.period.not_ended', params: { period, closableFrom: expect.any(String) } });
    expect(Date.parse(body.params.closableFrom)).toBeGreaterThan(Date.now());
    expect(inEnglish(body)).toBe(body.detail);
  });

  test('an unknown API route answers the generic key of its code', async () => {
    const org = await t.newOrg();
    expect(expectProblem(await t.call(org.apiKey, 'GET', '/api/v1/no-such-route'), 404, 'not_found')).toMatchObject({
      key: 'http.not_found',
      params: {},
    });
  });
});
