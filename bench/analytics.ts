// Analytics benchmark (issue 14): one org with 2 000 KOS (20 units, 2 links each), 1 000 000 order lines
// over the last 12 months and 10 000 000 clicks (raw click rows — what the raw path counts — and the
// link_daily rows they add up to, which the rollup path reads), into SQLite and PostgreSQL. Then
// `kos rollups rebuild`'s work (rebuildOrg), and 100 random month summaries and breakdowns answered from
// the rollups and, in the same run, from raw rows (same queries, alternating order): p50/p95 and ratio.
// Every pair of answers is compared (they must be identical). Reports; it never fails.
// Usage: npm run bench:analytics [-- --scale 0.1] [-- --queries 100] [-- --sqlite-only]
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { type Principal, systemPrincipal } from '../src/features/access/access.js';
import { type BreakdownBy, breakdown, summary } from '../src/features/analytics/analytics.service.js';
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
  printTable,
  seededRandom,
} from './support-common.js';
import { insertKosInBulk } from './support-ledger.js';
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

interface Run {
  dialect: string;
  loadSeconds: number;
  rebuildSeconds: number;
  cells: number;
  parts: number;
  rollup: number[];
  raw: number[];
  mismatches: number;
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}

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
    const count = async (table: 'rollup_days' | 'rollup_order_parts') =>
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
    log(`rollups rebuilt in ${format(rebuildSeconds)} s: ${format(cells)} cells, ${format(parts)} order parts (load ${load()})`);

    const owner: Principal = systemPrincipal(orgId);
    const r = seededRandom(41);
    const rollup: number[] = [];
    const raw: number[] = [];
    let mismatches = 0;
    const byKind = new Map<string, number[]>();
    for (let i = -5; i < queryCount; i++) {
      const month = r.int(0, 11);
      const q = {
        from: m[month] as string,
        to: m[month + 1] as string,
        ...r.pick([{}, {}, { kosId: r.pick(shape.kosIds) }, { unitId: r.pick(shape.unitIds) }, { platform: 'shopee' }]),
      };
      const kind = r.pick(KINDS);
      const ask = (rollups: boolean): Promise<unknown> =>
        kind === 'summary' ? summary(db, owner, q, { rollups }) : breakdown(db, owner, kind, q, { rollups });
      const first = i % 2 === 0;
      const [a, ta] = await timed(() => ask(first));
      const [b, tb] = await timed(() => ask(!first));
      if (i < 0) continue; // warm-up
      (first ? rollup : raw).push(ta);
      (first ? raw : rollup).push(tb);
      byKind.set(kind, [...(byKind.get(kind) ?? []), first ? ta : tb]);
      if (JSON.stringify(a) !== JSON.stringify(b)) mismatches += 1;
    }
    log(
      `rollups p50 ${format(pct(rollup, 50))} ms, p95 ${format(pct(rollup, 95))} ms; raw p50 ${format(pct(raw, 50))} ms, ` +
        `p95 ${format(pct(raw, 95))} ms; ${mismatches} different answers (load ${load()})`,
    );
    log(`via rollups by kind, p95 ms: ${[...byKind].map(([k, xs]) => `${k} ${format(pct(xs, 95))}`).join(', ')}`);
    return { dialect, loadSeconds, rebuildSeconds, cells, parts, rollup, raw, mismatches };
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
  console.log(`\n${queryCount} random month summaries and breakdowns (ms), from rollups and from raw rows in the same run`);
  printTable(
    ['database', 'rollup p50', 'rollup p95', 'raw p50', 'raw p95', 'raw ÷ rollup p50', 'raw ÷ rollup p95', 'different answers'],
    runs.map((x) => [
      x.dialect,
      pct(x.rollup, 50),
      pct(x.rollup, 95),
      pct(x.raw, 50),
      pct(x.raw, 95),
      pct(x.raw, 50) / pct(x.rollup, 50),
      pct(x.raw, 95) / pct(x.rollup, 95),
      x.mismatches,
    ]),
  );
  console.log('\ndata and rebuild');
  printTable(
    ['database', 'load s', 'rebuild s', 'cells', 'order parts'],
    runs.map((x) => [x.dialect, x.loadSeconds, x.rebuildSeconds, x.cells, x.parts]),
  );
  console.log('\nchecks (information)');
  for (const x of runs) {
    const p95 = pct(x.rollup, 95);
    console.log(`  ${p95 < 100 ? 'met   ' : 'MISSED'}  ${x.dialect}: p95 via rollups < 100 ms (${format(p95)} ms)`);
    console.log(
      `  ${x.mismatches === 0 ? 'met   ' : 'MISSED'}  ${x.dialect}: rollup answers identical to raw (${x.mismatches} different)`,
    );
  }
  console.log(`load average at the end: ${load()} (other work on the machine slows every phase)`);
}

await main();
