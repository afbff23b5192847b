// Resilience benchmark (issue 8): redirect req/s with click capture while the server is idle, during a
// login flood of random e-mails (25/s) from one address, during the same flood spread over as many
// addresses (behind a trusted proxy: only the hashing budget holds it), and while a 100 000-line report
// is being stored — in the same run, rounds alternating, with the ratios to idle (goal ≥ 0.8 each). The
// server runs on the whole machine, as deployed; the load generator and the flood are pinned to core 1.
// Usage: npm run bench:resilience [-- --seconds 5 --rounds 3 --lines 100000 --postgres]
import { readFileSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureCpu } from './lib/cpu-usage.js';
import { int, median, type Round, roundLine, runRound } from './lib/load.js';
import { freePort, onExit, runProcess, startProcess, stopProcess } from './lib/processes.js';
import { buildIfNeeded, createOrgKey, post } from './lib/server.js';
import { createPostgresDatabase, postgresReachable } from './support-common.js';
import { writeShopeeCsv } from './support-csv.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONNECTIONS = 50;
const FLOOD_PER_SECOND = 25;
const GOAL = 0.8;

const { values } = parseArgs({
  options: { seconds: { type: 'string' }, rounds: { type: 'string' }, lines: { type: 'string' }, postgres: { type: 'boolean' } },
});
const seconds = Number(values.seconds ?? process.env.BENCH_SECONDS ?? 5);
const rounds = Number(values.rounds ?? 5);
const lines = Number(values.lines ?? process.env.BENCH_LINES ?? 100_000);
if (!(seconds > 0 && seconds <= 60 && rounds >= 1 && rounds <= 10 && lines >= 1000))
  throw new Error('bad --seconds/--rounds/--lines');
process.chdir(ROOT);

interface ImportState {
  status: string;
  rowsDone: number;
  rows: number;
  failedReason?: string;
}

async function importState(base: string, key: string, id: string): Promise<ImportState> {
  const response = await fetch(`${base}/api/v1/imports/${id}`, { headers: { authorization: `Bearer ${key}` } });
  return (await response.json()) as ImportState;
}

/**
 * Waits until the server is quiet (under 5 % of a core for half a second): clicks queued by the last
 * round are written, so every round starts from the same state. Answers the seconds it took.
 */
