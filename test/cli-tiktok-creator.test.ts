import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { createOrgByCli, runCli, useCliDatabase, withApp } from './support/cli.js';
import { DIALECTS } from './support/database.js';

vi.setConfig({ testTimeout: 120_000 });

const FILE = join(import.meta.dirname, 'fixtures', 'tiktok-creator', 'tiktok_creator_vi.csv');

describe.each(DIALECTS)('kos import --source tiktok_creator --kos on %s', (dialect) => {
  const cli = useCliDatabase(dialect);

  test('imports for the KOS named by code; without --kos or with an unknown code it exits non-zero', async () => {
    const apiKey = await createOrgByCli(cli, 'cr');
    await withApp(cli, async (app) => {
      const kos = await app.inject({
        method: 'POST',
        url: '/api/v1/kos',
        headers: { authorization: `Bearer ${apiKey}` },
        payload: { code: 'LAN01', handle: `lan-cli-${dialect}`, name: 'Lan', relationship: 'independent', status: 'active' },
      });
      expect(kos.statusCode, kos.body).toBe(201);
    });
    const env = cli.env;
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
