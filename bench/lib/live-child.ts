// A server for the live-room benchmark, in a child process of its own (so its RSS is its own), told what to
// do over IPC. `kos`: kosmatrix on a temporary SQLite file with one live session of a demo-like org (a KOS,
// its TikTok account, three products with stock, 1 000 lines already tied to the session). `bare`: a plain
// node:http server that broadcasts a tick to its SSE clients when `POST /change?gmv=N` comes — the floor.
// Run with `node --expose-gc --import tsx bench/lib/live-child.ts <kos|bare>`.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { liveLineOf, type Ready, type Request, signed } from './live-lines.js';

const SECRET = 'whsec-bench-live-0123456789';
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
const gc = (globalThis as { gc?: () => void }).gc;

async function startKos(): Promise<{ ready: Ready; app: FastifyInstance }> {
  // Loaded here, so the bare server's process holds none of kosmatrix.
  const { buildApp } = await import('../../src/app.js');
  const { loadConfig } = await import('../../src/config.js');
  const { createDatabase } = await import('../../src/db/database.js');
  const { migrateToLatest } = await import('../../src/db/migrate.js');
  const { createOrg } = await import('../../src/features/orgs/orgs.service.js');
  const dir = mkdtempSync(join(tmpdir(), 'kos-bench-live-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const config = loadConfig({
    KOS_DATABASE_URL: `sqlite:${join(dir, 'kos.db')}`,
    KOS_DATA_DIR: dir,
    KOS_SECRET: 'bench-secret-not-for-production',
    KOS_LOG_LEVEL: 'warn',
    KOS_SCHEDULER: 'off',
  });
  const database = createDatabase(config.databaseUrl);
  await migrateToLatest(database.db);
  const { apiKey } = await createOrg(database.db, {
    name: 'Live bench',
    slug: 'live-bench',
    adminEmail: 'live-bench@example.com',
    adminPassword: 'bench-password-not-secret',
  });
  const app = await buildApp({ config, database });
  const call = async (method: 'POST' | 'PATCH', url: string, payload: object) => {
    const res = await app.inject({ method, url, headers: { authorization: `Bearer ${apiKey}` }, payload });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string };
  };
  await call('PATCH', '/api/v1/org', { webhookSecret: SECRET });
  const kosCode = 'LAN01';
  const kos = await call('POST', '/api/v1/kos', {
    code: kosCode,
    handle: 'lan.beauty',
    name: 'Nguyễn Thị Lan',
    relationship: 'independent',
    status: 'active',
  });
  const account = await call('POST', `/api/v1/kos/${kos.id}/accounts`, { platform: 'tiktok_shop', handle: 'lan.live' });
  const products = [];
  for (const [sku, name, stock] of [
    ['SRM50', 'Serum Hoa Sen 50ml', 400],
    ['KEM30', 'Kem dưỡng 30g', 250],
    ['SUA100', 'Sữa rửa mặt 100ml', 120],
  ] as const)
    products.push((await call('POST', '/api/v1/products', { sku, name, priceMinor: 249_000, stock })).id);
  const start = Date.now() - 3_600_000;
  const session = await call('POST', '/api/v1/livestreams', {
    kosId: kos.id,
    accountId: account.id,
    title: 'Flash sale serum',
    scheduledStart: new Date(start).toISOString(),
    scheduledEnd: new Date(start + 3 * 3_600_000).toISOString(),
    actualStart: new Date(start).toISOString(),
    status: 'live',
    productIds: products,
    stats: { views: 12_000, viewers: 800 },
  });
  for (let chunk = 0; chunk < 4; chunk++) {
    const lines = Array.from({ length: 250 }, (_, i) => liveLineOf(kosCode, `PRE-${chunk}-${i}`, 249_000));
    const req = signed(apiKey, SECRET, { lines });
    const res = await app.inject({ method: 'POST', url: '/api/v1/webhooks/orders', headers: req.headers, payload: req.body });
    if (res.statusCode !== 201) throw new Error(`preload: ${res.statusCode} ${res.body}`);
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  return { ready: { port, apiKey, sessionId: session.id, kosCode, secret: SECRET }, app };
}

function startBare(): Promise<Ready> {
  const clients = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    if (req.method === 'POST' && req.url?.startsWith('/change')) {
      const gmvMinor = Number(new URL(req.url, 'http://x').searchParams.get('gmv'));
      const frame = `event: tick\ndata: ${JSON.stringify({ gmvMinor, orders: 0, lines: 0, lastOrderAt: null })}\n\n`;
      for (const client of clients) client.write(frame);
      res.writeHead(204).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(`retry: 2000\n\nevent: tick\ndata: ${JSON.stringify({ gmvMinor: 0 })}\n\n`);
    clients.add(res);
    res.on('close', () => clients.delete(res));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ port: (server.address() as AddressInfo).port, apiKey: '', sessionId: '', kosCode: '', secret: '' }),
    ),
  );
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  let app: FastifyInstance | null = null;
  let ready: Ready;
  if (mode === 'kos') ({ ready, app } = await startKos());
  else ready = await startBare();
  process.on('message', (message: Request) => {
    gc?.();
    const memory = process.memoryUsage();
    process.send?.({
      id: message.id,
      rss: memory.rss,
      heap: memory.heapUsed + memory.external + memory.arrayBuffers,
      loopMaxMs: loop.max / 1e6,
      loopP99Ms: loop.percentile(99) / 1e6,
      hub: app ? app.liveHub.sizes : null,
    });
    if (message.op === 'loop-reset') loop.reset();
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ ready });
}

if (process.send) await main();
