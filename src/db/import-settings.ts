import type { Kysely } from 'kysely';
import { type SqliteHandle, sqliteHandle } from './bulk-insert.js';
import { checkpointWal } from './database.js';
import type { DB } from './schema.js';

/** SQLite's page cache while an import runs on the connection, in KiB (better-sqlite3 builds SQLite with 16 000). */
export const IMPORT_CACHE_KIB = 49_152;
/** WAL pages after which a commit checkpoints while an import runs (SQLite's default is 1 000: 4 MB). */
export const IMPORT_CHECKPOINT_PAGES = 25_000;

const raised = new WeakMap<SqliteHandle, { imports: number; cacheSize: unknown; checkpoint: unknown }>();

/**
 * Runs `work` (an import's store pass) with the SQLite connection set for bulk writes (docs/imports.md,
 * "Speed"), on a fresh 1 000 000-line import:
 * - the page cache raised to IMPORT_CACHE_KIB: the random pages of the order-id and order-time indexes a
 *   chunk touches stay cached instead of being read again and spilled (64 MB: −13 % wall time for +58 MB of
 *   peak RSS, which with the rest passed 300 MB in two runs of five: 48 MB keeps it at 239–278 MB);
 * - a checkpoint every IMPORT_CHECKPOINT_PAGES WAL pages (~100 MB) instead of every 4 MB: a chunk's
 *   commit writes tens of MB of pages, so each commit checkpointed — copied every page into the database
 *   and synced both files; now about every fifth does, and a page changed by several chunks is copied
 *   once (−20 % more). The WAL file grows to about that size during an import.
 * Imports on one connection share the settings; the last to end puts the connection's own back (which
 * frees the cache's pages beyond it) and checkpoints what the WAL holds, without waiting on readers.
 * Nothing on PostgreSQL.
 */
export async function withImportSettings<T>(db: Kysely<DB>, work: () => Promise<T>): Promise<T> {
  const handle = sqliteHandle(db);
  if (!handle) return work();
  const sqlite = handle.database;
  let state = raised.get(handle);
  if (!state) {
    state = {
      imports: 0,
      cacheSize: sqlite.pragma('cache_size', { simple: true }),
      checkpoint: sqlite.pragma('wal_autocheckpoint', { simple: true }),
    };
    raised.set(handle, state);
    sqlite.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
    sqlite.pragma(`wal_autocheckpoint = ${IMPORT_CHECKPOINT_PAGES}`);
  }
  state.imports += 1;
  try {
    return await work();
  } finally {
    state.imports -= 1;
    if (state.imports === 0) {
      raised.delete(handle);
      sqlite.pragma(`cache_size = ${Number(state.cacheSize)}`);
      sqlite.pragma(`wal_autocheckpoint = ${Number(state.checkpoint)}`);
      await checkpointWal(db);
    }
  }
}
