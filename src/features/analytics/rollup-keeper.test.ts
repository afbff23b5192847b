import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/database.js';
import { type Dataset, generateDataset, storeLines } from '../../../test/support/rollup-dataset.js';
import { migrateTo, migrateToLatest } from '../../db/migrate.js';
import { dayStart } from '../../lib/time.js';
import { systemPrincipal } from '../access/access.js';
import { breakdown, type SumsPath, summary } from './analytics.service.js';
import { buildStaleMonths } from './rollup-months.service.js';
import { coveringDays, keepRollups } from './rollups.service.js';

// docs/rollups.md "Kept by the jobs thread": new orgs get a rollup without a manual rebuild, dirty days
// are refreshed, a zone change rebuilds — and the answers stay those of the raw rows.

describe.each(DIALECTS)('the rollup keeper on %s', (dialect) => {
  let db: TestDatabase;
  let d: Dataset;
  const timezone = 'Asia/Ho_Chi_Minh';
  const q = { from: '2026-02-01', to: '2026-03-01' };
  const covered = (zone: string) =>
    coveringDays(db.database.db, { id: d.orgId, timezone: zone }, dayStart(q.from, zone), dayStart(q.to, zone));
  const dirtyCount = async () =>
    (await db.database.db.selectFrom('rollup_dirty').select('id').where('org_id', '=', d.orgId).execute()).length;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    d = await generateDataset(db.database.db, {
      slug: 'keeper',
      timezone,
      start: '2026-01-25',
      days: 40,
      orders: 200,
      clicks: 500,
      seed: 11,
    });
  }, 120_000);
  afterAll(() => db.drop());

  test('builds an org that has no rollup, then refreshes its dirty days', async () => {
    expect(await covered(timezone)).toBeNull();
    expect(await keepRollups(db.database.db)).toEqual({ built: 1, refreshed: 0, months: 0 });
    expect(await covered(timezone)).not.toBeNull();
    expect(await keepRollups(db.database.db)).toEqual({ built: 0, refreshed: 0, months: 0 });

    const line = d.lines[0];
    if (!line) throw new Error('no line');
    await storeLines(db.database.db, [
      { ...line, id: `${line.id}k`, lineKey: 'keeper-extra', orderTime: dayStart('2026-02-10', timezone) },
    ]);
    expect(await dirtyCount()).toBeGreaterThan(0);
    const kept = await keepRollups(db.database.db);
    expect(kept.refreshed).toBeGreaterThan(0);
    // docs/rollups.md "Month grain": February went stale with its refreshed day and was rebuilt from its days.
    expect(kept.months).toBeGreaterThanOrEqual(1);
    expect(await dirtyCount()).toBe(0);
    const principal = systemPrincipal(d.orgId);
    const paths: SumsPath[] = [];
    const viaMonths = await summary(db.database.db, principal, q, { onPath: (p) => paths.push(p) });
    expect(paths).toEqual(['months']);
    expect(viaMonths).toEqual(await summary(db.database.db, principal, q, { rollups: false }));
  }, 120_000);

  test('the month under way is left to the day cells; it is built once it has ended', async () => {
    const org = { id: d.orgId, timezone };
    await db.database.db.deleteFrom('rollup_month_state').where('org_id', '=', d.orgId).execute();
    // On 2026-02-15 only January has ended.
    expect(await buildStaleMonths(db.database.db, org, undefined, dayStart('2026-02-15', timezone))).toBe(1);
    const principal = systemPrincipal(d.orgId);
    const paths: SumsPath[] = [];
    await summary(db.database.db, principal, q, { onPath: (p) => paths.push(p) });
    expect(paths).toEqual(['days']);
    // Today every month of the data has ended: February and March are built.
    expect(await buildStaleMonths(db.database.db, org)).toBe(2);
    await summary(db.database.db, principal, q, { onPath: (p) => paths.push(p) });
    expect(paths).toEqual(['days', 'months']);
    // Each grain is built (and vouched for) in its own transaction: without the grain-0 months the product
    // breakdown reads days while the others still read months.
    await db.database.db.deleteFrom('rollup_month_state').where('org_id', '=', d.orgId).where('grain', '=', 0).execute();
    for (const by of ['product', 'kos'] as const) {
      const answer = await breakdown(db.database.db, principal, by, q, { onPath: (p) => paths.push(p) });
      expect(answer).toEqual(await breakdown(db.database.db, principal, by, q, { rollups: false }));
    }
    expect(paths.slice(2)).toEqual(['days', 'months']);
    expect(await buildStaleMonths(db.database.db, org)).toBe(3);
  });

  test('a zone change makes the org due for a rebuild, which the keeper does', async () => {
    const zone = 'Europe/Berlin';
    await db.database.db.updateTable('orgs').set({ timezone: zone }).where('id', '=', d.orgId).execute();
    expect(await covered(zone)).toBeNull();
    expect((await keepRollups(db.database.db)).built).toBe(1);
    expect(await covered(zone)).not.toBeNull();
    const principal = systemPrincipal(d.orgId);
    const paths: SumsPath[] = [];
    const viaMonths = await summary(db.database.db, principal, q, { onPath: (p) => paths.push(p) });
    expect(paths).toEqual(['months']);
    expect(viaMonths).toEqual(await summary(db.database.db, principal, q, { rollups: false }));
  }, 120_000);

  test('migration 0019 forgets rollups built before it (their day parts lack line counts): the keeper rebuilds them', async () => {
    const old = await createTestDatabase(dialect);
    try {
      const o = await generateDataset(old.database.db, {
        slug: 'upgrade',
        timezone,
        start: '2026-01-25',
        days: 40,
        orders: 60,
        clicks: 50,
        seed: 12,
      });
      await migrateTo(old.database.db, '0018-rollups');
      await old.database.db.insertInto('rollup_state').values({ org_id: o.orgId, timezone, built_at: 1 }).execute();
      await migrateToLatest(old.database.db);
      expect(await old.database.db.selectFrom('rollup_state').selectAll().execute()).toEqual([]);
      expect((await keepRollups(old.database.db)).built).toBe(1);
      const principal = systemPrincipal(o.orgId);
      const paths: SumsPath[] = [];
      const answer = await summary(old.database.db, principal, q, { onPath: (p) => paths.push(p) });
      expect(paths).toEqual(['months']);
      expect(answer.orders).toBeGreaterThan(0);
      expect(answer).toEqual(await summary(old.database.db, principal, q, { rollups: false }));
    } finally {
      await old.drop();
    }
  }, 120_000);
});
