import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDatabase } from '../src/db/database.js';
import { dayInZone } from '../src/lib/time.js';
import { runCli } from './support/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './support/database.js';
import { startServerProcess } from './support/process.js';

/** A zone whose local time is past the 02:00 run now (so the test does not depend on the hour it runs at). */
function zonePastTwo(now: number): string {
  for (const zone of ['Asia/Ho_Chi_Minh', 'Europe/London', 'America/New_York', 'Pacific/Auckland', 'Asia/Tokyo']) {
    const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(now));
    if (hour >= 3) return zone;
  }
  throw new Error('no zone past 03:00');
}

// docs/tiers.md "Scheduler": `kos serve` runs the daily recompute in its jobs thread, once per org-local day.
describe.each(DIALECTS)('the daily tier job in a real `kos serve` on %s', (dialect) => {
  let db: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    env = { KOS_DATABASE_URL: db.url, KOS_SECRET: 'scheduler-test-secret-0123456789' };
  });
  afterAll(() => db.drop());

  test('a server started after 02:00 runs the day’s job at start, and a restart does not run it again', async () => {
    const zone = zonePastTwo(Date.now());
    const created = await runCli(
      ['org', 'create', '--name', 'S', '--slug', `s-${dialect}`, '--timezone', zone].concat([
        '--admin-email',
        `s-${dialect}@example.com`,
        '--admin-password',
        'password-s',
        '--json',
      ]),
      env,
    );
    const { orgId } = JSON.parse(created.stdout) as { orgId: string };
    const read = createDatabase(db.url);
    const jobs = () =>
      read.db.selectFrom('scheduled_jobs').select(['run_date', 'status', 'claimed_at']).where('org_id', '=', orgId).execute();
    try {
      const server = await startServerProcess([], { ...env, KOS_SCHEDULER: 'on' });
      try {
        await expect
          .poll(jobs, { timeout: 30_000, interval: 200 })
          .toEqual([expect.objectContaining({ run_date: dayInZone(Date.now(), zone), status: 'done' })]);
      } finally {
        expect(await server.stop()).toBe(0);
      }
      const [first] = await jobs();
      const again = await startServerProcess([], { ...env, KOS_SCHEDULER: 'on' });
      try {
        // Time for the restarted jobs thread's first pass over the orgs (it finds the day done and runs nothing).
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        expect(await jobs()).toEqual([first]);
      } finally {
        expect(await again.stop()).toBe(0);
      }
    } finally {
      await read.close();
    }
  }, 120_000);
});
