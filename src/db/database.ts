import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { sqlitePath } from '../config.js';
import { type DialectHelpers, dialectHelpers } from './dialect.js';
import type { DB } from './schema.js';

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

/** Opens the database named by a `sqlite:<path>` or `postgres://…` URL. */
export function createDatabase(databaseUrl: string, options: { poolSize?: number } = {}): Database {
  if (databaseUrl.startsWith('sqlite:')) {
    const path = sqlitePath(databaseUrl);
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const sqlite = new SQLite(path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
    return { db, dialect: dialectHelpers('sqlite'), close: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
  // An idle client dropped by the server (restart, failover) must not crash the process; the pool reconnects.
  pool.on('error', (error) => process.stderr.write(`database: idle connection lost (${error.message})\n`));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: dialectHelpers('postgres'), close: () => db.destroy() };
}

/**
 * Runs `work` in a transaction — the caller's own when `db` is one already, so use-cases compose
 * (the demo loader, an import, a payout close run several of them in one outer transaction).
 */
export function withTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
