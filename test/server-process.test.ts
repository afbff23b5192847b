import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDatabase } from '../src/db/database.js';
import { runCli } from './support/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './support/database.js';
import { startServerProcess } from './support/process.js';

describe.each(DIALECTS)('kos serve as a real process on %s', (dialect) => {
  let db: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    env = { KOS_DATABASE_URL: db.url, KOS_SECRET: 'process-test-secret-0123456789' };
  });
  afterAll(() => db.drop());

  test('--demo loads the demo, prints a login that works, and the roster lists the demo KOS', async () => {
    // The default log level: a request prints no line of its own.
    const server = await startServerProcess(['--demo'], { ...env, KOS_LOG_LEVEL: 'info' });
    try {
      const login = /demo login: (\S+) \/ (\S+)/.exec(server.output());
      expect(login).not.toBeNull();
      expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ status: 'ok' });
      const res = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: login?.[1], password: login?.[2] }),
      });
      expect(res.status).toBe(200);
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
      const roster = (await (await fetch(`${server.url}/api/v1/kos?limit=500`, { headers: { cookie } })).json()) as {
        items: unknown[];
      };
      expect(roster.items.length).toBeGreaterThanOrEqual(55);

      const key = /demo API key \(owner, shown once\): (kos_\S+)/.exec(server.output())?.[1];
      const me = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${key}` } });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ role: 'owner', org: { slug: 'demo' } });
      expect(server.output()).toMatch(/demo tour month: \d{4}-\d{2} /);
      expect(server.output()).not.toMatch(/incoming request|request completed/);
    } finally {
      expect(await server.stop()).toBe(0);
    }

    // A later start keeps the demo, shows no key, and says how to make one.
    const again = await startServerProcess(['--demo'], env);
    try {
      expect(again.output()).toMatch(/demo login: owner@demo\.kosmatrix\.local \//);
      expect(again.output()).not.toMatch(/kos_[A-Za-z0-9]/);
      expect(again.output()).toMatch(/npm run --silent kos -- api-keys create --org demo --name tour --role owner/);
    } finally {
      expect(await again.stop()).toBe(0);
    }
    // Two starts, the first loading the whole demo: generous on a busy 2-core machine.
  }, 120_000);

  test('requests are logged at debug only', async () => {
    const server = await startServerProcess([], { ...env, KOS_LOG_LEVEL: 'debug' });
    try {
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      await expect.poll(() => server.output(), { timeout: 5_000 }).toMatch(/"level":20[^\n]*"msg":"request completed"/);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  test('a graceful stop writes every click: the clicks table holds exactly the GET requests sent', async () => {
    const created = await runCli(
      [
        'org',
        'create',
        '--name',
        'P',
        '--slug',
        `p-${dialect}`,
        '--admin-email',
        `p-${dialect}@example.com`,
        '--admin-password',
        'password-p',
        '--json',
      ],
      env,
    );
    const { apiKey } = JSON.parse(created.stdout);
    const server = await startServerProcess([], env);
    const api = (path: string, body: object): Promise<{ id: string; slug: string }> =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<{ id: string; slug: string }>);
    const kos = await api('/api/v1/kos', { code: 'PROC1', handle: `proc-${dialect}`, name: 'P', relationship: 'agent' });
    const link = await api('/api/v1/links', { kosId: kos.id, destinationUrl: 'https://example.com/?c={click_id}' });
    const sent = 600;
    const answers = await Promise.all(
      Array.from({ length: sent }, (_, i) =>
        fetch(`${server.url}/${link.slug}`, {
          redirect: 'manual',
          headers: { 'user-agent': `Mozilla/5.0 (iPhone) test/${i % 50}` },
        }).then((r) => r.status),
      ),
    );
    const head = await fetch(`${server.url}/${link.slug}`, { method: 'HEAD', redirect: 'manual' });
    expect(head.status).toBe(302);
    expect(answers.every((s) => s === 302)).toBe(true);
    expect(await server.stop('SIGTERM')).toBe(0);

    const check = createDatabase(db.url);
    try {
      const row = await check.db
        .selectFrom('clicks')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('link_id', '=', link.id)
        .executeTakeFirstOrThrow();
      expect(Number(row.n)).toBe(sent);
      const ids = await check.db.selectFrom('clicks').select('click_id').where('link_id', '=', link.id).execute();
      expect(new Set(ids.map((r) => r.click_id)).size).toBe(sent);
    } finally {
      await check.close();
    }
  });
});
