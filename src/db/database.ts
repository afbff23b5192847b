import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, type Driver, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { sqlitePath } from '../config.js';
import { SqliteHandle, sqliteHandle } from './bulk-insert.js';
import { type DialectHelpers, dialectHelpers, isRetryableConflict } from './dialect.js';
import type { DB } from './schema.js';
import { waitForLocksOffTheLoop } from './sqlite-lock-wait.js';

export type Db = Kysely<DB>;

export interface Database {
  readonly db: Db;
  readonly dialect: DialectHelpers;
  close(): Promise<void>;
}

// int8 (bigint, COUNT) as a JS number: our values (epoch ms, minor units) stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));
// numeric (SUM over bigint) likewise.
pg.types.setTypeParser(1700, (value) => Number(value));

/**
 * Opens the database named by a `sqlite:<path>` or `postgres://…` URL. `walCheckpoints: false` (SQLite):
 * this connection's commits never checkpoint the WAL — the serving thread's, since the jobs thread
 * checkpoints (`checkpointWal`, docs/imports.md "Speed"): an import lets the WAL grow to ~100 MB between
 * checkpoints, and the commit of a request that met it would copy all of it on the serving event loop.
 */
export function createDatabase(databaseUrl: string, options: { poolSize?: number; walCheckpoints?: boolean } = {}): Database {
  if (databaseUrl.startsWith('sqlite:')) {
    const path = sqlitePath(databaseUrl);
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const sqlite = new SQLite(path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    if (options.walCheckpoints === false) sqlite.pragma('wal_autocheckpoint = 0');
    // The handle rides along as a no-op plugin for bulk writers (bulk-insert.ts).
    const db = new Kysely<DB>({ dialect: new ImmediateSqliteDialect(sqlite), plugins: [new SqliteHandle(sqlite)] });
    return { db, dialect: dialectHelpers('sqlite'), close: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
  // An idle client dropped by the server (restart, failover) must not crash the process; the pool reconnects.
  pool.on('error', (error) => process.stderr.write(`database: idle connection lost (${error.message})\n`));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: dialectHelpers('postgres'), close: () => db.destroy() };
}

/**
 * Copies what the WAL holds into the SQLite database without waiting for readers or writers (a passive
 * checkpoint); nothing on PostgreSQL, nor while this connection is inside a transaction (the next call
 * does it). The jobs thread runs it every CHECKPOINT_EVERY_MS, for the commits of connections that leave
 * checkpoints to it, and an import when it puts the connection's settings back (import-settings.ts).
 */
export async function checkpointWal(db: Db): Promise<void> {
  const sqlite = sqliteHandle(db)?.database;
  if (sqlite && !sqlite.inTransaction) sqlite.pragma('wal_checkpoint(PASSIVE)');
}
export const CHECKPOINT_EVERY_MS = 10_000;

/**
 * SQLite transactions that begin `IMMEDIATE`: they take the write lock at the start, waiting for it
 * without holding the event loop (sqlite-lock-wait.ts). A plain (deferred) transaction that reads and then
 * writes fails at once with SQLITE_BUSY when another connection — the background threads write clicks and
 * imports on their own — committed in between; it cannot wait, because its snapshot is stale.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: SQLite.Database) {
    super({ database: sqlite });
  }
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    waitForLocksOffTheLoop(driver, this.sqlite);
    return driver;
  }
}

/**
 * Runs `work` in a transaction — the caller's own when `db` is one already, so use-cases compose
 * (the demo loader, an import, a payout close run several of them in one outer transaction).
 */
export function withTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/**
 * Runs a transaction, again when it fails on a retryable conflict (busy, deadlock), up to `attempts`
 * times with a growing pause — for bulk work (an import chunk) that must not fail because a busy writer
 * (the click thread at full load) held the lock past the busy timeout. `work` must keep its effects inside
 * the transaction: it may run more than once.
 */
export async function withRetriedTransaction<T>(db: Db, work: (trx: Db) => Promise<T>, attempts = 12): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await withTransaction(db, work);
    } catch (error) {
      if (attempt >= attempts || db.isTransaction || !isRetryableConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(attempt * 250, 2000)));
    }
  }
}

/** Rows per statement when a list goes into SQL (`IN (…)`, multi-row INSERT): bounded parameter counts on both databases. */
export const SQL_CHUNK = 500;

/** Runs `work` on slices of at most SQL_CHUNK items, in order, and joins what the slices answer. */
export async function inChunks<T, R>(items: readonly T[], work: (slice: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += SQL_CHUNK) out.push(...(await work(items.slice(i, i + SQL_CHUNK))));
  return out;
}

/** Runs `work` on slices of at most SQL_CHUNK items, in order (writes that answer nothing). */
export async function eachChunk<T>(items: readonly T[], work: (slice: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += SQL_CHUNK) await work(items.slice(i, i + SQL_CHUNK));
}
