import { describe, expect, test } from 'vitest';
import { testConfig, useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { expectProblem } from '../../../test/support/problem.js';
import { buildApp } from '../../app.js';
import { createDatabase } from '../../db/database.js';
import { HashBudget, hashPassword, verifyPassword } from '../members/password.js';
import { LOGIN_LIMITS } from './login-guard.js';

let nextAddress = 0;
/** A fresh client address per test, so tests do not share the per-address window. */
const freshAddress = () => `198.51.${Math.floor(++nextAddress / 250)}.${(nextAddress % 250) + 1}`;

describe.each(DIALECTS)('sign-in limits on %s', (dialect) => {
  const t = useTestApp(dialect);
  const login = (email: string, password: string, remoteAddress: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress });

  test('10 failures for one e-mail from one address: the 11th is 429 even with the right password; another address signs in', async () => {
    const org = await t.newOrg();
    const shop = freshAddress();
    for (let i = 1; i <= LOGIN_LIMITS.perAccountAtAddress; i++)
      expect((await login(org.email, `wrong ${i}`, shop)).statusCode).toBe(401);
    expectProblem(await login(org.email, 'wrong 11', shop), 429, 'rate_limited');
    expectProblem(await login(org.email.toUpperCase(), org.password, shop), 429, 'rate_limited');
    expect((await login(org.email, org.password, freshAddress())).statusCode).toBe(200);
  });

  test('a flood of random e-mails from one address stops at the address limit and does not lock the real user out elsewhere', async () => {
    const org = await t.newOrg();
    const attacker = freshAddress();
    const answers: number[] = [];
    for (let i = 0; i < LOGIN_LIMITS.perAddress + 20; i++) {
      // Half the flood aims at the real user's e-mail, half at random ones.
      const email = i % 2 === 0 ? org.email : `random-${i}-${org.slug}@example.com`;
      answers.push((await login(email, `guess ${i}`, attacker)).statusCode);
    }
    expect(answers.filter((s) => s === 401).length).toBeLessThanOrEqual(LOGIN_LIMITS.perAddress);
    expect(answers.slice(-20)).toEqual(Array(20).fill(429));
    const detail = (await login(org.email, org.password, attacker)).json().detail;
    expect(detail).toMatch(/from this address/);
    expect((await login(org.email, org.password, freshAddress())).statusCode).toBe(200);
  });

  test('successful sign-ins from one shop address are never held back by the address limit', async () => {
    const org = await t.newOrg();
    const shop = freshAddress();
    const staff = LOGIN_LIMITS.perAddress + 5;
    for (let i = 0; i < staff; i++) {
      const email = `staff-${i}-${org.slug}@example.com`;
      const created = await t.call(org.apiKey, 'POST', '/api/v1/members', {
        email,
        role: 'viewer',
        password: 'staff password 1',
      });
      expect(created.statusCode).toBe(201);
    }
    for (let i = 0; i < staff; i++) {
      expect((await login(`staff-${i}-${org.slug}@example.com`, 'staff password 1', shop)).statusCode).toBe(200);
    }
    // A few typos among them still leave room for everyone else.
    for (let i = 0; i < 3; i++) expect((await login(`staff-${i}-${org.slug}@example.com`, 'typo', shop)).statusCode).toBe(401);
    expect((await login(`staff-9-${org.slug}@example.com`, 'staff password 1', shop)).statusCode).toBe(200);
  });

  test('beyond the per-second hashing budget a sign-in answers 429 at once instead of queueing CPU work', async () => {
    const org = await t.newOrg();
    const app = await buildApp({ config: testConfig(t.db.url, { loginHashRate: 2 }), database: t.db.database });
    try {
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { email: `busy-${i}-${org.slug}@example.com`, password: 'x' },
            remoteAddress: freshAddress(),
          }),
        ),
      );
      const codes = answers.map((a) => a.statusCode);
      // Burst of two seconds' worth (4 tokens), then 429.
      expect(codes.filter((c) => c === 401)).toHaveLength(4);
      expect(codes.filter((c) => c === 429)).toHaveLength(8);
      expect(answers.find((a) => a.statusCode === 429)?.json().detail).toMatch(/too many sign-ins at this moment/);
    } finally {
      await app.close();
    }
  });

  test.runIf(dialect === 'postgres')('two server processes on one PostgreSQL count failed attempts together', async () => {
    const org = await t.newOrg();
    const second = createDatabase(t.db.url, { poolSize: 2 });
    const other = await buildApp({ config: testConfig(t.db.url), database: second });
    try {
      const address = freshAddress();
      const via = (app: typeof other, password: string) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: org.email, password },
          remoteAddress: address,
        });
      for (let i = 0; i < LOGIN_LIMITS.perAccountAtAddress; i++) {
        expect((await via(i % 2 === 0 ? t.app : other, `wrong ${i}`)).statusCode).toBe(401);
      }
      expectProblem(await via(other, org.password), 429, 'rate_limited');
      expectProblem(await via(t.app, org.password), 429, 'rate_limited');
    } finally {
      await other.close();
      await second.close();
    }
  });
});

describe('password hashing', () => {
  test('runs off the event loop: a callback queued before a check runs before the check answers', async () => {
    const stored = await hashPassword('correct horse');
    let ticked = false;
    setImmediate(() => {
      ticked = true;
    });
    expect(await verifyPassword('correct horse', stored, new HashBudget(100))).toBe(true);
    expect(ticked).toBe(true);
    expect(await verifyPassword('wrong', stored, new HashBudget(100))).toBe(false);
    expect(await verifyPassword('wrong', null, new HashBudget(100))).toBe(false);
  });
});
