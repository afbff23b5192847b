// Ledger benchmark (issue 5): an org with N KOS (inserted in bulk) and stepped plans (createPlan); books
// M completed lines of a past month through the real line store (a generic CSV through importFile, which
// books ledger entries in the same transactions), closes that month (closePeriod), then closes it again
// (must book nothing). Baseline of the same run: M bare 5-column rows into a plain table through the
// same connection. SQLite, then PostgreSQL (unless --sqlite-only). Reports; it never fails.
// Usage: npm run bench:ledger [-- --lines 100000 --kos 1000] [-- --sqlite-only]   (or BENCH_LINES, BENCH_KOS)
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFile } from '../src/features/imports/import-jobs.js';
import { closePeriod } from '../src/features/payouts/payouts.service.js';
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
import { writeGenericCsv } from './support-csv.js';
import { bareInsertSeconds, createPlans, HOLDING_DAYS, insertKosInBulk, ledgerCounts } from './support-ledger.js';
import { since } from './support-phase.js';

const lines = sizeOption('lines', 'BENCH_LINES', 1_000_000);
const kosCount = sizeOption('kos', 'BENCH_KOS', 10_000);
const sqliteOnly = flag('sqlite-only');

/** The calendar month before the current one, `YYYY-MM` (ended: it can be closed). */
function lastMonth(): string {
  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return month.toISOString().slice(0, 7);
}

interface Run {
  dialect: string;
  kosSeconds: number;
  booking: { seconds: number; inserted: number; rejected: number; entries: number };
  bareSeconds: number;
  close: { seconds: number; payouts: number; taken: number; adjustments: number; withheld: number };
  again: { seconds: number; created: boolean; unchanged: boolean };
  peakRssMb: number;
}

async function run(dialect: string, url: string, file: string, period: string): Promise<Run> {
  const log = (text: string) => console.log(`  [${dialect}] ${text}`);
  const database = await openDatabase(url);
  const db = database.db;
  try {
    const { orgId, owner } = await benchOrg(db);
    let start = performance.now();
    await insertKosInBulk(db, orgId, kosCount);
    const kosSeconds = since(start);
    await createPlans(db, owner);
    log(`${format(kosCount)} KOS in bulk in ${format(kosSeconds)} s; 2 plans (createPlan)`);

    let tenth = 0;
    start = performance.now();
    const report = await importFile(
      db,
      owner,
      { source: 'generic', path: file, fileName: 'ledger-bench.csv' },
      {
        onProgress(done, total) {
          if (done * 10 < (tenth + 1) * total) return;
          tenth = Math.floor((done * 10) / total);
          log(`booked ${format(done)} / ${format(total)} lines, ${format(since(start))} s`);
        },
      },
    );
    const bookingSeconds = since(start);
    const booked = await ledgerCounts(db, orgId);
    const entries = Object.entries(booked).reduce((n, [key, value]) => (key.includes('/') ? n + value : n), 0);

    start = performance.now();
    const bareSeconds = await bareInsertSeconds(db, lines);
    log(`bare insert baseline: ${format(lines)} rows in ${format(bareSeconds)} s`);

    log(`closing ${period}…`);
    start = performance.now();
    const closed = await closePeriod(db, owner, period);
    const closeSeconds = since(start);
    const afterClose = await ledgerCounts(db, orgId);
    const taken = closed.payouts.reduce((n, p) => n + p.entryIds.length, 0);
    const adjustments = (afterClose['tier_adjustment/approved'] ?? 0) - (booked['tier_adjustment/approved'] ?? 0);

    start = performance.now();
    const again = await closePeriod(db, owner, period);
    const againSeconds = since(start);
    const afterAgain = await ledgerCounts(db, orgId);
    const unchanged = JSON.stringify(afterAgain) === JSON.stringify(afterClose);
    return {
      dialect,
      kosSeconds,
      booking: { seconds: bookingSeconds, inserted: report.inserted, rejected: report.rejected, entries },
      bareSeconds,
      close: {
        seconds: closeSeconds,
        payouts: closed.payouts.length,
        taken: taken - adjustments,
        adjustments,
        withheld: closed.payouts.reduce((n, p) => n + p.withheldMinor, 0),
      },
      again: { seconds: againSeconds, created: again.created, unchanged },
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  const period = lastMonth();
  console.log(
    `ledger benchmark: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}, ` +
      `${format(lines)} completed lines of ${period} for ${format(kosCount)} KOS (holding ${HOLDING_DAYS} days)`,
  );
  console.log(
    `load average at the start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'kos-bench-ledger-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'ledger-bench.csv');
  let start = performance.now();
  writeGenericCsv(file, lines, kosCount, period);
  console.log(`wrote the generic CSV in ${format(since(start))} s`);

  const runs: Run[] = [];
  console.log('SQLite…');
  runs.push(await run('SQLite', `sqlite:${join(dir, 'kos.db')}`, file, period));
  if (sqliteOnly) console.log('PostgreSQL: skipped (--sqlite-only)');
  else if (!(await postgresReachable())) console.log('PostgreSQL: skipped (not reachable)');
  else {
    console.log('PostgreSQL…');
    const database = await createPostgresDatabase('kos_bench_ledger');
    try {
      start = performance.now();
      runs.push(await run('PostgreSQL', database.url, file, period));
    } finally {
      await database.drop();
    }
  }

  console.log(`\nbooking (${format(lines)} lines through importFile; baseline: the same number of bare 5-column rows)`);
  printTable(
    ['database', 'lines', 'entries', 'seconds', 'lines/s', 'bare s', 'bare rows/s', 'booking ÷ bare'],
    runs.map((r) => [
      r.dialect,
      r.booking.inserted,
      r.booking.entries,
      r.booking.seconds,
      r.booking.inserted / r.booking.seconds,
      r.bareSeconds,
      lines / r.bareSeconds,
      r.booking.seconds / r.bareSeconds,
    ]),
  );
  console.log(`\nclose of ${period} (${format(kosCount)} KOS), then the same close again`);
  printTable(
    ['database', 'close s', 'payouts', 'entries taken', 'tier top-ups', 'withheld ₫', 'again s', 'again booked'],
    runs.map((r) => [
      r.dialect,
      r.close.seconds,
      r.close.payouts,
      r.close.taken,
      r.close.adjustments,
      r.close.withheld,
      r.again.seconds,
      !r.again.created && r.again.unchanged ? 'nothing' : 'SOMETHING',
    ]),
  );
  console.log(`\nchecks (information)`);
  for (const r of runs) {
    const stored = r.booking.inserted === lines && r.booking.rejected === 0;
    console.log(`  ${stored ? 'met   ' : 'MISSED'}  ${r.dialect}: every line stored (${r.booking.inserted} of ${lines})`);
    const all = r.close.taken === r.booking.entries;
    console.log(
      `  ${all ? 'met   ' : 'MISSED'}  ${r.dialect}: the close took every booked entry (${r.close.taken} of ${r.booking.entries})`,
    );
    const again = !r.again.created && r.again.unchanged;
    console.log(`  ${again ? 'met   ' : 'MISSED'}  ${r.dialect}: the second close booked nothing`);
  }
  console.log(
    `load average at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (other work on the machine slows every phase)`,
  );
  console.log(`\npeak RSS of this process: ${format(runs.at(-1)?.peakRssMb ?? 0)} MB`);
}

await main();
