import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { buildApp } from '../src/app.js';
import { testConfig } from './support/app.js';
import { runCli } from './support/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './support/database.js';

vi.setConfig({ testTimeout: 120_000 });

const FILE = join(import.meta.dirname, 'fixtures', 'tiktok-creator', 'tiktok_creator_vi.csv');

describe.each(DIALECTS)('kos import --source tiktok_creator --kos on %s', (dialect) => {
  let db: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    env = { KOS_DATABASE_URL: db.url, KOS_SECRET: 'cli-test-secret-0123456789' };
  });
  afterAll(() => db.drop());

  test('imports for the KOS named by code; without --kos or with an unknown code it exits non-zero', async () => {
    const org = await runCli(
      [
        'org',
        'create',
        '--name',
        'C',
        '--slug',
        'cr',
        '--admin-email',
        'cr@example.com',
        '--admin-password',
        'password-cr',
        '--json',
      ],
      env,
    );
    expect(org.code, org.stderr).toBe(0);
    const { apiKey } = JSON.parse(org.stdout);
    const app = await buildApp({ config: testConfig(db.url), database: db.database });
    try {
      const kos = await app.inject({
        method: 'POST',
        url: '/api/v1/kos',
        headers: { authorization: `Bearer ${apiKey}` },
        payload: { code: 'LAN01', handle: `lan-cli-${dialect}`, name: 'Lan', relationship: 'independent', status: 'active' },
      });
      expect(kos.statusCode, kos.body).toBe(201);
    } finally {
      await app.close();
    }
    const base = ['import', '--org', 'cr', '--source', 'tiktok_creator', FILE];
    const ok = await runCli([...base, '--kos', 'lan01', '--json'], env);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ source: 'tiktok_creator', rows: 8, inserted: 7, rejected: 1 });
    const again = await runCli([...base, '--kos', 'LAN01'], env);
    expect(again.stdout).toMatch(/8 rows — 0 inserted, 0 updated, 7 unchanged, 1 rejected/);
    const missing = await runCli(base, env);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/kosId/);
    const unknown = await runCli([...base, '--kos', 'NOPE'], env);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/no KOS with code "NOPE"/);
  });
});
