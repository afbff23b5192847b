import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, test } from 'vitest';
import { sqliteHandle } from './bulk-insert.js';
import { createDatabase, type Database } from './database.js';
import { LOCK_WAIT_MS } from './sqlite-lock-wait.js';

// A SQLite connection waits for another connection's write lock on a timer, not inside the call: the event
// loop keeps running meanwhile (sqlite-lock-wait.ts). Reproduced: with SQLite's own 5 s busy timeout the
// waiting write held the event loop, so the holder — released by a timer of the same thread — could not
// commit, and the write failed busy after 5 s. SQLite only: PostgreSQL waits for row locks on the server.
describe('waiting for the write lock on sqlite', () => {
  const dirs: string[] = [];
  const opened: Database[] = [];
  afterEach(async () => {
    for (const database of opened.splice(0)) await database.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** Two connections to one new database file, with a table `t`; the first holds the write lock. */
  async function twoConnections() {
    const dir = mkdtempSync(join(tmpdir(), 'kos-lock-'));
    dirs.push(dir);
    const url = `sqlite:${join(dir, 'kos.db')}`;
    const holder = createDatabase(url);
    const writer = createDatabase(url);
    opened.push(holder, writer);
    await sql`create table t (x integer not null)`.execute(holder.db);
    const handle = sqliteHandle(holder.db)?.database;
    if (!handle) throw new Error('no SQLite handle');
    handle.exec('begin immediate');
    const count = async () => (await sql<{ n: number }>`select count(*) as n from t`.execute(writer.db)).rows[0]?.n;
    return { handle, writer: writer.db, count };
  }

  /** Commits the holder's transaction from a timer of this thread after `ms`; tells whether it ran. */
  const releaseAfter = (handle: { exec(text: string): unknown }, ms: number) => {
    const state = { released: false };
    setTimeout(() => {
      handle.exec('commit');
      state.released = true;
    }, ms);
    return state;
  };

  test('a write outside a transaction waits while the event loop runs, then is stored once', async () => {
    const { handle, writer, count } = await twoConnections();
    const state = releaseAfter(handle, 200);
    await sql`insert into t (x) values (1)`.execute(writer);
    expect(state.released).toBe(true);
    expect(await count()).toBe(1);
  });

  test('a transaction waits at its begin the same way, and runs whole once', async () => {
    const { handle, writer, count } = await twoConnections();
    const state = releaseAfter(handle, 200);
    let runs = 0;
    await writer.transaction().execute(async (trx) => {
      runs += 1;
      await sql`insert into t (x) values (2)`.execute(trx);
      await sql`insert into t (x) values (3)`.execute(trx);
    });
    expect(state.released).toBe(true);
    expect(runs).toBe(1);
    expect(await count()).toBe(2);
  });

  test(`a lock held past ${LOCK_WAIT_MS} ms still fails the write busy, and reads go on meanwhile`, async () => {
    const { handle, writer, count } = await twoConnections();
    const ticks = { n: 0 };
    const timer = setInterval(() => {
      ticks.n += 1;
    }, 100);
    try {
      await expect(sql`insert into t (x) values (4)`.execute(writer)).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    } finally {
      clearInterval(timer);
    }
    // The event loop ran all along: a 100 ms timer fired during the wait (SQLite's own wait would have
    // held it, and fired it at most once).
    expect(ticks.n).toBeGreaterThan(10);
    handle.exec('rollback');
    expect(await count()).toBe(0);
  }, 15_000);
});
