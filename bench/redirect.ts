// Redirect benchmark: kosmatrix's `GET /{slug}` against a bare node:http server answering the same 302,
// both pinned to core 0, autocannon pinned to core 1, rounds alternating. Then it checks that every
// redirect answered became exactly one stored click. Reports; never fails on a missed goal.
// Usage: npm run bench:redirect [-- --seconds 5]   (or BENCH_SECONDS=5; BENCH_PROFILE=<dir> adds --cpu-prof)
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { int, median, type Round, roundLine, runRound, sharedCore, summaryLine } from './lib/load.js';
import { freePort, onExit, startProcess, stopProcess } from './lib/processes.js';
import { buildIfNeeded, createOrgKey, post } from './lib/server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ROUNDS = 5;
const CONNECTIONS = 50;
const GOAL = { ratio: 0.9, p99Ms: 10 };
const DESTINATION = 'https://shop.example.com/p/42?utm_source=kos&click_id={click_id}';

const { values } = parseArgs({ options: { seconds: { type: 'string' } } });
const seconds = Number(values.seconds ?? process.env.BENCH_SECONDS ?? 5);
if (!(seconds > 0 && seconds <= 60)) throw new Error('--seconds must be a number from 1 to 60');
const warmupSeconds = Math.min(2, seconds);
const profileDir = process.env.BENCH_PROFILE;
process.chdir(ROOT);

/** Checks with HEAD (never counted as a click) that a server answers the expected 302. */
async function checkRedirect(url: string): Promise<void> {
  const response = await fetch(url, { method: 'HEAD', redirect: 'manual' });
  const location = response.headers.get('location') ?? '';
  if (response.status !== 302 || !/click_id=[A-Za-z0-9]{12}$/.test(location)) {
    throw new Error(`${url}: expected a 302 to ${DESTINATION}, got ${response.status} ${location}`);
  }
}

async function main(): Promise<void> {
  console.log(
    `redirect benchmark: ${cpus().length} cores, Node ${process.version}, ${CONNECTIONS} connections, ` +
      `${ROUNDS} rounds × ${seconds} s per server (+${warmupSeconds} s warm-up each)`,
  );
  await buildIfNeeded();
  const dir = mkdtempSync(join(tmpdir(), 'kos-bench-'));
  onExit(() => rmSync(dir, { recursive: true, force: true }));
  const dbFile = join(dir, 'kos.db');
  const [kosPort, barePort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${kosPort}`;
  const env = {
    ...process.env,
    KOS_DATABASE_URL: `sqlite:${dbFile}`,
    KOS_DATA_DIR: dir,
    KOS_SECRET: 'bench-secret-not-for-production',
    KOS_HOST: '127.0.0.1',
    KOS_PORT: String(kosPort),
    KOS_PUBLIC_URL: base,
    KOS_LOG_LEVEL: 'warn',
  };

  const apiKey = await createOrgKey(env, 'bench');

  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const server = await startProcess('taskset', ['-c', '0', 'node', ...profile, 'dist/src/main.js', 'serve'], {
    env,
    ready: /kosmatrix is serving on/,
  });
  const kos = await post<{ id: string }>(base, apiKey, '/api/v1/kos', {
    code: 'BENCH1',
    handle: 'bench1',
    name: 'Bench KOS',
    relationship: 'agent',
  });
  const link = await post<{ slug: string }>(base, apiKey, '/api/v1/links', { kosId: kos.id, destinationUrl: DESTINATION });
  const bare = await startProcess(
    'taskset',
    ['-c', '0', 'node', 'bench/bare-redirect-server.mjs', String(barePort), link.slug, DESTINATION],
    {
      ready: /listening/,
    },
  );
  const targets = { bare: `http://127.0.0.1:${barePort}/${link.slug}`, kosmatrix: `${base}/${link.slug}` };
  await checkRedirect(targets.bare);
  await checkRedirect(targets.kosmatrix);

  const kosRounds: Round[] = [];
  const bareRounds: Round[] = [];
  const kosPid = server.pid;
  const round = async (url: string, length: number, pid: number | undefined) => {
    const result = await runRound(url, length, CONNECTIONS, pid);
    for (const [name, child] of [
      ['kosmatrix', server],
      ['bare', bare],
    ] as const) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the ${name} server died during a round`);
    }
    return result;
  };
  console.log(roundLine('warm-up bare', await round(targets.bare, warmupSeconds, bare.pid)));
  const warmup = await round(targets.kosmatrix, warmupSeconds, kosPid);
  console.log(roundLine('warm-up kosmatrix', warmup));
  for (let i = 1; i <= ROUNDS; i++) {
    bareRounds.push(await round(targets.bare, seconds, bare.pid));
    console.log(roundLine(`round ${i} bare`, bareRounds.at(-1) as Round));
    kosRounds.push(await round(targets.kosmatrix, seconds, kosPid));
    console.log(roundLine(`round ${i} kosmatrix`, kosRounds.at(-1) as Round));
  }

  const ratios = kosRounds.map((r, i) => r.rps / (bareRounds[i]?.rps ?? Number.NaN));
  const ratio = median(ratios);
  const kosP99 = median(kosRounds.map((r) => r.p99));
  console.log('\nsummary (medians of the rounds)');
  console.log(summaryLine('bare', bareRounds));
  console.log(summaryLine('kosmatrix', kosRounds));
  console.log(`  ratio kosmatrix/bare ${ratio.toFixed(3)} (rounds ${ratios.map((r) => r.toFixed(3)).join(', ')})`);
  const shared = [...bareRounds, ...kosRounds].filter(sharedCore).length;
  if (shared)
    console.log(`  note: in ${shared} of ${ROUNDS * 2} rounds another program used core 0 too; rerun on a quiet machine`);
  console.log(
    `  goal ratio ≥ ${GOAL.ratio}: ${ratio >= GOAL.ratio ? 'met' : 'MISSED'}; ` +
      `goal p99 ≤ ${GOAL.p99Ms} ms: ${kosP99 <= GOAL.p99Ms ? 'met' : 'MISSED'} (${kosP99.toFixed(2)} ms)`,
  );

  const all = [warmup, ...kosRounds];
  const expected = all.reduce((sum, r) => sum + (r.statusCounts['302'] ?? 0), 0);
  const sent = all.reduce((sum, r) => sum + r.sent, 0);
  const inFlight = all.reduce((sum, r) => sum + r.sent - r.responses, 0);
  const other = all.reduce((sum, r) => sum + r.responses - (r.statusCounts['302'] ?? 0), 0);
  const code = await stopProcess(server);
  await stopProcess(bare);
  console.log(`kosmatrix server stopped with SIGTERM: exit code ${code}${code === 0 ? '' : ' (expected 0)'}`);
  const sqlite = new SQLite(dbFile, { readonly: true });
  const stored = (sqlite.prepare('SELECT COUNT(*) AS n FROM clicks').get() as { n: number }).n;
  sqlite.close();
  const verdict = stored === expected ? 'OK' : stored < expected ? `LOST ${expected - stored}` : `EXTRA ${stored - expected}`;
  console.log(`GET requests sent to kosmatrix (warm-up included): ${int(sent)}; 302 responses received: ${int(expected)}`);
  console.log(
    `clicks: expected ${expected}, stored ${stored} — ${verdict}` +
      (inFlight || other ? ` (${inFlight} sent without a response, ${other} non-302 responses)` : ''),
  );
  if (profileDir) console.log(`CPU profile of the kosmatrix server written to ${profileDir}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
