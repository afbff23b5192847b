import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, test } from 'vitest';
import { checkpointWal, createDatabase, type Database } from './database.js';

// The serving thread's SQLite connection leaves WAL checkpoints to the jobs thread: a request's commit
// never copies the WAL into the database on the serving event loop (database.ts, docs/imports.md "Speed").
// SQLite only: PostgreSQL has no WAL checkpoint of ours.
describe('WAL checkpoints on sqlite', () => {
  const dirs: string[] = [];
  const opened: Database[] = [];
  afterEach(async () => {
    for (const database of opened.splice(0)) await database.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** A database file of its own; writes ~8 MB (2 000 pages, twice the default checkpoint interval) in one commit. */
  async function writeMuch(options: { walCheckpoints?: boolean }): Promise<{ database: Database; file: string }> {
    const dir = mkdtempSync(join(tmpdir(), 'kos-wal-'));
    dirs.push(dir);
    const file = join(dir, 'kos.db');
    const database = createDatabase(`sqlite:${file}`, options);
    opened.push(database);
    await sql`create table filler (id integer primary key, body text not null)`.execute(database.db);
    await sql`insert into filler (body) select printf('%.4000c', 'x') from (
      with recursive n(i) as (select 1 union all select i + 1 from n where i < 2000) select i from n)`.execute(database.db);
    return { database, file };
  }

  test('a connection that checkpoints copies the WAL into the database at its commit', async () => {
    const { file } = await writeMuch({});
    expect(statSync(file).size).toBeGreaterThan(7_000_000);
  });

  test('one that leaves it does not: the pages wait in the WAL until checkpointWal', async () => {
    const { database, file } = await writeMuch({ walCheckpoints: false });
    const autocheckpoint = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(database.db);
    expect(autocheckpoint.rows[0]?.wal_autocheckpoint).toBe(0);
    expect(statSync(file).size).toBeLessThan(1_000_000);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(7_000_000);
    await checkpointWal(database.db);
    expect(statSync(file).size).toBeGreaterThan(7_000_000);
  });
});
