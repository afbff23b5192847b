import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createDatabase } from '../src/db/database.js';
import { decodeRecords, segmentNumber } from '../src/features/clicks/click-log-format.js';
import { randomAlphanumeric } from '../src/lib/ids.js';
import { natsNames } from '../src/lib/nats.js';
import { runCli } from './support/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './support/database.js';
import { type KosProcess, natsReachable, startWorkerProcess, TEST_NATS_URL } from './support/nats.js';
import { type ServerProcess, startServerProcess } from './support/process.js';

// docs/deployment.md: several `kos serve` on one PostgreSQL, clicks through NATS JetStream to `kos worker`.
const natsUp = await natsReachable();
const postgresUp = DIALECTS.includes('postgres');
if (!natsUp) console.warn(`NATS unreachable at ${TEST_NATS_URL} — multi-process (NATS) tests SKIPPED`);
if (!postgresUp) console.warn('PostgreSQL unreachable — multi-process (NATS) tests SKIPPED');

/** The ids of a link's clicks in an instance's click log files (what a crash leaves on disk). */
function loggedIds(dir: string, linkId: string): string[] {
  const names = readdirSync(dir).filter((name) => segmentNumber(name) !== null);
  return names.flatMap((name) =>
    decodeRecords(readFileSync(join(dir, name)))
      .clicks.filter((c) => c.linkId === linkId)
      .map((c) => c.clickId),
  );
}

/** The ids of `ids` that are not in `set`. */
const outside = (ids: string[], set: Set<string>) => ids.filter((id) => !set.has(id));

