import { type Db, withTransaction } from '../../db/database.js';
import { lockName } from '../../db/locks.js';
import { rebuildClickRollup } from '../clicks/clicks.service.js';
import * as dayMarks from '../orders/line-day-marks.service.js';
import { deleteOrgMonths, invalidateMonths } from './rollup-months.repository.js';
import { buildStaleMonths, monthsOfDays, orgsWithRollup } from './rollup-months.service.js';
import {
  dayRuns,
  localDayOf,
  localDayStart,
  localDaysOfUtcDay,
  monthRuns,
  type RollupDays,
  rollupLock,
  utcDaysOfPeriod,
  wholeDays,
} from './rollups.js';
import * as repo from './rollups.repository.js';

/** A lazy refresh before a query handles at most this many dirty UTC days; more is the rebuild's work. */
const LAZY_REFRESH_DAYS = 92;

interface Org {
  id: string;
  timezone: string;
}

const lockOf = rollupLock;

/**
 * Recomputes the local days `days` (and the other days of orders spanning them) inside `trx`; their
 * months turn stale until the keeper rebuilds them (docs/rollups.md "Month grain").
 */
async function refreshLocalDays(trx: Db, org: Org, days: Iterable<number>): Promise<void> {
  const all = new Set(days);
  for (const [first, last] of dayRuns(all)) {
    const from = localDayStart(first, org.timezone);
    const to = localDayStart(last + 1, org.timezone);
    for (const t of await repo.otherDayTimes(trx, org.id, from, to)) all.add(localDayOf(t, org.timezone));
  }
  for (const [firstDay, lastDay] of dayRuns(all))
    await repo.refreshDays(trx, org.id, org.timezone, {
      firstDay,
      lastDay,
      from: localDayStart(firstDay, org.timezone),
      to: localDayStart(lastDay + 1, org.timezone),
    });
  await invalidateMonths(trx, org.id, monthsOfDays(all));
}

/**
 * docs/rollups.md "Freshness": recomputes the days of the org's dirty marks, under the org's rollup lock,
 * and clears the marks it saw. Returns how many UTC days were refreshed (0 without a built rollup).
 */
export async function refreshDirty(db: Db, org: Org): Promise<number> {
  return withTransaction(db, async (trx) => {
    await lockName(trx, lockOf(org.id));
    const state = await repo.rollupState(trx, org.id);
    if (state?.timezone !== org.timezone) return 0;
    const marks = await dayMarks.dirtyMarks(trx, org.id);
    if (marks.length === 0) return 0;
    await refreshLocalDays(
      trx,
      org,
      marks.flatMap((m) => localDaysOfUtcDay(m.utcDay, org.timezone)),
    );
    await dayMarks.clearMarks(trx, marks);
    return new Set(marks.map((m) => m.utcDay)).size;
  });
}

export interface RebuildResult {
  orgId: string;
  months: number;
  clicksRebuilt: boolean;
}

/**
 * Rebuilds the org's whole rollup, a month per transaction (queries read raw rows meanwhile), then
 * records the zone it was built in. `clicks`: also recompute `link_daily` in the org's current zone
 * (done anyway when the previous rollup was built in another zone).
 */
export async function rebuildOrg(
  db: Db,
  org: Org,
  options: { clicks?: boolean; onMonth?: (done: number, total: number) => void } = {},
): Promise<RebuildResult> {
  const before = await repo.rollupState(db, org.id);
  const marks = await withTransaction(db, async (trx) => {
    await lockName(trx, lockOf(org.id));
    await repo.setRollupState(trx, org.id, null);
    await repo.deleteOrgRollup(trx, org.id);
    await deleteOrgMonths(trx, org.id);
    return dayMarks.dirtyMarks(trx, org.id);
  });
  const clicksRebuilt = Boolean(options.clicks) || (before !== undefined && before.timezone !== org.timezone);
  if (clicksRebuilt) await rebuildClickRollup(db, org.id, org.timezone);
  const span = await repo.lineTimeSpan(db, org.id);
  const months = span ? monthRuns(localDayOf(span.first, org.timezone), localDayOf(span.last, org.timezone)) : [];
  // Progress counts the day months, then the month cells built from them (two grains a month).
  const steps = 3 * months.length;
  options.onMonth?.(0, steps);
  for (const [i, [firstDay, lastDay]] of months.entries()) {
    await withTransaction(db, async (trx) => {
      await lockName(trx, lockOf(org.id));
      const from = localDayStart(firstDay, org.timezone);
      const to = localDayStart(lastDay + 1, org.timezone);
      await repo.refreshDays(trx, org.id, org.timezone, { firstDay, lastDay, from, to });
    });
    options.onMonth?.(i + 1, steps);
  }
  await withTransaction(db, async (trx) => {
    await lockName(trx, lockOf(org.id));
    await dayMarks.clearMarks(trx, marks);
    await repo.setRollupState(trx, org.id, org.timezone);
  });
  // The month cells, from the day cells just built; the days answer meanwhile.
  await buildStaleMonths(db, org, (done) => options.onMonth?.(Math.min(months.length + done, steps), steps));
  return { orgId: org.id, months: months.length, clicksRebuilt };
}

