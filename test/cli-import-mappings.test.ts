import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { createOrgByCli, runCli, useCliDatabase, withApp } from './support/cli.js';
import { DIALECTS } from './support/database.js';

// `kos import --source <mapping name>` (docs/import-mappings.md). The CLI starts as its own process: slow on 2 cores.
vi.setConfig({ testTimeout: 120_000 });

const FILE = join(import.meta.dirname, 'fixtures', 'mappings', 'xiaohongshu.csv');

describe.each(DIALECTS)('kos import by saved mapping on %s', (dialect) => {
  const cli = useCliDatabase(dialect);

  test('imports with the org mapping named by --source; an unknown name exits non-zero listing the valid ones', async () => {
    const apiKey = await createOrgByCli(cli, 'xhs', ['--currency', 'CNY', '--timezone', 'Asia/Shanghai']);
    await withApp(cli, async (app) => {
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
    });
    const env = cli.env;
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
