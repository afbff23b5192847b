import { addDays, DAY_MS, dayInZone, dayStart } from '../../lib/time.js';

/**
 * The pure day arithmetic of the rollups (docs/rollups.md). A local day is a whole number of days since
 * 1970-01-01 on the org's calendar — the number `localDaySql` gives; a UTC day is ⌊t / day⌋.
 */

/** The local days `[fromDay, toDay)` of a period the rollups answer. */
export interface RollupDays {
  fromDay: number;
  toDay: number;
}

/** The UTC day of an instant: what a line write marks dirty (no time zone needed where lines are written). */
export const utcDayOf = (ms: number): number => Math.floor(ms / DAY_MS);

/** `YYYY-MM-DD` → its day number. */
export const dayNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/** Day number → `YYYY-MM-DD`. */
export const dayString = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The local day (number) of an instant in a zone. */
export const localDayOf = (ms: number, timeZone: string): number => dayNumber(dayInZone(ms, timeZone));

/** The instant a local day (number) starts in a zone. */
export const localDayStart = (n: number, timeZone: string): number => dayStart(dayString(n), timeZone);

/** The local days a UTC day overlaps (two, or one in UTC itself): a dirty UTC day makes them all stale. */
export function localDaysOfUtcDay(utcDay: number, timeZone: string): number[] {
  const first = localDayOf(utcDay * DAY_MS, timeZone);
  const last = localDayOf((utcDay + 1) * DAY_MS - 1, timeZone);
  const days: number[] = [];
  for (let d = first; d <= last; d++) days.push(d);
  return days;
}

/** The UTC days `[first, last]` that overlap the instants `[from, to)`. */
export const utcDaysOfPeriod = (from: number, to: number): { first: number; last: number } => ({
  first: utcDayOf(from),
  last: utcDayOf(to - 1),
});

/**
 * docs/rollups.md "Coverage": the local days `[fromDay, toDay)` when the period `[from, to)` starts and
 * ends on local midnights of the zone (every `YYYY-MM-DD` query does), else null (a date-time bound cuts
 * a day, which only raw rows can answer).
 */
export function wholeDays(from: number, to: number, timeZone: string): RollupDays | null {
  if (!(from < to)) return null;
  const fromDay = localDayOf(from, timeZone);
  const toDay = localDayOf(to, timeZone);
  if (localDayStart(fromDay, timeZone) !== from || localDayStart(toDay, timeZone) !== to) return null;
  return { fromDay, toDay };
}

/** Sorted runs of consecutive day numbers, as inclusive `[first, last]` pairs. */
export function dayRuns(days: Iterable<number>): Array<[number, number]> {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const d of sorted) {
    const last = runs[runs.length - 1];
    if (last && d === last[1] + 1) last[1] = d;
    else runs.push([d, d]);
  }
  return runs;
}

/** The first local day of each calendar month touching `[firstDay, lastDay]`, for month-sized rebuild steps. */
export function monthRuns(firstDay: number, lastDay: number): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let start = firstDay;
  while (start <= lastDay) {
    const s = dayString(start);
    const nextMonth = dayNumber(`${addDays(`${s.slice(0, 7)}-01`, 32).slice(0, 7)}-01`);
    const end = Math.min(nextMonth - 1, lastDay);
    runs.push([start, end]);
    start = end + 1;
  }
  return runs;
}

/** The first day of the calendar month a day (number) lies in: the key of its month cells. */
export const monthStartOf = (day: number): number => dayNumber(`${dayString(day).slice(0, 7)}-01`);

/** The first day of the month after the one a day lies in. */
export const nextMonthStart = (day: number): number => monthStartOf(monthStartOf(day) + 31);

/**
 * docs/rollups.md "Month grain": the months (their first days) of a period of whole local days when it is
 * made of whole calendar months, else null (the day cells answer).
 */
export function wholeMonths(days: RollupDays): number[] | null {
  if (monthStartOf(days.fromDay) !== days.fromDay || monthStartOf(days.toDay) !== days.toDay) return null;
  const months: number[] = [];
  for (let m = days.fromDay; m < days.toDay; m = nextMonthStart(m)) months.push(m);
  return months.length > 0 ? months : null;
}

/** The name of an org's rollup lock: refreshes, rebuilds and month builds of one org never overlap. */
export const rollupLock = (orgId: string): string => `rollups:${orgId}`;

/**
 * docs/rollups.md "Month grain": the grain of month cells that holds what a query needs, or null — grain 1
 * (KOS × platform × source) answers every grouping but product and day under any filter; grain 0
 * (platform × SKU × source) answers the product breakdown when no KOS filter applies. The day breakdown
 * needs days.
 */
export function monthGrainFor(by: string, filter: { kosIds?: readonly string[] }): 0 | 1 | null {
  if (by === 'day') return null;
  if (by === 'product') return filter.kosIds === undefined ? 0 : null;
  return 1;
}