async function quiesce(pid: number | undefined): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < 120; i++) {
    const stop = measureCpu(pid);
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (stop().process < 0.05) break;
  }
  return (performance.now() - started) / 1000;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'kos-bench-resilience-'));
  onExit(() => rmSync(dir, { recursive: true, force: true }));
  let databaseUrl = `sqlite:${join(dir, 'kos.db')}`;
  if (values.postgres) {
    if (!(await postgresReachable())) throw new Error('PostgreSQL unreachable');
    const pg = await createPostgresDatabase('kos_bench_resilience');
    databaseUrl = pg.url;
    process.on('exit', () => void pg.drop());
  }
  console.log(
    `resilience benchmark: ${cpus().length} cores, Node ${process.version}, ${databaseUrl.split(':')[0]}, ${CONNECTIONS} connections, ` +
      `${rounds} rounds × (idle, login flood ${FLOOD_PER_SECOND}/s from one address and from many, import of ${int(lines)} lines) × ${seconds} s`,
  );
  await buildIfNeeded();
  const report = join(dir, 'report.csv');
  writeShopeeCsv(report, lines, 200);
  const file = readFileSync(report);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    KOS_DATABASE_URL: databaseUrl,
    KOS_DATA_DIR: dir,
    KOS_SECRET: 'bench-secret-not-for-production',
    KOS_HOST: '127.0.0.1',
    KOS_PORT: String(port),
    KOS_PUBLIC_URL: base,
    KOS_LOG_LEVEL: 'warn',
    // One trusted hop: the spread flood names its addresses in X-Forwarded-For; the load generator does not.
    KOS_TRUST_PROXY: '1',
  };
  const keys: string[] = [];
  for (let i = 0; i <= rounds; i++) keys.push(await createOrgKey(env, `resilience-${i}`));
  const [linkKey = ''] = keys;
  const server = await startProcess('node', ['dist/src/main.js', 'serve'], { env, ready: /kosmatrix is serving on/ });
  const kos = await post<{ id: string }>(base, linkKey, '/api/v1/kos', {
    code: 'RES1',
    handle: 'res1',
    name: 'R',
    relationship: 'agent',
  });
  const link = await post<{ slug: string }>(base, linkKey, '/api/v1/links', {
    kosId: kos.id,
    destinationUrl: 'https://shop.example.com/p/42?click_id={click_id}',
  });
  const target = `${base}/${link.slug}`;
  const alive = () => {
    if (server.exitCode !== null || server.signalCode !== null) throw new Error('the server died during a round');
  };

  const idle: Round[] = [];
  const flood: Round[] = [];
  const spreadFlood: Round[] = [];
  const during: Round[] = [];
  console.log(roundLine('warm-up', await runRound(target, Math.min(2, seconds), CONNECTIONS, server.pid)));
  const quiet = async () => {
    const took = await quiesce(server.pid);
    if (took > 1) console.log(`  (waited ${took.toFixed(1)} s for the server to write the round's clicks)`);
  };
  for (let r = 1; r <= rounds; r++) {
    await quiet();
    idle.push(await runRound(target, seconds, CONNECTIONS, server.pid));
    alive();
    console.log(roundLine(`round ${r} idle`, idle.at(-1) as Round));

    for (const [spread, list] of [
      [false, flood],
      [true, spreadFlood],
    ] as const) {
      await quiet();
      const options = JSON.stringify({ base, perSecond: FLOOD_PER_SECOND, seconds: seconds + 1, spread });
      const flooding = runProcess(
        'taskset',
        ['-c', '1', process.execPath, '--import', 'tsx', 'bench/lib/login-flood.ts', options],
        {
          timeoutMs: (seconds + 60) * 1000,
        },
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      list.push(await runRound(target, seconds, CONNECTIONS, server.pid));
      const result = JSON.parse((await flooding).trim().split('\n').at(-1) ?? '{}') as { sent: number; counts: object };
      alive();
      const label = `round ${r} ${spread ? 'spread flood' : 'login flood'}`;
      console.log(`${roundLine(label, list.at(-1) as Round)}  logins ${result.sent}: ${JSON.stringify(result.counts)}`);
    }

    await quiet();
    const key = keys[r] as string;
    const form = new FormData();
    form.set('source', 'shopee');
    form.set('file', new Blob([file]), 'report.csv');
    const accepted = await fetch(`${base}/api/v1/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, prefer: 'respond-async' },
      body: form,
    });
    if (accepted.status !== 202) throw new Error(`import: ${accepted.status} ${await accepted.text()}`);
    const { id } = (await accepted.json()) as { id: string };
    const started = performance.now();
    // Measure while lines are being stored (the heavier phase), not while the file is first counted.
    let before = await importState(base, key, id);
    while (before.rowsDone === 0 && (before.status === 'queued' || before.status === 'running')) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      before = await importState(base, key, id);
    }
    during.push(await runRound(target, seconds, CONNECTIONS, server.pid));
    alive();
    const atEnd = await importState(base, key, id);
    const overlap = atEnd.status === 'done' ? ' (the import ended before the round: partial overlap)' : '';
    console.log(
      `${roundLine(`round ${r} import`, during.at(-1) as Round)}  import ${atEnd.status}, rows ${int(before.rowsDone)} → ` +
        `${int(atEnd.rowsDone)} of ${int(atEnd.rows)} during the round${overlap}`,
    );
    let state = atEnd;
    while (state.status === 'queued' || state.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 500));
      state = await importState(base, key, id);
    }
    const took = (performance.now() - started) / 1000;
    console.log(
      `  import ${state.status}: ${int(state.rowsDone)} rows in ${took.toFixed(1)} s (${int(state.rowsDone / took)} rows/s)`,
    );
  }

  const rps = (xs: Round[]) => median(xs.map((x) => x.rps));
  const p99 = (xs: Round[]) => median(xs.map((x) => x.p99));
  const ratio = (xs: Round[]) => median(xs.map((x, i) => x.rps / (idle[i]?.rps ?? Number.NaN)));
  const [floodRatio, spreadRatio, importRatio] = [ratio(flood), ratio(spreadFlood), ratio(during)];
  console.log('\nsummary (medians of the rounds)');
  const line = (label: string, xs: Round[], r?: number) =>
    console.log(
      `  ${label.padEnd(14)}${int(rps(xs)).padStart(7)} req/s  p99 ${p99(xs).toFixed(2)} ms${r === undefined ? '' : `  ratio ${r.toFixed(3)}`}`,
    );
  line('idle', idle);
  line('login flood', flood, floodRatio);
  line('spread flood', spreadFlood, spreadRatio);
  line('during import', during, importRatio);
  const verdict = (value: number) => (value >= GOAL ? 'met' : 'MISSED');
  console.log(
    `  goal ≥ ${GOAL}: login flood ${verdict(floodRatio)}, spread flood ${verdict(spreadRatio)}, import ${verdict(importRatio)}`,
  );
  const code = await stopProcess(server);
  console.log(`server stopped with SIGTERM: exit code ${code}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
