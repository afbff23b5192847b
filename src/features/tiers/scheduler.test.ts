import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/database.js';
import { loadConfig } from '../../config.js';
import { createDatabase, type Database } from '../../db/database.js';
import { systemPrincipal } from '../access/access.js';
import { createKos } from '../kos/kos.service.js';
import { createOrg } from '../orgs/orgs.service.js';
import { dueDay, TierScheduler } from './scheduler.js';

/** An instant given as the org's wall-clock time (Asia/Ho_Chi_Minh, UTC+7). */
const local = (wall: string): number => Date.parse(`${wall}+07:00`);

describe('when the daily job is due (docs/tiers.md "Scheduler")', () => {
  test.each([
    ['2026-06-01T01:59:59', null],
    ['2026-06-01T02:00:00', '2026-06-01'],
    ['2026-06-01T23:59:00', '2026-06-01'],
  ])('%s local → %s', (wall, day) => {
    expect(dueDay(local(wall), 'Asia/Ho_Chi_Minh')).toBe(day);
  });
});

describe.each(DIALECTS)('the tier scheduler on %s', (dialect) => {
  let tdb: TestDatabase;
  let other: Database;
  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    // A second connection (pool) to the same database: another process's view.
    other = createDatabase(tdb.url, { poolSize: 2 });
  });
  afterAll(async () => {
    await other?.close();
    await tdb?.drop();
  });

  test('nothing before 02:00; two schedulers run the day once; a restart does not run it again; the next day runs', async () => {
    const { db } = tdb.database;
    const created = await createOrg(db, {
      name: 'Sched',
      slug: `sched-${dialect}`,
      adminEmail: `s-${dialect}@example.com`,
      adminPassword: 'correct horse',
    });
    const orgId = created.org.id;
    const kos = await createKos(db, systemPrincipal(orgId), {
      code: 'SCHED1',
      handle: `sched-${dialect}`,
      name: 'S',
      relationship: 'independent',
      status: 'active',
      categories: [],
      voucherCodes: [],
    });
    const history = async () =>
      (await db.selectFrom('kos_tier_history').select(['date', 'to_tier', 'reason']).where('org_id', '=', orgId).execute()).map(
        (r) => `${r.date} ${r.to_tier} ${r.reason}`,
      );
    const jobs = () => db.selectFrom('scheduled_jobs').selectAll().where('org_id', '=', orgId).execute();

    let clock = local('2026-06-01T01:30:00');
    const a = new TierScheduler(db, { now: () => clock, id: 'a' });
    const b = new TierScheduler(other.db, { now: () => clock, id: 'b' });
    expect(await a.tick()).toBe(0);
    expect(await jobs()).toEqual([]);

    clock = local('2026-06-01T02:00:30');
    const ran = await Promise.all([a.tick(), b.tick()]);
    expect(ran[0] + ran[1]).toBe(1);
    expect(await history()).toEqual(['2026-06-01 C recompute']);
    const [job] = await jobs();
    expect(job).toMatchObject({ kind: 'tiers', run_date: '2026-06-01', status: 'done' });
    expect(['a', 'b']).toContain(job?.claimed_by);

    // A restart later that day: a new scheduler finds the day done.
    clock = local('2026-06-01T09:00:00');
    const restarted = new TierScheduler(db, { now: () => clock, id: 'c' });
    expect(await restarted.tick()).toBe(0);
    // The KOS was moved by hand meanwhile; the next day's run (missed at 02:00, caught at 10:00) puts it back.
    await db.updateTable('kos').set({ tier: 'S' }).where('id', '=', kos.id).execute();
    clock = local('2026-06-02T10:00:00');
    expect(await restarted.tick()).toBe(1);
    expect(await history()).toEqual(['2026-06-01 C recompute', '2026-06-02 C recompute']);
    await Promise.all([a.stop(), b.stop(), restarted.stop()]);
  });
});

describe('KOS_SCHEDULER', () => {
  const base = { KOS_SECRET: 'scheduler-test-secret-0123', KOS_DATABASE_URL: 'sqlite::memory:' };
  test.each([
    [undefined, true],
    ['on', true],
    ['OFF', false],
  ])('%s → %s', (value, on) => {
    expect(loadConfig({ ...base, KOS_SCHEDULER: value }).scheduler).toBe(on);
  });
  test('anything else is refused, naming the variable', () => {
    expect(() => loadConfig({ ...base, KOS_SCHEDULER: 'sometimes' })).toThrow(/KOS_SCHEDULER/);
  });
});
