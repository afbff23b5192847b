import { describe, expect, test } from 'vitest';
import { systemPrincipal } from '../src/features/access/access.js';
import { breakdown, type SumsPath, summary } from '../src/features/analytics/analytics.service.js';
import { coveringDays } from '../src/features/analytics/rollups.service.js';
import { dayStart } from '../src/lib/time.js';
import { runCli, useCliDatabase } from './support/cli.js';
import { DIALECTS } from './support/database.js';
import { generateDataset } from './support/rollup-dataset.js';

// `kos rollups rebuild` (docs/rollups.md): a real process rebuilds the rollups the API then reads.

describe.each(DIALECTS)('kos rollups rebuild on %s', (dialect) => {
  const cli = useCliDatabase(dialect);

  test('rebuilds one org or all, after which the rollups answer exactly as raw rows', async () => {
    const db = cli.db.database.db;
    const timezone = 'Europe/Berlin';
    const d = await generateDataset(db, {
      slug: 'rollcli',
      timezone,
      start: '2026-02-10',
      days: 70,
      orders: 300,
      clicks: 800,
      seed: 3,
    });
    const org = { id: d.orgId, timezone };
    const march = { from: dayStart('2026-03-01', timezone), to: dayStart('2026-04-01', timezone) };
    expect(await coveringDays(db, org, march.from, march.to)).toBeNull();

    const one = await runCli(['rollups', 'rebuild', '--org', 'rollcli', '--json'], cli.env);
    expect(one.code, one.stderr).toBe(0);
    const result = JSON.parse(one.stdout);
    expect(result.orgs).toEqual([{ slug: 'rollcli', months: 3, clicksRebuilt: false }]);
    expect(await coveringDays(db, org, march.from, march.to)).toEqual({ fromDay: 20513, toDay: 20544 });

    const principal = systemPrincipal(d.orgId);
    const q = { from: '2026-03-01', to: '2026-04-01' };
    expect((await summary(db, principal, q)).orders).toBeGreaterThan(0);
    // The month cells were rebuilt too (docs/rollups.md "Month grain"): they answer the whole month.
    let path: SumsPath | undefined;
    const viaMonths = await summary(db, principal, q, { onPath: (p) => (path = p) });
    expect(path).toBe('months');
    expect(viaMonths).toEqual(await summary(db, principal, q, { rollups: false }));
    expect(await breakdown(db, principal, 'day', q)).toEqual(await breakdown(db, principal, 'day', q, { rollups: false }));

    const all = await runCli(['rollups', 'rebuild', '--clicks'], cli.env);
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toMatch(/rollcli: 3 month\(s\) rebuilt, daily clicks recomputed/);
    expect(all.stdout).toMatch(/organisation\(s\) in/);
    expect(await summary(db, principal, q)).toEqual(await summary(db, principal, q, { rollups: false }));

    const unknown = await runCli(['rollups', 'rebuild', '--org', 'nope'], cli.env);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/no organisation with slug "nope"/);
  }, 120_000);
});
