// Month-grain measurements for the analytics benchmark (docs/rollups.md "Month grain"): how long one month
// rebuild from its day cells takes — the keeper's write transaction — and the queries of a run split by
// the path that answered them.
import type { Db } from '../src/db/database.js';
import type { SumsPath } from '../src/features/analytics/analytics.service.js';
import { buildStaleMonths } from '../src/features/analytics/rollup-months.service.js';
import { printTable } from './support-common.js';

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
  /** This process's CPU ms per query of each variant: all of the work on SQLite, less sensitive to other load. */
  readonly cpu: Record<'current' | 'daysOnly' | 'raw', number[]> = { current: [], daysOnly: [], raw: [] };

  addCpu(current: number, daysOnly: number, raw: number): void {
    this.cpu.current.push(current);
    this.cpu.daysOnly.push(daysOnly);
    this.cpu.raw.push(raw);
  }

  add(kind: string, path: SumsPath, current: number, daysOnly: number, raw: number): void {
    this.byPath[path].push(current);
    this.current.push(current);
    this.daysOnly.push(daysOnly);
    this.raw.push(raw);
    this.byKind.set(kind, [...(this.byKind.get(kind) ?? []), current]);
  }
}

/** CPU ms of this process while `work` runs. */
export async function cpuTimed<T>(work: () => Promise<T>): Promise<[T, number, number]> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return [value, wall, (used.user + used.system) / 1000];
}

export const pct = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

/** One database's results in the benchmark. */
export interface Run {
  dialect: string;
  loadSeconds: number;
  rebuildSeconds: number;
  cells: number;
  parts: number;
  monthCells: number;
  builds: MonthBuildTimes;
  times: QueryTimes;
  mismatches: number;
}

/** The results tables: queries by variant and path, then data, rebuild and month-build times. */
export function printRuns(runs: Run[]): void {
  printTable(
    [
      'database',
      'default p50',
      'p95',
      'days only p50',
      'p95',
      'raw p50',
      'p95',
      'days ÷ default p95',
      'raw ÷ default p95',
      'paths m/d/r',
      'different',
    ],
    runs.map((x) => [
      x.dialect,
      pct(x.times.current, 50),
      pct(x.times.current, 95),
      pct(x.times.daysOnly, 50),
      pct(x.times.daysOnly, 95),
      pct(x.times.raw, 50),
      pct(x.times.raw, 95),
      pct(x.times.daysOnly, 95) / pct(x.times.current, 95),
      pct(x.times.raw, 95) / pct(x.times.current, 95),
      `${x.times.byPath.months.length}/${x.times.byPath.days.length}/${x.times.byPath.raw.length}`,
      x.mismatches,
    ]),
  );
  console.log('\ndata and rebuild');
  printTable(
    [
      'database',
      'load s',
      'rebuild s',
      'day cells',
      'order parts',
      'month cells',
      'month-grain txn median ms',
      'max ms',
      'CPU ms/month',
    ],
    runs.map((x) => [
      x.dialect,
      x.loadSeconds,
      x.rebuildSeconds,
      x.cells,
      x.parts,
      x.monthCells,
      pct(x.builds.wallMs, 50),
      Math.max(...x.builds.wallMs),
      x.builds.cpuMsPerMonth,
    ]),
  );
}
