// Click ingestion micro-benchmark (docs/clicks.md "Ingestion", docs/benchmarks.md "Redirect"): the CPU
// time the ingester spends per click, from a click log on disk into `clicks` + `link_daily`, split into
// its stages (read + decode, enrich, store), against a floor measured in the same run: better-sqlite3
// inserting the same, already enriched rows with one prepared statement, 5 000 a transaction.
// Usage: npm run bench:click-ingest [-- --clicks 100000 --postgres]
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { ClickEnricher } from '../src/features/clicks/click-enrich.js';
import { ClickIngester } from '../src/features/clicks/click-ingester.js';
import { ClickLog } from '../src/features/clicks/click-log.js';
import { decodeRecords, segmentNumber } from '../src/features/clicks/click-log-format.js';
import type { PendingClick } from '../src/features/clicks/click-writer.js';
import { RepeatDetector } from '../src/features/clicks/clicks.js';
import type { ClickRow } from '../src/features/clicks/clicks.repository.js';
import { createPostgresDatabase, flag, openDatabase, postgresReachable, sizeOption } from './support-common.js';

const CLICKS = sizeOption('clicks', 'BENCH_CLICKS', 100_000);
const SECRET = 'bench-secret-not-for-production';
const LINKS = 200;
const VISITORS = 20_000;
const AGENTS = [
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 musical_ly_32.1.0',
  'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36 BytedanceWebview',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36',
  'Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148',
  'facebookexternalhit/1.1',
];

const cpuMicros = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};
async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; cpu: number; wall: number }> {
  const [c, w] = [cpuMicros(), performance.now()];
  const value = await work();
  return { value, cpu: cpuMicros() - c, wall: performance.now() - w };
}
const perClick = (micros: number) => `${(micros / CLICKS).toFixed(2)} µs`;

/** A livestream-shaped stream: 200 links of one org, 20 000 viewers, a few app user agents, half with a referer. */
function clickAt(i: number): PendingClick {
  const visitor = (i * 7919) % VISITORS;
  const link = i % LINKS;
  return {
    clickId: `b${String(i).padStart(11, '0')}`,
    orgId: 'benchorg0001',
    linkId: `link${String(link).padStart(8, '0')}`,
    kosId: `kos${String(link % 50).padStart(9, '0')}`,
    timezone: 'Asia/Ho_Chi_Minh',
    at: Date.parse('2026-11-11T12:00:00Z') + Math.floor((i * 3_600_000) / CLICKS),
    ip: `10.${(visitor >> 8) & 255}.${visitor & 255}.${visitor % 7}`,
    userAgent: AGENTS[visitor % AGENTS.length],
    referer: i % 2 ? 'https://www.tiktok.com/@shop/live' : undefined,
  };
}

async function writeLog(dir: string): Promise<void> {
  const log = new ClickLog(dir, { fsync: 'off' });
  for (let i = 0; i < CLICKS; i++) await log.push(clickAt(i));
  await log.close();
}

function readLog(dir: string): PendingClick[] {
  const names = readdirSync(dir).filter((name) => segmentNumber(name) !== null);
  return names.sort().flatMap((name) => decodeRecords(readFileSync(join(dir, name))).clicks);
}

/** The floor: the same rows through one reused prepared statement, 5 000 a transaction, no rollup. */
function bareInsert(file: string, rows: ClickRow[]): void {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.exec(`create table clicks (click_id text primary key, org_id text not null, link_id text not null,
    kos_id text not null, clicked_at bigint not null, visitor_hash text not null, user_agent text, referrer_host text,
    device text not null, is_bot integer not null, is_unique integer not null);
    create index clicks_link_time on clicks (link_id, clicked_at); create index clicks_org_time on clicks (org_id, clicked_at);`);
  const insert = sqlite.prepare('insert into clicks values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing');
  const store = sqlite.transaction((slice: ClickRow[]) => {
    for (const c of slice) {
      insert.run(
        c.clickId,
        c.orgId,
        c.linkId,
        c.kosId,
        c.clickedAt,
        c.visitorHash,
        c.userAgent,
        c.referrerHost,
        c.device,
        +c.isBot,
        +c.isUnique,
      );
    }
  });
  for (let i = 0; i < rows.length; i += 5000) store(rows.slice(i, i + 5000));
  sqlite.close();
}

async function ingest(url: string, dir: string) {
  const database = await openDatabase(url);
  try {
    const ingester = new ClickIngester(database.db, SECRET, dir);
    const run = await timed(() => ingester.drain());
    const stored = await database.db
      .selectFrom('clicks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(stored.n) !== CLICKS) throw new Error(`stored ${stored.n} clicks, expected ${CLICKS}`);
    return run;
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log(`click ingestion: ${CLICKS} clicks, ${cpus().length} cores, Node ${process.version}, load average ${load()}`);
  const dir = await mkdtemp(join(tmpdir(), 'kos-bench-ingest-'));
  try {
    const logDir = join(dir, 'clicks', 'main');
    await writeLog(logDir);
    const decode = await timed(() => readLog(logDir));
    const repeats = new RepeatDetector();
    // A fresh enricher per click: nothing remembered but the repeats, each click computed on its own.
    const oneByOne = await timed(() => decode.value.map((c) => new ClickEnricher(SECRET, repeats).enrich(c)));
    const enricher = new ClickEnricher(SECRET, new RepeatDetector());
    const enrich = await timed(() => decode.value.map((c) => enricher.enrich(c)));
    if (JSON.stringify(enrich.value) !== JSON.stringify(oneByOne.value))
      throw new Error('the caching ClickEnricher differs from one click at a time');
    const bare = await timed(() => bareInsert(join(dir, 'bare.db'), enrich.value));
    // The ingester deletes the segments it finishes: a copy of the log for each database.
    const copies = [join(dir, 'copy-pg', 'main')];
    if (flag('postgres')) await writeLog(copies[0] as string);
    const sqlite = await ingest(`sqlite:${join(dir, 'kos.db')}`, logDir);
    console.log(`  read + decode        ${perClick(decode.cpu)} CPU per click`);
    console.log(`  one click at a time  ${perClick(oneByOne.cpu)} (a fresh enricher per click: no caches)`);
    console.log(`  ClickEnricher        ${perClick(enrich.cpu)} (the ingester's: per-agent, per-visitor, per-minute caches)`);
    console.log(`  bare prepared insert ${perClick(bare.cpu)} (the floor: no enrichment, no rollup)`);
    console.log(
      `  ingester, SQLite     ${perClick(sqlite.cpu)} CPU per click, ${Math.round((CLICKS / sqlite.wall) * 1000)} clicks/s ` +
        `— ${(sqlite.cpu / (decode.cpu + enrich.cpu + bare.cpu)).toFixed(2)}× decode + enrich + bare insert`,
    );
    if (flag('postgres')) {
      if (!(await postgresReachable())) console.log('  PostgreSQL not reachable: skipped');
      else {
        const pg = await createPostgresDatabase('kos_bench_ingest');
        try {
          const run = await ingest(pg.url, copies[0] as string);
          console.log(
            `  ingester, PostgreSQL ${perClick(run.cpu)} CPU per click in this process, ` +
              `${Math.round((CLICKS / run.wall) * 1000)} clicks/s`,
          );
        } finally {
          await pg.drop();
        }
      }
    }
    console.log(`load average ${load()}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
