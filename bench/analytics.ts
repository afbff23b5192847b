// Analytics benchmark (issue 14): one org with 2 000 KOS (20 units, 2 links each), 1 000 000 order lines
// over the last 12 months and 10 000 000 clicks (raw click rows — what the raw path counts — and the
// link_daily rows they add up to, which the rollup path reads), into SQLite and PostgreSQL. Then
// `kos rollups rebuild`'s work (rebuildOrg, day and month cells), the time of one month rebuild from its day
// cells (the keeper's transaction), and 100 random month summaries and breakdowns answered three ways in
// the same run, in rotating order: by default (month cells where they cover, docs/rollups.md "Month grain",
// else day cells — the path is reported), from the day cells only (the code before the month grain), and
// from raw rows: p50/p95 and ratios. Every answer is compared (they must be identical). Reports; never fails.
// Usage: npm run bench:analytics [-- --scale 0.1] [-- --queries 100] [-- --sqlite-only]
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { type Principal, systemPrincipal } from '../src/features/access/access.js';
import {
  type BreakdownBy,
  breakdown,
  type SumsOptions,
  type SumsPath,
  summary,
} from '../src/features/analytics/analytics.service.js';
import { dayNumber, dayString } from '../src/features/analytics/rollups.js';
import { rebuildOrg } from '../src/features/analytics/rollups.service.js';
import { clicksAndDaily, LINE_COLUMNS, lines, type Shape, unitsAndLinks, writeRows } from './support-analytics.js';
import {
  benchOrg,
  createPostgresDatabase,
  flag,
  format,
  openDatabase,
  postgresReachable,
  seededRandom,
} from './support-common.js';
import { insertKosInBulk } from './support-ledger.js';
import { cpuTimed, pct, printRuns, QueryTimes, type Run, timeMonthBuilds } from './support-months.js';
import { since } from './support-phase.js';

const { values } = parseArgs({ options: { scale: { type: 'string' }, queries: { type: 'string' } }, strict: false });
const scale = Number(values.scale ?? process.env.BENCH_SCALE ?? 1);
const queryCount = Number(values.queries ?? 100);
const kosCount = Math.max(10, Math.round(2_000 * scale));
const lineCount = Math.round(1_000_000 * scale);
const clickCount = Math.round(10_000_000 * scale);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** The 12 whole months before the current one, as `YYYY-MM-01` starts (and the month after the last). */
function months(): string[] {
  const now = new Date();
  return Array.from({ length: 13 }, (_, i) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 12 + i, 1)).toISOString().slice(0, 10),
  );
}

const KINDS: Array<'summary' | BreakdownBy> = ['summary', 'kos', 'unit', 'platform', 'product', 'source', 'day'];

