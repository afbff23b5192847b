// Live-room benchmark (issue 13, docs/live-room.md): 500 SSE viewers of one live session on one kosmatrix
// process (SQLite, a demo-like org with 1 000 lines already tied to the session), against a bare node:http
// SSE broadcaster measured in the same run with the same viewers. Each server runs in a child process of
// its own, so its RSS is its own: memory per viewer = (RSS with the viewers − RSS before) ÷ viewers, after
// a GC. Then N changes, one every ~0.6 s (ticks are spaced 500 ms): a webhook line tied to the session
// (written by the jobs thread, found by the poll), a stats PATCH (same process, nudged), and for the bare
// server a POST that broadcasts. Latency = change sent → tick received, per viewer (p50, p99) and for the
// last of the 500 viewers (p50, p99 over the changes). Local only, bounded (about a minute, most of it the
// two servers starting). Reports; never fails.
// Usage: npm run bench:live [-- --viewers 500 --changes 10]   (or BENCH_VIEWERS, BENCH_CHANGES)
import { type ChildProcess, fork } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { liveLineOf, type Ready, signed } from './lib/live-lines.js';
import { onExit } from './lib/processes.js';
import { quantile, Viewers } from './lib/sse-viewers.js';
import { format, printTable, sizeOption } from './support-common.js';

