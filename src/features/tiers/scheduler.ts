import { randomUUID } from 'node:crypto';
import { type Db, withTransaction } from '../../db/database.js';
import { Periodic } from '../../lib/periodic.js';
import { dayInZone, zonedWallToUtc } from '../../lib/time.js';
import * as jobs from './scheduled-jobs.repository.js';
import { recomputeOrg } from './tiers.service.js';

/** The hour of the org's day from which its daily tier recompute is due (docs/tiers.md "Scheduler"). */
export const TIER_JOB_HOUR = 2;
const KIND = 'tiers';

export interface SchedulerOptions {
  /** The clock (tests move it). */
  now?: () => number;
  /** How often every org is checked (default one minute). */
  intervalMs?: number;
  /** Who claims jobs (default a random id per process). */
  id?: string;
  log?: (level: 'info' | 'error', message: string, error?: unknown) => void;
}

/** Whether an org's daily job for its local day is due at `now`: local time at or past 02:00. */
export function dueDay(now: number, timezone: string): string | null {
  const day = dayInZone(now, timezone);
  const at = zonedWallToUtc(Date.parse(`${day}T${String(TIER_JOB_HOUR).padStart(2, '0')}:00:00Z`), timezone);
  return now >= at ? day : null;
}

/**
 * Runs the org's tier recompute for `runDate` once across every process: the job row is made if missing,
 * then claimed and run and marked done in one transaction. Answers whether this call ran it.
 */
export async function runDailyTiers(db: Db, orgId: string, runDate: string, claimer: string, now: number): Promise<boolean> {
  const key = { orgId, kind: KIND, runDate };
  if (await jobs.isDone(db, key)) return false;
  await jobs.ensureJob(db, key);
  return withTransaction(db, async (trx) => {
    if (!(await jobs.claimJob(trx, key, claimer, now))) return false;
    const { changes } = await recomputeOrg(trx, orgId, runDate, now);
    await jobs.finishJob(trx, key, JSON.stringify({ changes: changes.length }), now);
    return true;
  });
}

/**
 * The in-process scheduler `kos serve` starts: every minute (and once at start, so a missed 02:00 runs at
 * the next start) each org whose local time is past 02:00 gets its day's recompute, unless done.
 */
export class TierScheduler {
  private readonly periodic: Periodic<number>;
  private readonly now: () => number;
  private readonly id: string;

  constructor(
    private readonly db: Db,
    private readonly options: SchedulerOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.id = options.id ?? `kos-${process.pid}-${randomUUID().slice(0, 8)}`;
    this.periodic = new Periodic(() => this.pass(), options.intervalMs ?? 60_000);
  }

  start(): void {
    this.periodic.start();
  }

  /** One pass over the orgs; answers how many jobs this scheduler ran (a pass already under way is joined). */
  tick(): Promise<number> {
    return this.periodic.tick();
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }

  private async pass(): Promise<number> {
    let ran = 0;
    const now = this.now();
    let orgs: { id: string; timezone: string }[];
    try {
      orgs = await jobs.orgClocks(this.db);
    } catch (error) {
      this.options.log?.('error', 'the tier scheduler could not read the organisations', error);
      return 0;
    }
    for (const org of orgs) {
      const day = dueDay(now, org.timezone);
      if (!day) continue;
      try {
        if (await runDailyTiers(this.db, org.id, day, this.id, now)) {
          ran += 1;
          this.options.log?.('info', `tiers recomputed for org ${org.id} on ${day}`);
        }
      } catch (error) {
        this.options.log?.('error', `tier recompute failed for org ${org.id} on ${day}`, error);
        await jobs.noteFailure(this.db, { orgId: org.id, kind: KIND, runDate: day }, String(error)).catch(() => undefined);
      }
    }
    return ran;
  }
}
