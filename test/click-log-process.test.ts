import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDatabase } from '../src/db/database.js';
import { decodeRecords, segmentNumber } from '../src/features/clicks/click-log-format.js';
import { runCli } from './support/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './support/database.js';
import { type ServerProcess, startServerProcess } from './support/process.js';

/** The ids of a link's clicks in an instance's click log files (what a crash leaves on disk). */
function loggedIds(dir: string, linkId: string): string[] {
  const names = readdirSync(dir).filter((name) => segmentNumber(name) !== null);
  return names.flatMap((name) =>
    decodeRecords(readFileSync(join(dir, name)))
      .clicks.filter((c) => c.linkId === linkId)
      .map((c) => c.clickId),
  );
}

/** `count` GETs of `url` over `connections` keep-alive connections, as fast as they go: the statuses. */
async function burst(url: string, count: number, connections: number): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const get = () =>
    new Promise<number>((resolve, reject) =>
      request(url, { agent, headers: { 'user-agent': 'Mozilla/5.0 (iPhone) burst' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      })
        .on('error', reject)
        .end(),
    );
  const statuses: number[] = [];
  let left = count;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (left-- > 0) statuses.push(await get());
    }),
  );
  agent.destroy();
  return statuses;
}

describe.each(DIALECTS)('the click log of a real process on %s (docs/clicks.md)', (dialect) => {
  let db: TestDatabase;
  let dataDir: string;
  let env: Record<string, string>;
  let apiKey: string;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    dataDir = mkdtempSync(join(tmpdir(), 'kos-clicklog-'));
    env = { KOS_DATABASE_URL: db.url, KOS_SECRET: 'click-log-test-secret-0123456789', KOS_DATA_DIR: dataDir };
    const created = await runCli(
      ['org', 'create', '--name', 'C', '--slug', `cl-${dialect}`, '--admin-email', `cl-${dialect}@example.com`].concat([
        '--admin-password',
        'password-c',
        '--json',
      ]),
      env,
    );
    apiKey = JSON.parse(created.stdout).apiKey;
  }, 60_000);
  afterAll(async () => {
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  let n = 0;
  const newLink = async (server: ServerProcess) => {
    n += 1;
    const api = (path: string, body: object) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<{ id: string; slug: string }>);
    const kos = await api('/api/v1/kos', { code: `CLP${n}`, handle: `clp-${n}-${dialect}`, name: 'P', relationship: 'agent' });
    return api('/api/v1/links', { kosId: kos.id, destinationUrl: 'https://example.com/?c={click_id}' });
  };
  const redirects = async (server: ServerProcess, slug: string, count: number) => {
    const statuses = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        fetch(`${server.url}/${slug}`, {
          redirect: 'manual',
          headers: { 'user-agent': `Mozilla/5.0 (iPhone) test/${i % 40}` },
        }).then((r) => r.status),
      ),
    );
    expect(statuses.every((s) => s === 302)).toBe(true);
  };
  const storedIds = async (linkId: string) => {
    const check = createDatabase(db.url);
    try {
      const rows = await check.db.selectFrom('clicks').select('click_id').where('link_id', '=', linkId).execute();
      return rows.map((r) => r.click_id);
    } finally {
      await check.close();
    }
  };

  test('SIGTERM loses nothing, and a restart counts on from there: every click once', async () => {
    const first = await startServerProcess([], env);
    const link = await newLink(first);
    await redirects(first, link.slug, 400);
    expect(await first.stop('SIGTERM')).toBe(0);
    expect(await storedIds(link.id)).toHaveLength(400);

    const second = await startServerProcess([], env);
    await redirects(second, link.slug, 250);
    expect(await second.stop('SIGTERM')).toBe(0);
    const ids = await storedIds(link.id);
    expect(ids).toHaveLength(650);
    expect(new Set(ids).size).toBe(650);
  }, 120_000);

  test('kill -9 after the batch was written: the restart stores exactly the clicks in the log, none twice', async () => {
    const server = await startServerProcess([], env);
    const link = await newLink(server);
    const sent = 500;
    await redirects(server, link.slug, sent);
    // Once the batch interval has passed, every answered click is in a segment file.
    const dir = join(dataDir, 'clicks', 'main');
    await expect.poll(() => loggedIds(dir, link.id).length, { timeout: 10_000 }).toBe(sent);
    // The ingester may have stored some, all or none of them by now; this run's segment stays on disk
    // (a segment is deleted only once a newer one exists and it has been read to its end).
    await server.stop('SIGKILL');
    const inLog = new Set(loggedIds(dir, link.id));
    expect(inLog.size).toBe(sent);

    const again = await startServerProcess([], env);
    expect(await again.stop('SIGTERM')).toBe(0);
    const ids = await storedIds(link.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(inLog);
  }, 120_000);

  test('a stop with a tiny budget leaves the rest of the log for the next start: every click once', async () => {
    // KOS_CLICK_STOP_BUDGET_S=0: the stop stores nothing more. While clicks pour in, the ingester stores
    // 500 a second and leaves the rest in the log (docs/clicks.md), so a burst leaves thousands there.
    const first = await startServerProcess([], { ...env, KOS_CLICK_STOP_BUDGET_S: '0' });
    const link = await newLink(first);
    const sent = 8000;
    const statuses = await burst(`${first.url}/${link.slug}`, sent, 16);
    expect(statuses.filter((s) => s === 302)).toHaveLength(sent);
    expect(await first.stop('SIGTERM')).toBe(0);
    const atStop = await storedIds(link.id);
    const dir = join(dataDir, 'clicks', 'main');
    const inLog = new Set(loggedIds(dir, link.id));
    expect(atStop.length).toBeLessThan(sent);
    expect(first.output()).toMatch(/the rest goes at the next start/);
    // Nothing lost at the stop: what is not stored is in the log.
    expect(new Set([...atStop, ...inLog]).size).toBe(sent);

    const second = await startServerProcess([], env);
    expect(await second.stop('SIGTERM')).toBe(0);
    const ids = await storedIds(link.id);
    expect(ids).toHaveLength(sent);
    expect(new Set(ids).size).toBe(sent);
  }, 180_000);
});