describe.skipIf(!natsUp || !postgresUp)('several servers and a worker through NATS JetStream (PostgreSQL)', () => {
  let db: TestDatabase;
  let apiKey: string;
  const dirs: string[] = [];
  const running: (ServerProcess | KosProcess)[] = [];
  const base = { KOS_SECRET: 'nats-cluster-test-secret-0123456789', KOS_LOGIN_HASH_RATE: '1000' };

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    const created = await runCli(
      ['org', 'create', '--name', 'N', '--slug', 'nats', '--admin-email', 'owner@nats.test'].concat([
        '--admin-password',
        'password-n',
        '--json',
      ]),
      { ...base, KOS_DATABASE_URL: db.url },
    );
    apiKey = JSON.parse(created.stdout).apiKey;
  }, 60_000);
  const prefixes: string[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((p) => p.stop('SIGKILL')));
    // Each test's stream goes with it.
    const nc = await connect({ servers: TEST_NATS_URL });
    const jsm = await jetstreamManager(nc);
    for (const prefix of prefixes.splice(0)) await jsm.streams.delete(natsNames(prefix).stream).catch(() => {});
    await nc.close();
  });
  afterAll(async () => {
    await db.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** The environment of one deployment: a stream (prefix) of its own per test. */
  const deployment = () => {
    const prefix = `t${randomAlphanumeric(10)}`;
    prefixes.push(prefix);
    return { ...base, KOS_DATABASE_URL: db.url, KOS_NATS_URL: TEST_NATS_URL, KOS_NATS_PREFIX: prefix };
  };
  const server = async (env: Record<string, string>, instance: string, dataDir?: string) => {
    const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'kos-nats-'));
    if (!dataDir) dirs.push(dir);
    const started = await startServerProcess([], { ...env, KOS_DATA_DIR: dir, KOS_INSTANCE: instance });
    running.push(started);
    return Object.assign(started, { dir, logDir: join(dir, 'clicks', instance) });
  };
  const worker = async (env: Record<string, string>) => {
    const started = await startWorkerProcess(env);
    running.push(started);
    return started;
  };
  const api = (s: ServerProcess, method: string, path: string, body?: object) =>
    fetch(`${s.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as { id: string; slug: string } }));
  let n = 0;
  const newLink = async (s: ServerProcess) => {
    n += 1;
    const kos = await api(s, 'POST', '/api/v1/kos', { code: `NAT${n}`, handle: `nat-${n}`, name: 'N', relationship: 'agent' });
    return (await api(s, 'POST', '/api/v1/links', { kosId: kos.body.id, destinationUrl: 'https://example.com/?c={click_id}' }))
      .body;
  };
  const redirect = (s: ServerProcess, slug: string, i = 0) =>
    fetch(`${s.url}/${slug}`, { redirect: 'manual', headers: { 'user-agent': `Mozilla/5.0 (iPhone) nats/${i % 50}` } }).then(
      (r) => r.status,
    );
  /** `count` redirects, 40 at a time; resolves once every one was answered 302. */
  const load = async (s: ServerProcess, slug: string, count: number) => {
    let next = 0;
    const lane = async () => {
      while (next < count) {
        const i = next++;
        expect(await redirect(s, slug, i)).toBe(302);
      }
    };
    await Promise.all(Array.from({ length: 40 }, lane));
  };
  /** Stored clicks of a link, and what its rollup counts (clicks + bots: every stored click once). */
  const stored = async (linkId: string) => {
    const check = createDatabase(db.url);
    try {
      const rows = await check.db.selectFrom('clicks').select('click_id').where('link_id', '=', linkId).execute();
      const rollup = await check.db
        .selectFrom('link_daily')
        .select((eb) => [eb.fn.sum<number>('clicks').as('clicks'), eb.fn.sum<number>('bots').as('bots')])
        .where('link_id', '=', linkId)
        .executeTakeFirst();
      return { ids: rows.map((r) => r.click_id), counted: Number(rollup?.clicks ?? 0) + Number(rollup?.bots ?? 0) };
    } finally {
      await check.close();
    }
  };

  test('kill -9 of one server under load: every click it wrote, and all of the other’s, stored exactly once', async () => {
    const env = deployment();
    const a = await server(env, 'a');
    const b = await server(env, 'b');
    const storing = await worker(env);
    const linkA = await newLink(a);
    const linkB = await newLink(b);
    const sentB = 2500;
    const loadB = load(b, linkB.slug, sentB);
    // A is answering redirects all along; once it answered 1 500, wait until those are in a written batch
    // (the batch interval has passed), then kill it in the middle of its load.
    const answered: string[] = [];
    let killed = false;
    const lane = async () => {
      for (let i = 0; !killed; i++) {
        const r = await fetch(`${a.url}/${linkA.slug}`, {
          redirect: 'manual',
          headers: { 'user-agent': `Mozilla/5.0 nats/${i % 50}` },
        })
          .then((r) => r.headers.get('location'))
          .catch(() => null);
        const id = r && new URL(r).searchParams.get('c');
        if (id && !killed) answered.push(id);
      }
    };
    const loadA = Promise.all(Array.from({ length: 20 }, lane));
    await expect.poll(() => answered.length, { timeout: 60_000, interval: 20 }).toBeGreaterThanOrEqual(1500);
    const first = answered.slice();
    await expect
      .poll(() => outside(first, new Set(loggedIds(a.logDir, linkA.id))), { timeout: 10_000, interval: 10 })
      .toEqual([]);
    await a.stop('SIGKILL');
    killed = true;
    await loadA;
    const inLog = new Set(loggedIds(a.logDir, linkA.id));
    // The log holds only answered clicks, and every click answered before its last written batch.
    expect(outside([...inLog], new Set(answered))).toEqual([]);
    expect(outside(first, inLog)).toEqual([]);
    await loadB;
    expect(await b.stop('SIGTERM')).toBe(0);
    // What A had forwarded before the kill is stored; the rest waits in its log, on its disk.
    const beforeRestart = await stored(linkA.id);
    expect(outside(beforeRestart.ids, inLog)).toEqual([]);

    // A starts again on its folder, its forwarding checkpoint removed: it publishes its whole log again,
    // batches JetStream or the worker has already seen included — none may count twice.
    rmSync(join(a.logDir, 'forwarded'), { force: true });
    const again = await server(env, 'a', a.dir);
    expect(await again.stop('SIGTERM')).toBe(0);
    await expect.poll(async () => (await stored(linkA.id)).ids.length, { timeout: 30_000, interval: 200 }).toBe(inLog.size);
    await expect.poll(async () => (await stored(linkB.id)).ids.length, { timeout: 30_000, interval: 200 }).toBe(sentB);
    expect(await storing.stop('SIGTERM')).toBe(0);

    const storedA = await stored(linkA.id);
    expect(new Set(storedA.ids)).toEqual(inLog);
    expect(storedA.counted).toBe(inLog.size);
    const storedB = await stored(linkB.id);
    expect(new Set(storedB.ids).size).toBe(sentB);
    expect(storedB.counted).toBe(sentB);
  }, 180_000);

  test('a link disabled through one server stops redirecting on the other at once; servers as workers store clicks', async () => {
    // No `kos worker`: both servers store clicks too, from the shared consumer (KOS_NATS_WORKER).
    const env = { ...deployment(), KOS_NATS_WORKER: 'on' };
    const a = await server(env, 'a');
    const b = await server(env, 'b');
    const link = await newLink(a);
    // B has the link in its cache (30 s TTL) once it answered it.
    expect(await redirect(b, link.slug)).toBe(302);
    expect(await redirect(b, link.slug)).toBe(302);
    expect((await api(a, 'PATCH', `/api/v1/links/${link.id}`, { disabled: true })).status).toBe(200);
    expect(await redirect(a, link.slug)).toBe(410);
    // B may still answer a 302 or two while the change is on its way: each one is a click to store.
    let answered = 2;
    const onB = async () => {
      const status = await redirect(b, link.slug);
      if (status === 302) answered += 1;
      return status;
    };
    await expect.poll(onB, { timeout: 10_000, interval: 50 }).toBe(410);
    await expect.poll(async () => (await stored(link.id)).counted, { timeout: 30_000, interval: 200 }).toBe(answered);
  }, 60_000);

  test('NATS unreachable: redirects are answered, the clicks wait in the log, and go once NATS is there', async () => {
    const env = deployment();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const down = await server({ ...env, KOS_NATS_URL: `nats://127.0.0.1:${port}` }, 'a');
    const link = await newLink(down);
    await load(down, link.slug, 300);
    await expect.poll(() => loggedIds(down.logDir, link.id).length, { timeout: 10_000 }).toBe(300);
    // A graceful stop gives up on NATS after a few seconds and leaves the clicks in the log.
    expect(await down.stop('SIGTERM')).toBe(0);
    expect(loggedIds(down.logDir, link.id)).toHaveLength(300);
    expect((await stored(link.id)).ids).toHaveLength(0);

    await worker(env);
    const back = await server(env, 'a', down.dir);
    await expect.poll(async () => (await stored(link.id)).counted, { timeout: 30_000, interval: 200 }).toBe(300);
    expect(await back.stop('SIGTERM')).toBe(0);
    expect(new Set((await stored(link.id)).ids).size).toBe(300);
  }, 120_000);

  test('sign-in attempts are counted across servers (the limiter lives in PostgreSQL)', async () => {
    const env = deployment();
    const a = await server(env, 'a');
    const b = await server(env, 'b');
    const login = (s: ServerProcess) =>
      fetch(`${s.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: s.url },
        body: JSON.stringify({ email: 'owner@nats.test', password: 'wrong-password' }),
      }).then((r) => r.status);
    // Ten failed attempts for one e-mail from one address, five on each server, use up that window.
    for (let i = 0; i < 5; i++) {
      expect(await login(a)).toBe(401);
      expect(await login(b)).toBe(401);
    }
    expect(await login(a)).toBe(429);
    expect(await login(b)).toBe(429);
  }, 60_000);
});

describe('NATS settings', () => {
  test('kos worker without KOS_NATS_URL, or with a bad one, stops with a line naming the variable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kos-nats-cfg-'));
    try {
      const env = { KOS_DATA_DIR: dir, KOS_SECRET: 'nats-config-test-secret-01234567', KOS_NATS_URL: '' };
      const unset = await runCli(['worker'], env);
      expect(unset.code).toBe(78);
      expect(unset.stderr).toContain('KOS_NATS_URL');
      const bad = await runCli(['worker'], { ...env, KOS_NATS_URL: 'http://nats.internal' });
      expect(bad.code).toBe(78);
      expect(bad.stderr).toContain('KOS_NATS_URL: must be nats://host:port');
      const worker = await runCli(['worker'], { ...env, KOS_NATS_URL: 'nats://127.0.0.1:4222', KOS_NATS_WORKER: 'maybe' });
      expect(worker.stderr).toContain('KOS_NATS_WORKER: must be on or off');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
