import { type Db, withTransaction } from '../../db/database.js';
import { lockName } from '../../db/locks.js';
import * as months from './rollup-months.repository.js';
import { localDayOf, monthRuns, monthStartOf, nextMonthStart, type RollupDays, rollupLock, wholeMonths } from './rollups.js';
import * as repo from './rollups.repository.js';
import { GRAIN_KOS, GRAIN_LINE, type Grain } from './rollups.repository.js';

const GRAINS: Grain[] = [GRAIN_LINE, GRAIN_KOS];

/** docs/rollups.md "Month grain": month cells built from day cells, in the jobs thread, a month per transaction. */

interface Org {
  id: string;
  timezone: string;
}

/** The months (first days) of the local days given: what a refresh of those days makes stale. */
export const monthsOfDays = (days: Iterable<number>): number[] => [...new Set([...days].map(monthStartOf))];

/**
 * Builds every ended month of the org's line span that is not built (new, or made stale by a refresh of
 * one of its days) from its day cells — a month and grain per short transaction under the org's rollup lock. The
 * month under way is left to the day cells: its lines keep coming, and rebuilding it after each would be
 * a write every pass. Nothing without a rollup in the org's current zone. Returns how many months it built
 * (a grain or both).
 */
export async function buildStaleMonths(
  db: Db,
  org: Org,
  onStep?: (done: number, total: number) => void,
  now = Date.now(),
): Promise<number> {
  const state = await repo.rollupState(db, org.id);
  if (state?.timezone !== org.timezone) return 0;
  const span = await repo.lineTimeSpan(db, org.id);
  if (!span) return 0;
  const today = localDayOf(now, org.timezone);
  const all = monthRuns(localDayOf(span.first, org.timezone), localDayOf(span.last, org.timezone))
    .map(([first]) => monthStartOf(first))
    .filter((month) => nextMonthStart(month) <= today);
  const built = new Set((await months.builtMonths(db, org.id)).map((b) => `${b.month}:${b.grain}`));
  const stale = all.flatMap((month) =>
    GRAINS.filter((grain) => !built.has(`${month}:${grain}`)).map((grain) => ({ month, grain })),
  );
  const done = new Set<number>();
  for (const [i, { month, grain }] of stale.entries()) {
    const ok = await withTransaction(db, async (trx) => {
      await lockName(trx, rollupLock(org.id));
      // A zone change or a rebuild started since: the day cells are not this zone's (or not there).
      if ((await repo.rollupState(trx, org.id))?.timezone !== org.timezone) return false;
      await months.buildMonth(trx, org.id, grain, { from: month, to: nextMonthStart(month) });
      return true;
    });
    if (!ok) break;
    done.add(month);
    onStep?.(i + 1, stale.length);
  }
  return done.size;
}

/**
 * docs/rollups.md "Month grain": the grains whose month cells answer a period the day cells cover (`days`,
 * already checked fresh) — none unless it is whole calendar months; a grain when every month is built in it.
 */
export async function coveringMonthGrains(db: Db, org: Org, days: RollupDays): Promise<ReadonlySet<Grain>> {
  const list = wholeMonths(days);
  if (!list) return new Set();
  const built = await months.builtMonths(db, org.id, list);
  return new Set(GRAINS.filter((grain) => built.filter((b) => b.grain === grain).length === list.length));
}

/** Orgs whose rollup is built in their current zone (the keeper builds their stale months). */
export async function orgsWithRollup(db: Db): Promise<Org[]> {
  return db
    .selectFrom('orgs')
    .innerJoin('rollup_state', 'rollup_state.org_id', 'orgs.id')
    .select(['orgs.id as id', 'orgs.timezone as timezone'])
    .whereRef('rollup_state.timezone', '=', 'orgs.timezone')
    .orderBy('orgs.created_at')
    .execute();
}