async function run(dialect: string, url: string): Promise<Run> {
  const log = (text: string) => console.log(`  [${dialect}] ${text}`);
  const database = await openDatabase(url);
  const db = database.db;
  try {
    const { orgId } = await benchOrg(db);
    let start = performance.now();
    await insertKosInBulk(db, orgId, kosCount);
    const m = months();
    const shape: Shape = {
      orgId,
      ...(await unitsAndLinks(database, orgId)),
      firstDay: dayNumber(m[0] as string),
      lastDay: dayNumber(m[12] as string) - 1,
    };
    await writeRows(database, 'order_lines', LINE_COLUMNS, lines(shape, lineCount));
    log(`${format(kosCount)} KOS, ${format(lineCount)} lines in ${format(since(start))} s`);
    const clicksStart = performance.now();
    const { daily } = await clicksAndDaily(database, shape, clickCount);
    log(`${format(clickCount)} clicks (${format(daily)} link_daily rows) in ${format(since(clicksStart))} s`);
    const loadSeconds = since(start);
    // What autovacuum does after a bulk load on a running server; without it the planner sees empty tables.
    if (database.dialect.name === 'postgres') await sql`analyze`.execute(db);

    start = performance.now();
    await rebuildOrg(db, { id: orgId, timezone: 'Asia/Ho_Chi_Minh' });
    const rebuildSeconds = since(start);
    const count = async (table: 'rollup_days' | 'rollup_order_parts' | 'rollup_months' | 'rollup_month_parts') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const cells = await count('rollup_days');
    const parts = await count('rollup_order_parts');
    const monthCells = await count('rollup_months');
    log(
      `rollups rebuilt in ${format(rebuildSeconds)} s: ${format(cells)} day cells, ${format(parts)} order parts, ` +
        `${format(monthCells)} month cells, ${format(await count('rollup_month_parts'))} month parts (load ${load()})`,
    );
    const builds = await timeMonthBuilds(db, { id: orgId, timezone: 'Asia/Ho_Chi_Minh' });
    log(
      `${builds.months} month rebuilds from day cells (a transaction per grain): median ${format(pct(builds.wallMs, 50))} ms, max ` +
        `${format(Math.max(...builds.wallMs))} ms per transaction, ${format(builds.cpuMsPerMonth)} ms CPU of this process per month (load ${load()})`,
    );

    const owner: Principal = systemPrincipal(orgId);
    const r = seededRandom(41);
    const times = new QueryTimes();
    let mismatches = 0;
    for (let i = -5; i < queryCount; i++) {
      const month = r.int(0, 11);
      const q = {
        from: m[month] as string,
        to: m[month + 1] as string,
        ...r.pick([{}, {}, { kosId: r.pick(shape.kosIds) }, { unitId: r.pick(shape.unitIds) }, { platform: 'shopee' }]),
      };
      const kind = r.pick(KINDS);
      let path: SumsPath = 'raw';
      const variants: SumsOptions[] = [{ onPath: (p) => (path = p) }, { months: false }, { rollups: false }];
      const ask = (options: SumsOptions): Promise<unknown> =>
        kind === 'summary' ? summary(db, owner, q, options) : breakdown(db, owner, kind, q, options);
      // Rotating order, so no variant always runs first (cold) or last.
      const answers: string[] = [];
      const ms: number[] = [];
      const cpuMs: number[] = [];
      for (let k = 0; k < 3; k++) {
        const v = (i + 5 + k) % 3;
        const [answer, t, c] = await cpuTimed(() => ask(variants[v] as SumsOptions));
        answers[v] = JSON.stringify(answer);
        ms[v] = t;
        cpuMs[v] = c;
      }
      if (i < 0) continue; // warm-up
      times.add(kind, path, ms[0] as number, ms[1] as number, ms[2] as number);
      times.addCpu(cpuMs[0] as number, cpuMs[1] as number, cpuMs[2] as number);
      if (answers[0] !== answers[2] || answers[1] !== answers[2]) mismatches += 1;
    }
    const p = (xs: number[]) => `p50 ${format(pct(xs, 50))} / p95 ${format(pct(xs, 95))} ms`;
    log(
      `default ${p(times.current)}; days only ${p(times.daysOnly)}; raw ${p(times.raw)}; ${mismatches} different answers (load ${load()})`,
    );
    log(
      `default by path: ${Object.entries(times.byPath)
        .map(([k, xs]) => `${k} ${xs.length} queries${xs.length ? ` ${p(xs)}` : ''}`)
        .join('; ')}`,
    );
    log(
      `CPU of this process per query (all of the work on SQLite, the client's share on PostgreSQL): default ${p(times.cpu.current)}; ` +
        `days only ${p(times.cpu.daysOnly)}; raw ${p(times.cpu.raw)}`,
    );
    log(`default by kind, p95 ms: ${[...times.byKind].map(([k, xs]) => `${k} ${format(pct(xs, 95))}`).join(', ')}`);
    return { dialect, loadSeconds, rebuildSeconds, cells, parts, monthCells, builds, times, mismatches };
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  const m = months();
  console.log(
    `analytics benchmark: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}, scale ${scale}: ` +
      `${format(kosCount)} KOS, ${format(lineCount)} lines and ${format(clickCount)} clicks over ${m[0]} … ${dayString(dayNumber(m[12] as string) - 1)}`,
  );
  console.log(`load average at the start: ${load()}`);
  const dir = mkdtempSync(join(tmpdir(), 'kos-bench-analytics-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const runs: Run[] = [];
  console.log('SQLite…');
  runs.push(await run('SQLite', `sqlite:${join(dir, 'kos.db')}`));
  if (flag('sqlite-only')) console.log('PostgreSQL: skipped (--sqlite-only)');
  else if (!(await postgresReachable())) console.log('PostgreSQL: skipped (not reachable)');
  else {
    console.log('PostgreSQL…');
    const database = await createPostgresDatabase('kos_bench_analytics');
    try {
      runs.push(await run('PostgreSQL', database.url));
    } finally {
      await database.drop();
    }
  }
  console.log(
    `\n${queryCount} random month summaries and breakdowns (ms): default (month cells where they cover), day cells only, raw rows, same run`,
  );
  printRuns(runs);
  console.log('\nchecks (information)');
  for (const x of runs) {
    const p95 = pct(x.times.current, 95);
    console.log(`  ${p95 < 100 ? 'met   ' : 'MISSED'}  ${x.dialect}: p95 by default < 100 ms (${format(p95)} ms)`);
    console.log(
      `  ${x.mismatches === 0 ? 'met   ' : 'MISSED'}  ${x.dialect}: month, day and raw answers identical (${x.mismatches} different)`,
    );
  }
  console.log(`load average at the end: ${load()} (other work on the machine slows every phase)`);
}

await main();
