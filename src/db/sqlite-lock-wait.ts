import type SQLite from 'better-sqlite3';
import type { DatabaseConnection, Driver } from 'kysely';
import { isRetryableConflict } from './dialect.js';

/** How long a statement may wait for another connection's write lock before it fails busy, in ms. */
export const LOCK_WAIT_MS = 5000;
/** SQLite's own wait for the lock (its busy timeout) per attempt, in ms: it blocks the thread, so it stays short. */
export const SYNC_BUSY_MS = 10;

/**
 * Makes a SQLite connection wait for the write lock without holding its event loop (docs/architecture.md,
 * "Waiting for SQLite's write lock"). SQLite's busy timeout waits inside the call — with better-sqlite3's
 * synchronous API, on the event loop: a request that wrote while an import chunk held the lock stopped
 * every request of the process until the chunk committed. Here SQLite waits SYNC_BUSY_MS at most; a
 * statement that still finds the lock taken, outside a transaction (an autocommit write, or the `begin
 * immediate` that opens every transaction), had no effect, and is run again after a pause on a timer,
 * until LOCK_WAIT_MS have passed — then it fails busy, as the busy timeout did.
 */
export function waitForLocksOffTheLoop(driver: Driver, sqlite: SQLite.Database): void {
  sqlite.pragma(`busy_timeout = ${SYNC_BUSY_MS}`);
  const acquire = driver.acquireConnection.bind(driver);
  const patched = new WeakSet<DatabaseConnection>();
  driver.acquireConnection = async () => {
    const connection = await acquire();
    if (patched.has(connection)) return connection;
    patched.add(connection);
    const execute = connection.executeQuery.bind(connection);
    connection.executeQuery = async (query) => {
      const start = Date.now();
      for (let attempt = 0; ; attempt++) {
        try {
          return await execute(query);
        } catch (error) {
          if (!isRetryableConflict(error) || sqlite.inTransaction || Date.now() - start >= LOCK_WAIT_MS) throw error;
          await new Promise((resolve) => setTimeout(resolve, Math.min(2 ** attempt, 20)));
        }
      }
    };
    return connection;
  };
}
