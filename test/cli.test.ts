import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { buildApp } from '../src/app.js';
import { testConfig } from './support/app.js';
import { runCli } from './support/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './support/database.js';
import { SAMPLES } from './support/samples.js';

// Each test starts the CLI as its own process several times: on a busy 2-core machine that takes a while.
vi.setConfig({ testTimeout: 120_000 });

describe.each(DIALECTS)('kos CLI on %s', (dialect) => {
  let db: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    env = { KOS_DATABASE_URL: db.url, KOS_SECRET: 'cli-test-secret-0123456789' };
  });
  afterAll(() => db.drop());

  test('org create --json prints one JSON line whose key works at once against the server', async () => {
    const args = [
      'org',
      'create',
      '--name',
      'A',
      '--slug',
      'a',
      '--admin-email',
      'a@example.com',
      '--admin-password',
      'password-a',
      '--json',
    ];
    const result = await runCli(args, env);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const created = JSON.parse(lines[0] as string);
    expect(Object.keys(created).sort()).toEqual(['apiKey', 'orgId', 'orgSlug']);
    expect(created.orgSlug).toBe('a');

    const app = await buildApp({ config: testConfig(db.url), database: db.database });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/v1/kos', headers: { authorization: `Bearer ${created.apiKey}` } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ items: [], nextCursor: null });
      const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${created.apiKey}` } });
      expect(me.json()).toMatchObject({
        role: 'owner',
        org: { slug: 'a', currency: 'VND', timezone: 'Asia/Ho_Chi_Minh', locale: 'vi' },
      });
    } finally {
      await app.close();
    }
  });

  test.each([
    ['a taken slug', ['--slug', 'a', '--admin-email', 'b@example.com'], /slug/],
    ['a bad slug', ['--slug', 'Bad Slug!', '--admin-email', 'c@example.com'], /slug/],
    ['a bad e-mail', ['--slug', 'cc', '--admin-email', 'not-an-email'], /adminEmail|e-mail/],
    ['an unknown currency', ['--slug', 'dd', '--admin-email', 'd@example.com', '--currency', 'XYZ1'], /currency/],
  ])('org create refuses %s with one line on stderr and a non-zero exit', async (_name, extra, message) => {
    const base = ['org', 'create', '--name', 'B', '--admin-password', 'password-b', '--json'];
    const result = await runCli([...base, ...extra], env);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });

  test('a missing required option exits non-zero and names it', async () => {
    const result = await runCli(['org', 'create', '--name', 'C', '--slug', 'c'], env);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/--admin-email/);
  });

  test('import --json prints the report as one line; a file error exits non-zero with one line', async () => {
    const ok = await runCli(['import', '--org', 'a', '--source', 'generic', join(SAMPLES, 'generic.csv'), '--json'], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      source: 'generic',
      rows: 5,
      inserted: 4,
      rejected: 1,
      errors: [{ row: 6, field: 'quantity' }],
    });
    const human = await runCli(['import', '--org', 'a', '--source', 'generic', join(SAMPLES, 'generic.csv')], env);
    expect(human.stdout).toMatch(/5 rows — 0 inserted, 0 updated, 4 unchanged, 1 rejected/);
    expect(human.stdout).toMatch(/row 6 quantity/);
    const bad = await runCli(['import', '--org', 'a', '--source', 'generic', join(SAMPLES, 'lazada.json'), '--json'], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/missing required column/);
    const unknown = await runCli(['import', '--org', 'nope', '--source', 'generic', join(SAMPLES, 'generic.csv')], env);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/no organisation/);
    const source = await runCli(['import', '--org', 'a', '--source', 'amazon', join(SAMPLES, 'generic.csv')], env);
    expect(source.stderr).toMatch(/source/);
  }, 120_000);

  test('api-keys create --json prints one line whose key works at once; a kos role or an unknown org exits non-zero', async () => {
    const result = await runCli(['api-keys', 'create', '--org', 'a', '--name', 'tour', '--role', 'admin', '--json'], env);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const created = JSON.parse(lines[0] as string);
    expect(created).toMatchObject({ name: 'tour', role: 'admin', unitId: null, key: expect.stringMatching(/^kos_/) });
    const human = await runCli(['api-keys', 'create', '--org', 'a', '--name', 'owner two', '--role', 'owner'], env);
    expect(human.stdout).toMatch(/^created API key "owner two" \(owner, id \S+\) of a\nAPI key \(shown once\): kos_\S+\n$/);

    const app = await buildApp({ config: testConfig(db.url), database: db.database });
    try {
      const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${created.key}` } });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ role: 'admin', org: { slug: 'a' } });
    } finally {
      await app.close();
    }
    for (const [args, message] of [
      [['--org', 'a', '--role', 'kos'], /role/],
      [['--org', 'nope', '--role', 'admin'], /no organisation with slug "nope"/],
    ] as const) {
      const bad = await runCli(['api-keys', 'create', '--name', 'x', ...args, '--json'], env);
      expect(bad.code).not.toBe(0);
      expect(bad.stdout).toBe('');
      expect(bad.stderr.trim().split('\n')).toHaveLength(1);
      expect(bad.stderr).toMatch(message);
    }
  });

  test('demo sample-kos adds the KOS the sample reports name, so shopee_vi.csv is attributed as its README says', async () => {
    const org = [
      'org',
      'create',
      '--name',
      'S',
      '--slug',
      'samples',
      '--admin-email',
      's@example.com',
      '--admin-password',
      'password-s',
    ];
    expect((await runCli(org, env)).code).toBe(0);
    const added = await runCli(['demo', 'sample-kos', '--org', 'samples', '--json'], env);
    expect(added.code, added.stderr).toBe(0);
    const result = JSON.parse(added.stdout);
    expect(Object.keys(result.kos)).toEqual(['LAN01', 'MINH02', 'HOA03']);
    expect(result.products).toEqual(['SRM50', 'KCN30', 'SERVC']);
    const report = await runCli(
      ['import', '--org', 'samples', '--source', 'shopee', join(SAMPLES, 'shopee_vi.csv'), '--json'],
      env,
    );
    expect(JSON.parse(report.stdout)).toMatchObject({ rows: 8, inserted: 7, rejected: 1, errors: [{ row: 8 }] });
    const code = new Map(Object.entries(result.kos as Record<string, string>).map(([c, id]) => [id, c]));
    const lines = await db.database.db
      .selectFrom('order_lines')
      .innerJoin('orgs', 'orgs.id', 'order_lines.org_id')
      .select(['order_lines.order_id as orderId', 'order_lines.kos_id as kosId'])
      .where('orgs.slug', '=', 'samples')
      .execute();
    const byKos = (c: string | undefined) =>
      lines
        .filter((l) => (l.kosId ? code.get(l.kosId) : undefined) === c)
        .map((l) => l.orderId)
        .sort();
    expect(byKos('LAN01')).toEqual(['261101AAA111', '261103CCC331', '261105EEE551']);
    expect(byKos('MINH02')).toEqual(['261101AAA112']);
    expect(byKos('HOA03')).toEqual(['261102BBB221', '261102BBB221']);
    expect(byKos(undefined)).toEqual(['261104DDD441']);

    const again = await runCli(['demo', 'sample-kos', '--org', 'samples'], env);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/LAN01/);
  }, 120_000);

  test('migrate --json reports an up-to-date schema', async () => {
    const result = await runCli(['migrate', '--json'], env);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ applied: [] });
  });
});

test('a bad configuration value stops with a one-line message naming the variable', async () => {
  const result = await runCli(['migrate'], {
    KOS_PORT: 'eighty',
    KOS_DATABASE_URL: 'sqlite::memory:',
    KOS_SECRET: 'x'.repeat(20),
  });
  expect(result.code).not.toBe(0);
  expect(result.stderr.trim()).toMatch(/^kos: KOS_PORT: /);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
});