const viewerCount = Math.min(sizeOption('viewers', 'BENCH_VIEWERS', 500), 900);
const changes = Math.min(sizeOption('changes', 'BENCH_CHANGES', 10), 30);
const CHILD = fileURLToPath(new URL('./lib/live-child.ts', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Probe {
  rss: number;
  heap: number;
  loopMaxMs: number;
  loopP99Ms: number;
  hub: { sessions: number; viewers: number } | null;
}

/** A server child: ready data, and `probe` (GC, then RSS, event-loop delay and hub sizes). */
async function startChild(
  mode: 'kos' | 'bare',
): Promise<{ ready: Ready; probe(op?: 'stats' | 'loop-reset' | 'hub'): Promise<Probe>; stop(): void }> {
  const child: ChildProcess = fork(CHILD, [mode], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  onExit(() => child.kill('SIGKILL'));
  let next = 0;
  const pending = new Map<number, (p: Probe) => void>();
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${mode} server exited (${code})`)));
    child.on('message', (m: { ready?: Ready; id?: number } & Probe) => {
      if (m.ready) resolve(m.ready);
      else if (m.id !== undefined) pending.get(m.id)?.(m);
    });
  });
  return {
    ready,
    probe: (op = 'stats') =>
      new Promise((resolve) => {
        const id = ++next;
        pending.set(id, resolve);
        child.send({ id, op });
      }),
    stop: () => child.kill('SIGTERM'),
  };
}

interface Row {
  server: string;
  change: string;
  rssKb: number;
  heapKb: number;
  connectS: number;
  perViewer: number[];
  lastViewer: number[];
  loopP99Ms: number;
  loopMaxMs: number;
}

/** Sends `changes` changes and measures when every viewer has seen each. */
async function measure(viewers: Viewers, send: (i: number) => Promise<(tick: Record<string, unknown>) => boolean>) {
  const perViewer: number[] = [];
  const lastViewer: number[] = [];
  for (let i = 1; i <= changes; i++) {
    const t0 = performance.now();
    const match = await send(i);
    const seen = await viewers.waitAll(match);
    for (const at of seen) perViewer.push(at - t0);
    lastViewer.push(Math.max(...seen) - t0);
    await sleep(550);
  }
  return { perViewer, lastViewer };
}

async function runServer(mode: 'kos' | 'bare'): Promise<Row[]> {
  const server = await startChild(mode);
  const { port, apiKey, sessionId, kosCode, secret } = server.ready;
  const base = `http://127.0.0.1:${port}`;
  const viewers = new Viewers();
  try {
    const url = mode === 'kos' ? `${base}/api/v1/livestreams/${sessionId}/live` : `${base}/live`;
    const headers: Record<string, string> = mode === 'kos' ? { authorization: `Bearer ${apiKey}` } : {};
    // Warm-up: a few viewers come and go, so the measured ones pay no first-use costs.
    const warm = new Viewers();
    await warm.open(url, headers, 20);
    warm.closeAll();
    // RSS settles after the setup's garbage is collected and returned: two GCs a second apart.
    await server.probe();
    await sleep(1000);
    const before = await server.probe();
    const start = performance.now();
    await viewers.open(url, headers, viewerCount);
    const connectS = (performance.now() - start) / 1000;
    const after = await server.probe('loop-reset');
    const memory = {
      rssKb: (after.rss - before.rss) / viewerCount / 1024,
      heapKb: (after.heap - before.heap) / viewerCount / 1024,
      connectS,
    };
    const mb = (bytes: number) => format(bytes / 2 ** 20);
    console.log(
      `  [${mode}] ${viewerCount} viewers open in ${format(connectS)} s; RSS ${mb(before.rss)} → ${mb(after.rss)} MB, ` +
        `heap+external ${mb(before.heap)} → ${mb(after.heap)} MB`,
    );
    const loopOf = (p: Probe) => ({ loopP99Ms: p.loopP99Ms, loopMaxMs: p.loopMaxMs });
    const rows: Row[] = [];
    if (mode === 'bare') {
      const r = await measure(viewers, async (i) => {
        await fetch(`${base}/change?gmv=${i}`, { method: 'POST' });
        return (tick) => tick.gmvMinor === i;
      });
      rows.push({ server: 'bare node:http', change: 'POST → broadcast', ...memory, ...r, ...loopOf(await server.probe()) });
      return rows;
    }
    let gmv = Number(viewers.latest(0)?.gmvMinor ?? 0);
    const webhook = await measure(viewers, async (i) => {
      const gross = 100_000 + i;
      const req = signed(apiKey, secret, { lines: [liveLineOf(kosCode, `BENCH-${Date.now()}-${i}`, gross)] });
      const res = await fetch(`${base}/api/v1/webhooks/orders`, { method: 'POST', headers: req.headers, body: req.body });
      if (res.status !== 201) throw new Error(`webhook: ${res.status} ${await res.text()}`);
      gmv += gross;
      const expected = gmv;
      return (tick) => tick.gmvMinor === expected;
    });
    rows.push({
      server: 'kosmatrix',
      change: 'webhook line (jobs thread, poll)',
      ...memory,
      ...webhook,
      ...loopOf(await server.probe('loop-reset')),
    });
    const patch = await measure(viewers, async (i) => {
      const res = await fetch(`${base}/api/v1/livestreams/${sessionId}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ stats: { comments: i } }),
      });
      if (res.status !== 200) throw new Error(`patch: ${res.status} ${await res.text()}`);
      return (tick) => (tick.stats as { comments: number }).comments === i;
    });
    rows.push({
      server: 'kosmatrix',
      change: 'stats PATCH (same process, nudge)',
      ...memory,
      ...patch,
      ...loopOf(await server.probe()),
    });
    viewers.closeAll();
    await sleep(500);
    const hub = (await server.probe('hub')).hub;
    console.log(`  [kos] after the viewers left: ${hub?.sessions} watched sessions, ${hub?.viewers} viewers in the hub`);
    return rows;
  } finally {
    viewers.closeAll();
    server.stop();
  }
}

async function main(): Promise<void> {
  console.log(
    `live-room benchmark: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}, ` +
      `${viewerCount} viewers, ${changes} changes per kind; load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  const rows = [...(await runServer('bare')), ...(await runServer('kos'))];
  const floor = quantile(rows[0]?.perViewer ?? [], 0.5);
  console.log('');
  printTable(
    [
      'server',
      'change',
      'RSS KB/viewer',
      'heap KB/viewer',
      'open s',
      'p50 ms',
      'p99 ms',
      'last viewer p50',
      'p99',
      '× bare p50',
      'loop p99 ms',
      'max',
    ],
    rows.map((r) => [
      r.server,
      r.change,
      r.rssKb,
      r.heapKb,
      r.connectS,
      quantile(r.perViewer, 0.5),
      quantile(r.perViewer, 0.99),
      quantile(r.lastViewer, 0.5),
      quantile(r.lastViewer, 0.99),
      quantile(r.perViewer, 0.5) / Math.max(floor, 1e-3),
      r.loopP99Ms,
      r.loopMaxMs,
    ]),
  );
  console.log('\nContract: a tick within 2 000 ms of a change, at most one per 500 ms (docs/live-room.md).');
  process.exit(0);
}

await main();
