import type { Kysely } from 'kysely';
import { type SqliteHandle, sqliteHandle } from './bulk-insert.js';
import type { DB } from './schema.js';

/** SQLite's page cache while an import runs on the connection, in KiB (its default is 2 000). */
export const IMPORT_CACHE_KIB = 65_536;

const raised = new WeakMap<SqliteHandle, { imports: number; previous: unknown }>();

/**
 * Runs `work` (an import) with the SQLite connection's page cache raised to IMPORT_CACHE_KIB
 * (docs/imports.md, "Speed"): the random pages of the order-id and order-time indexes that a chunk
 * touches are kept instead of read again and spilled, −13 % wall time on a fresh 1 000 000-line import
 * for +58 MB of peak RSS (benchmarks.md). Imports on one connection share the raise; the last to end
 * puts the connection's own size back, which frees the pages beyond it. Nothing on PostgreSQL.
 */
export async function withImportCache<T>(db: Kysely<DB>, work: () => Promise<T>): Promise<T> {
  const handle = sqliteHandle(db);
  if (!handle) return work();
  let state = raised.get(handle);
  if (!state) {
    state = { imports: 0, previous: handle.database.pragma('cache_size', { simple: true }) };
    raised.set(handle, state);
    handle.database.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  }
  state.imports += 1;
  try {
    return await work();
  } finally {
    state.imports -= 1;
    if (state.imports === 0) {
      raised.delete(handle);
      handle.database.pragma(`cache_size = ${Number(state.previous)}`);
    }
  }
}
