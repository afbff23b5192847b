// Tier benchmark (issue 12): an org with N KOS (inserted in bulk, one account each with a follower
// record before W), 100 products in two categories, and M order lines over the 60 days before the date d
// (W and P), written with one INSERT … SELECT from a generated series. Then, in the same run: a plain scan
// of those lines (SELECT count and Σ net over [d − 60, d)), the recompute of the tiers (first with many
// changes, then again: the daily case), and the scorecards of every KOS. SQLite, then PostgreSQL (unless
// --sqlite-only). Reports; it never fails.
// Usage: npm run bench:tiers [-- --lines 1000000 --kos 10000] [-- --sqlite-only]   (or BENCH_LINES, BENCH_KOS)
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { patchOrg } from '../src/features/orgs/orgs.service.js';
import { windowsOf } from '../src/features/tiers/scoreboard.js';
import { recomputeOrg, scorecards } from '../src/features/tiers/tiers.service.js';
import { addDays } from '../src/lib/time.js';
import {
  benchOrg,
  createPostgresDatabase,
  flag,
  format,
  openDatabase,
  postgresReachable,
  printTable,
  sizeOption,
} from './support-common.js';
import { insertKosInBulk } from './support-ledger.js';
import { since } from './support-phase.js';
import { seedTierBench } from './support-tiers.js';

const lines = sizeOption('lines', 'BENCH_LINES', 1_000_000);
const kosCount = sizeOption('kos', 'BENCH_KOS', 10_000);
const sqliteOnly = flag('sqlite-only');
const TIMEZONE = 'Asia/Ho_Chi_Minh';

interface Run {
  dialect: string;
  loadSeconds: number;
  scan: { seconds: number; lines: number };
  first: { seconds: number; changes: number };
  again: { seconds: number; changes: number };
  cardsSeconds: number;
  peakRssMb: number;
}

async function run(dialect: 'sqlite' | 'postgres', url: string, date: string): Promise<Run> {
  const log = (text: string) => console.log(`  [${dialect}] ${text}`);
  const database = await openDatabase(url);
  const db = database.db;
  try {
    const { orgId, owner } = await benchOrg(db);
    await patchOrg(db, owner, { targetCategories: ['sắc đẹp'] });
    let start = performance.now();
    await insertKosInBulk(db, orgId, kosCount);
    const { pFrom, wFrom, wTo } = windowsOf(date, TIMEZONE);
    await seedTierBench(db, dialect, orgId, { lines, kosCount, pFrom, wFrom, wTo });
    const loadSeconds = since(start);
    log(`${format(kosCount)} KOS, accounts and ${format(lines)} lines written in ${format(loadSeconds)} s`);

    start = performance.now();
    const scanned = await sql<{ n: number | string; net: number | string }>`
      select count(*) as n, sum(net_minor - refund_minor) as net from order_lines
      where org_id = ${orgId} and order_time >= ${pFrom} and order_time < ${wTo}`.execute(db);
    const scan = { seconds: since(start), lines: Number(scanned.rows[0]?.n ?? 0) };
    log(`plain scan: ${format(scan.lines)} lines in ${format(scan.seconds)} s`);

    start = performance.now();
    const first = await recomputeOrg(db, orgId, date);
    const firstRun = { seconds: since(start), changes: first.changes.length };
    log(`recompute: ${format(firstRun.changes)} changes in ${format(firstRun.seconds)} s`);
    start = performance.now();
    const again = await recomputeOrg(db, orgId, date);
    const againRun = { seconds: since(start), changes: again.changes.length };
    log(`recompute again: ${format(againRun.changes)} changes in ${format(againRun.seconds)} s`);
    start = performance.now();
    const cards = await scorecards(db, owner, { date });
    const cardsSeconds = since(start);
    log(`scorecards of ${format(cards.items.length)} KOS in ${format(cardsSeconds)} s`);
    return {
      dialect: dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL',
      loadSeconds,
      scan,
      first: firstRun,
      again: againRun,
      cardsSeconds,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  const date = addDays(new Date().toISOString().slice(0, 10), 0);
  console.log(
    `tiers benchmark: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}, ` +
      `${format(kosCount)} KOS, ${format(lines)} lines over the 60 days before ${date}`,
  );
  console.log(
    `load average at the start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'kos-bench-tiers-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const runs: Run[] = [];
  console.log('SQLite…');
  runs.push(await run('sqlite', `sqlite:${join(dir, 'kos.db')}`, date));
  if (sqliteOnly) console.log('PostgreSQL: skipped (--sqlite-only)');
  else if (!(await postgresReachable())) console.log('PostgreSQL: skipped (not reachable)');
  else {
    console.log('PostgreSQL…');
    const database = await createPostgresDatabase('kos_bench_tiers');
    try {
      runs.push(await run('postgres', database.url, date));
    } finally {
      await database.drop();
    }
  }
  console.log('');
  printTable(
    ['database', 'lines', 'scan s', 'recompute s', '× scan', 'changes', 'again s', '× scan', 'scorecards s', 'peak RSS MB'],
    runs.map((r) => [
      r.dialect,
      r.scan.lines,
      r.scan.seconds,
      r.first.seconds,
      r.first.seconds / Math.max(r.scan.seconds, 1e-6),
      r.first.changes,
      r.again.seconds,
      r.again.seconds / Math.max(r.scan.seconds, 1e-6),
      r.cardsSeconds,
      r.peakRssMb,
    ]),
  );
}

await main();
