import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { buildApp } from '../src/app.js';
import { testConfig } from './support/app.js';
import { runCli } from './support/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './support/database.js';

// `kos import --source <mapping name>` (docs/import-mappings.md). The CLI starts as its own process: slow on 2 cores.
vi.setConfig({ testTimeout: 120_000 });

const FILE = join(import.meta.dirname, 'fixtures', 'mappings', 'xiaohongshu.csv');

describe.each(DIALECTS)('kos import by saved mapping on %s', (dialect) => {
  let db: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    env = { KOS_DATABASE_URL: db.url, KOS_SECRET: 'cli-test-secret-0123456789' };
  });
  afterAll(() => db.drop());

  test('imports with the org mapping named by --source; an unknown name exits non-zero listing the valid ones', async () => {
    const org = await runCli(
      ['org', 'create', '--name', 'X', '--slug', 'xhs', '--currency', 'CNY', '--timezone', 'Asia/Shanghai'].concat([
        '--admin-email',
        'xhs@example.com',
        '--admin-password',
        'password-xhs',
        '--json',
      ]),
      env,
    );
    expect(org.code, org.stderr).toBe(0);
    const { apiKey } = JSON.parse(org.stdout);
    const app = await buildApp({ config: testConfig(db.url), database: db.database });
    try {
      const auth = { authorization: `Bearer ${apiKey}` };
      const presets = await app.inject({ method: 'GET', url: '/api/v1/import-mappings/presets', headers: auth });
      const { mapping } = presets.json().find((p: { key: string }) => p.key === 'xiaohongshu_orders');
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/import-mappings',
        headers: auth,
        payload: { ...mapping, name: 'xhs_shop' },
      });
      expect(created.statusCode, created.body).toBe(201);
    } finally {
      await app.close();
    }
    const ok = await runCli(['import', '--org', 'xhs', '--source', 'xhs_shop', FILE, '--json'], env);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ source: 'xhs_shop', rows: 3, inserted: 3, rejected: 0 });
    const again = await runCli(['import', '--org', 'xhs', '--source', 'xhs_shop', FILE], env);
    expect(again.stdout).toMatch(/3 rows — 0 inserted, 0 updated, 3 unchanged, 0 rejected/);
    const unknown = await runCli(['import', '--org', 'xhs', '--source', 'xhs_other', FILE], env);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/source: must be one of .*generic, xhs_shop/);
  });
});
