import { type Kysely, SqliteAdapter, sql } from 'kysely';
import { eachChunk } from './database.js';
import type { DB } from './schema.js';

/**
 * Takes the row locks of `ids` in `table` for the rest of the caller's transaction (PostgreSQL:
 * `SELECT … FOR UPDATE`, in id order so two transactions cannot deadlock). SQLite serialises every
 * writer already: nothing to do there. A read, so any feature may lock a row it does not own — to
 * serialise its own writes that depend on that row (the org's owners, its plans; a KOS's ledger).
 */
export async function lockRows(db: Kysely<DB>, table: 'orgs' | 'kos', ids: Iterable<string>): Promise<void> {
  if (writersAreSerialised(db)) return;
  await eachChunk([...new Set(ids)].sort(), (slice) =>
    db.selectFrom(table).select('id').where('id', 'in', slice).orderBy('id').forUpdate().execute(),
  );
}

/**
 * Whether a write transaction already excludes every other writer (SQLite: one writer at a time), so that
 * per-row locks would add nothing. Read from the connection's adapter, where a use-case only has `db`.
 */
export function writersAreSerialised(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/**
 * Takes a lock on a name for the rest of the caller's transaction (PostgreSQL: `pg_advisory_xact_lock` of
 * the name's hash; nothing on SQLite, whose writers are serialised). For a rule that spans rows no single
 * row lock covers — "a KOS that enters an audience while its course is published is assigned" — taken
 * after the caller's own writes and before the reads that decide, so one of two racing transactions sees
 * the other's rows.
 */
export async function lockName(db: Kysely<DB>, name: string): Promise<void> {
  if (writersAreSerialised(db)) return;
  await sql`select pg_advisory_xact_lock(hashtext(${name}))`.execute(db);
}
