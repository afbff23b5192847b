// Import benchmark (issues 4, 14): writes a Shopee conversion report of N lines, then measures, each phase
// in its own child process (so peak RSS is that phase's): bare streaming parses of the file with csv-parse,
// udsv, papaparse and the importer's own record reader, the full import into a fresh SQLite database, the re-import of the same file into it,
// the floor under it (the rows it stored written back with bare prepared inserts, with this schema's indexes
// and with its keys only), and the import into a fresh PostgreSQL database. The imports run the compiled product (built first when
// dist/ is older than src/, as `npm start` does), in plain Node, as `kos import` runs them. Reports lines/s, the ratio to the fastest bare parse and
// peak RSS, and checks that the re-import changed nothing. It reports goals; it never fails on a missed one.
// Usage: npm run bench:import [-- --lines 20000] [-- --sqlite-only]   (or BENCH_LINES=20000;
// BENCH_PROFILE=<dir> writes a --cpu-prof profile of the SQLite import child there)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BENCH_SLUG, createPostgresDatabase, flag, format, postgresReachable, printTable, sizeOption } from './support-common.js';
import { writeShopeeCsv } from './support-csv.js';
import { ROOT, runPhase, since } from './support-phase.js';

const GOAL = { linesPerSecond: 50_000, reimportLinesPerSecond: 100_000, postgresLinesPerSecond: 25_000, peakRssMb: 300 };
const PARSERS = ['csv-parse', 'udsv', 'papaparse', 'kos-reader'] as const;
const KOS = 200;

interface Parsed {
  lines: number;
  seconds: number;
  /** CPU seconds of the child over the measured call (user + system): steadier than wall time on a shared machine. */
  cpuSeconds: number;
  peakRssMb: number;
}
interface Imported extends Parsed {
  reimport: boolean;
  counts: { rows: number; inserted: number; updated: number; unchanged: number; rejected: number; skipped: number };
  firstErrors: unknown[];
  before: Record<string, number>;
  after: Record<string, number>;
}

const lines = sizeOption('lines', 'BENCH_LINES', 1_000_000);
const sqliteOnly = flag('sqlite-only');
const profileDir = process.env.BENCH_PROFILE ? resolve(process.env.BENCH_PROFILE) : null;

