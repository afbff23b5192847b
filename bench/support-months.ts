// Month-grain measurements for the analytics benchmark (docs/rollups.md "Month grain"): how long one month
// rebuild from its day cells takes — the keeper's write transaction — and the queries of a run split by
// the path that answered them.
import type { Db } from '../src/db/database.js';
import type { SumsPath } from '../src/features/analytics/analytics.service.js';
import { buildStaleMonths } from '../src/features/analytics/rollup-months.service.js';

export interface MonthBuildTimes {
  months: number;
  /** Wall ms of each transaction — a month's grain — (the time other writers of the org would wait on SQLite). */
  wallMs: number[];
  /** This process's CPU ms per month (all of the work on SQLite; on PostgreSQL the server's work is not in it). */
  cpuMsPerMonth: number;
}

/** Marks every month of the org stale and rebuilds them as the keeper would, timing each transaction. */
export async function timeMonthBuilds(db: Db, org: { id: string; timezone: string }): Promise<MonthBuildTimes> {
  await db.deleteFrom('rollup_month_state').where('org_id', '=', org.id).execute();
  const wallMs: number[] = [];
  const cpu = process.cpuUsage();
  let last = performance.now();
  const months = await buildStaleMonths(db, org, () => {
    const now = performance.now();
    wallMs.push(now - last);
    last = now;
  });
  const used = process.cpuUsage(cpu);
  return { months, wallMs, cpuMsPerMonth: (used.user + used.system) / 1000 / Math.max(months, 1) };
}

/** Query times of one run: the default path (month cells where they cover) by path, days only, raw rows. */
export class QueryTimes {
  readonly byPath: Record<SumsPath, number[]> = { months: [], days: [], raw: [] };
  readonly current: number[] = [];
  readonly daysOnly: number[] = [];
  readonly raw: number[] = [];
  readonly byKind = new Map<string, number[]>();

  add(kind: string, path: SumsPath, current: number, daysOnly: number, raw: number): void {
    this.byPath[path].push(current);
    this.current.push(current);
    this.daysOnly.push(daysOnly);
    this.raw.push(raw);
    this.byKind.set(kind, [...(this.byKind.get(kind) ?? []), current]);
  }
}

export const pct = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