/**
 * docs/rollups.md "Coverage" and "Freshness": the local days of the scope when the org's rollup answers
 * it — built in the org's current zone, a whole-day period, no dirty day in it (after a lazy refresh of a
 * few dirty days) — else null: raw rows answer.
 */
export async function coveringDays(db: Db, org: Org, from: number, to: number): Promise<RollupDays | null> {
  const days = wholeDays(from, to, org.timezone);
  if (!days) return null;
  const state = await repo.rollupState(db, org.id);
  if (state?.timezone !== org.timezone) return null;
  const { first, last } = utcDaysOfPeriod(from, to);
  if (!(await dayMarks.anyDirty(db, org.id, first, last))) return days;
  if ((await dayMarks.dirtyDayCount(db, org.id, LAZY_REFRESH_DAYS + 1)) > LAZY_REFRESH_DAYS) return null;
  await refreshDirty(db, org);
  return (await dayMarks.anyDirty(db, org.id, first, last)) ? null : days;
}

/** The orgs that have a built rollup with dirty days (for the background refresh). */
export async function orgsWithDirtyDays(db: Db): Promise<Org[]> {
  return db
    .selectFrom('rollup_dirty')
    .innerJoin('rollup_state', 'rollup_state.org_id', 'rollup_dirty.org_id')
    .innerJoin('orgs', 'orgs.id', 'rollup_dirty.org_id')
    .select(['orgs.id as id', 'orgs.timezone as timezone'])
    .distinct()
    .execute();
}

/** Every org, oldest first (for a rebuild of them all). */
export async function allOrgs(db: Db): Promise<Array<Org & { slug: string }>> {
  return db.selectFrom('orgs').select(['id', 'slug', 'timezone']).orderBy('created_at').orderBy('id').execute();
}

/** Orgs whose rollup is missing or was built in another zone than the org's current one. */
export async function orgsNeedingBuild(db: Db): Promise<Org[]> {
  return db
    .selectFrom('orgs')
    .leftJoin('rollup_state', 'rollup_state.org_id', 'orgs.id')
    .select(['orgs.id as id', 'orgs.timezone as timezone'])
    .where((eb) => eb.or([eb('rollup_state.org_id', 'is', null), eb('rollup_state.timezone', '!=', eb.ref('orgs.timezone'))]))
    .orderBy('orgs.created_at')
    .execute();
}

/**
 * docs/rollups.md "Kept by the jobs thread": builds the rollups of orgs that have none (new orgs, an
 * upgrade, a zone change) and refreshes the dirty days of the others — a few days in one transaction, a
 * large backlog (a big import) as a rebuild, a month per transaction, so no write waits long on it —
 * then builds the ended months made stale by those refreshes from their day cells ("Month grain").
 */
export async function keepRollups(db: Db): Promise<{ built: number; refreshed: number; months: number }> {
  let built = 0;
  let refreshed = 0;
  let months = 0;
  for (const org of await orgsNeedingBuild(db)) {
    await rebuildOrg(db, org);
    built += 1;
  }
  for (const org of await orgsWithDirtyDays(db)) {
    if ((await dayMarks.dirtyDayCount(db, org.id, LAZY_REFRESH_DAYS + 1)) > LAZY_REFRESH_DAYS) {
      await rebuildOrg(db, org);
      built += 1;
    } else refreshed += await refreshDirty(db, org);
  }
  // docs/rollups.md "Month grain": months made stale by those refreshes are rebuilt from their days.
  for (const org of await orgsWithRollup(db)) months += await buildStaleMonths(db, org);
  return { built, refreshed, months };
}