async function main(): Promise<void> {
  const build = spawnSync(process.execPath, ['scripts/build-if-needed.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed: the import phases run the compiled product');
  console.log(`import benchmark: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}, ${lines} lines`);
  console.log(
    `load average at the start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'kos-bench-import-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'AffiliateCommissionReport202611230000.csv');

  let start = performance.now();
  const { orders } = writeShopeeCsv(file, lines, KOS);
  const size = statSync(file).size / 2 ** 20;
  console.log(`wrote ${format(lines)} lines (${format(orders)} orders, ${format(size)} MB) in ${format(since(start))} s`);

  const phases: [string, Parsed | Imported][] = [];
  const step = async <T extends Parsed>(name: string, run: () => Promise<T>): Promise<T> => {
    console.log(`${name}…`);
    start = performance.now();
    const result = await run();
    console.log(
      `  ${format(result.seconds)} s (child ran ${format(since(start))} s with setup), peak RSS ${format(result.peakRssMb)} MB`,
    );
    phases.push([name, result]);
    return result;
  };
  const sqliteUrl = `sqlite:${join(dir, 'kos.db')}`;
  // The measured import runs the compiled product (bench/support-import-run.mjs); set-up and the stored
  // state before and after are children of their own, so the import's peak RSS is its own.
  const imported = async (url: string, cpuProf: string[] = []): Promise<Imported> => {
    const { created } = await runPhase<{ created: boolean }>('bench/support-import.ts', ['setup', url, String(KOS)]);
    const state = async () =>
      (await runPhase<{ state: Record<string, number> }>('bench/support-import.ts', ['state', url])).state;
    const before = await state();
    const run = await runPhase<Omit<Imported, 'reimport' | 'before' | 'after'>>(
      'bench/support-import-run.mjs',
      [url, file, BENCH_SLUG],
      cpuProf,
    );
    return { ...run, reimport: !created, before, after: await state() };
  };
  // The same file through each CSV library, bare: the fastest sets the bar the import is measured against.
  const parses: Parsed[] = [];
  for (const library of PARSERS) {
    parses.push(await step(`bare ${library}`, () => runPhase<Parsed>('bench/support-parse.ts', [file, library])));
  }
  const cpuProf = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const sqlite = await step('import → SQLite (fresh)', () => imported(sqliteUrl, cpuProf));
  const again = await step('re-import → SQLite', () => imported(sqliteUrl));
  // The floor under the store pass: the same rows written back bare (bench/support-store-floor.ts).
  for (const [variant, name] of [
    ['schema', 'bare store of the same rows, this schema'],
    ['keys', 'bare store of the same rows, keys only'],
  ] as const) {
    await step(name, () => runPhase<Parsed>('bench/support-store-floor.ts', [sqliteUrl, variant]));
  }
  let postgres: Imported | null = null;
  if (sqliteOnly) console.log('PostgreSQL: skipped (--sqlite-only)');
  else if (!(await postgresReachable())) console.log('PostgreSQL: skipped (not reachable)');
  else {
    const database = await createPostgresDatabase('kos_bench_import');
    try {
      postgres = await step('import → PostgreSQL (fresh)', () => imported(database.url));
    } finally {
      await database.drop();
    }
  }

  console.log(`\nresults (${cpus().length} cores, Node ${process.version}; lines/s over the measured call only)`);
  const parseRate = Math.max(...parses.map((p) => p.lines / p.seconds));
  const parseCpuRate = Math.max(...parses.map((p) => p.lines / p.cpuSeconds));
  printTable(
    ['phase', 'lines', 'seconds', 'lines/s', 'vs fastest parse', 'CPU s', 'lines/CPU s', 'vs fastest (CPU)', 'peak RSS MB'],
    phases.map(([name, r]) => {
      const rate = r.lines / r.seconds;
      const cpuRate = r.lines / r.cpuSeconds;
      return [name, r.lines, r.seconds, rate, rate / parseRate, r.cpuSeconds, cpuRate, cpuRate / parseCpuRate, r.peakRssMb];
    }),
  );
  console.log(
    '(CPU s: the child process over the measured call; on a shared machine lines per CPU second move less than lines/s.\n' +
      ' PostgreSQL server work is not in its CPU seconds.)',
  );
  console.log('\nimports (rows / inserted / updated / unchanged / rejected / skipped; stored lines, attributed, ledger entries)');
  for (const [name, r] of phases) {
    if (!('counts' in r)) continue;
    const c = r.counts;
    console.log(
      `  ${name}: ${c.rows} / ${c.inserted} / ${c.updated} / ${c.unchanged} / ${c.rejected} / ${c.skipped}; ` +
        `${r.after.lines} lines, ${r.after.attributed} attributed, ${r.after.entries} entries` +
        (r.firstErrors.length ? `; first errors ${JSON.stringify(r.firstErrors)}` : ''),
    );
  }

  const changed = Object.keys(again.before).filter((key) => again.before[key] !== again.after[key]);
  const checks: [string, boolean, string][] = [
    [
      `SQLite import ≥ ${format(GOAL.linesPerSecond)} lines/s`,
      sqlite.lines / sqlite.seconds >= GOAL.linesPerSecond,
      `${format(sqlite.lines / sqlite.seconds)} lines/s`,
    ],
    [
      `SQLite import ≥ 0.5× the fastest bare parse`,
      sqlite.lines / sqlite.seconds >= 0.5 * parseRate,
      `${format(sqlite.lines / sqlite.seconds / parseRate)}×`,
    ],
    [
      `re-import ≥ ${format(GOAL.reimportLinesPerSecond)} lines/s`,
      again.lines / again.seconds >= GOAL.reimportLinesPerSecond,
      `${format(again.lines / again.seconds)} lines/s`,
    ],
    ...(postgres
      ? [
          [
            `PostgreSQL import ≥ ${format(GOAL.postgresLinesPerSecond)} lines/s`,
            postgres.lines / postgres.seconds >= GOAL.postgresLinesPerSecond,
            `${format(postgres.lines / postgres.seconds)} lines/s`,
          ] as [string, boolean, string],
        ]
      : []),
    ...phases.map(([name, r]): [string, boolean, string] => [
      `peak RSS < ${GOAL.peakRssMb} MB: ${name}`,
      r.peakRssMb < GOAL.peakRssMb,
      `${format(r.peakRssMb)} MB`,
    ]),
    [
      'fresh import stored every line',
      sqlite.counts.inserted === lines && sqlite.counts.rejected === 0 && (postgres?.counts.inserted ?? lines) === lines,
      `SQLite ${sqlite.counts.inserted}${postgres ? `, PostgreSQL ${postgres.counts.inserted}` : ''} of ${lines}`,
    ],
    [
      're-import: inserted 0, updated 0, unchanged = stored lines',
      again.reimport && again.counts.inserted === 0 && again.counts.updated === 0 && again.counts.unchanged === again.after.lines,
      `${again.counts.inserted} / ${again.counts.updated} / ${again.counts.unchanged} of ${again.after.lines}`,
    ],
    [
      're-import left lines, history and ledger as they were',
      changed.length === 0,
      changed.length ? `changed: ${changed.join(', ')}` : 'counts, sums and last-update times equal',
    ],
  ];
  console.log('\ngoals (information; a benchmark does not fail)');
  for (const [goal, met, detail] of checks) console.log(`  ${met ? 'met   ' : 'MISSED'}  ${goal}  (${detail})`);
  console.log(
    `load average at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (other work on the machine slows every phase)`,
  );
  if (profileDir) console.log(`\nCPU profile of the SQLite import child: ${profileDir}`);
}

await main();
