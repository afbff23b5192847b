import { type Kysely, sql } from 'kysely';
import { writersAreSerialised } from './locks.js';
import type { DB } from './schema.js';

/** Lines a bulk load stores before it first refreshes the statistics, and the least it stores between two refreshes. */
export const ANALYZE_MIN_ROWS = 5_000;

/**
 * Keeps PostgreSQL's planner statistics in step with a bulk load (docs/imports.md, "Planner statistics"):
 * a table filled faster than autovacuum looks (a minute at least) keeps the statistics of when it was
 * small or of never, and the planner then reads a chunk's stored lines by scanning every line of the org
 * — each chunk slower than the last. After a committed chunk, when the rows stored since the last refresh
 * reach the table's row count as last analysed (and at least ANALYZE_MIN_ROWS), the tables are analysed:
 * about log₂ of the rows' growth refreshes, each a sample of at most 30 000 rows. Nothing on SQLite, whose
 * planner prefers the indexes without statistics.
 */
export function plannerStatsKeeper(db: Kysely<DB>, tables: Partial<Record<keyof DB & string, readonly string[]>>) {
  const names = Object.keys(tables);
  // Only the columns the load's lookups filter on: a sample of 30 000 wide rows costs ~300 ms for every
  // column, ~100 ms for these (autovacuum refreshes the rest in its own time).
  const statement = `analyze ${names.map((t) => `"${t}" (${(tables[t as keyof DB] ?? []).map((c) => `"${c}"`).join(', ')})`).join(', ')}`;
  const active = !writersAreSerialised(db);
  let analysedRows: number | null = null;
  let since = 0;
  return {
    /** Call after a chunk committed, with the rows it added. */
    async afterCommit(added: number): Promise<void> {
      if (!active || added <= 0) return;
      since += added;
      if (since < ANALYZE_MIN_ROWS) return;
      try {
        analysedRows ??= await estimatedRows(db, names[0] as string);
        if (since < analysedRows) return;
        await sql.raw(statement).execute(db);
        analysedRows = await estimatedRows(db, names[0] as string);
        since = 0;
      } catch {
        // Statistics only speed the load up: a refresh that fails (a lost connection, a cancelled wait)
        // must not fail an import whose chunks committed. The next chunk tries again; autovacuum remains.
      }
    },
  };
}

/** The row count the planner believes (`reltuples`; −1, read as 0, before the first analyse). */
async function estimatedRows(db: Kysely<DB>, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select reltuples::float8 as n from pg_class where oid = ${table}::regclass`.execute(
    db,
  );
  return Math.max(0, Number(rows[0]?.n ?? 0));
}

/**
 * Inside a bulk load's transaction on PostgreSQL: prices a random page read like a sequential one, as for
 * data in memory or on SSD, so that a chunk's key lookups (`= any($1)` of 1 500 order ids) go through their
 * index instead of scanning the org's lines (8.6 against 120 ms at 200 000 lines, docs/benchmarks.md).
 * `set local` ends with the transaction. Nothing on SQLite.
 */
export async function preferIndexLookups(trx: Kysely<DB>): Promise<void> {
  if (writersAreSerialised(trx)) return;
  await sql`set local random_page_cost = 1.1`.execute(trx);
}
