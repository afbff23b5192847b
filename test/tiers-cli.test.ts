import { describe, expect, test, vi } from 'vitest';
import { systemPrincipal } from '../src/features/access/access.js';
import { createKos } from '../src/features/kos/kos.service.js';
import { createOrg } from '../src/features/orgs/orgs.service.js';
import { runCli, useCliDatabase } from './support/cli.js';
import { DIALECTS } from './support/database.js';

vi.setConfig({ testTimeout: 120_000 });

describe.each(DIALECTS)('kos tiers recompute on %s (docs/tiers.md)', (dialect) => {
  const cli = useCliDatabase(dialect);

  test('--json prints the date and the changes; a second run changes nothing; a bad date fails', async () => {
    const { db, env } = cli;
    const { org } = await createOrg(db.database.db, {
      name: 'T',
      slug: 'tiers-cli',
      adminEmail: 't@example.com',
      adminPassword: 'password-t',
    });
    const kos = await createKos(db.database.db, systemPrincipal(org.id), {
      code: 'CLI1',
      handle: `cli-${dialect}`,
      name: 'C',
      relationship: 'independent',
      status: 'active',
      categories: [],
      voucherCodes: [],
    });
    const first = await runCli(['tiers', 'recompute', '--org', 'tiers-cli', '--date', '2026-06-01', '--json'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ date: '2026-06-01', changes: [{ kosId: kos.id, from: null, to: 'C' }] });
    const again = await runCli(['tiers', 'recompute', '--org', 'tiers-cli', '--date', '2026-06-01'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('2026-06-01: 0 tier change(s)');
    const badDate = await runCli(['tiers', 'recompute', '--org', 'tiers-cli', '--date', '2026-02-30'], env);
    expect(badDate.code).toBe(1);
    expect(badDate.stderr).toMatch(/date/);
  });
});
