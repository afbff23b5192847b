import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { createDatabase, type Database } from '../../src/db/database.js';
import type { DialectName } from '../../src/db/dialect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { randomAlphanumeric } from '../../src/lib/ids.js';
import { adminQuery, databaseUrl } from './postgres.js';

/** The dialects this run covers (KOS_TEST_DIALECTS, less PostgreSQL when it is unreachable). */
export const DIALECTS = inject('dialects') as DialectName[];

export interface TestDatabase {
  database: Database;
  url: string;
  /** Closes the connection and removes the file or drops the database. */
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own: a temporary SQLite file or a new PostgreSQL database. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'kos-test-'));
    const url = `sqlite:${join(dir, 'kos.db')}`;
    const database = createDatabase(url);
    await migrateToLatest(database.db);
    return {
      database,
      url,
      drop: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `kos_t_${randomAlphanumeric(10).toLowerCase()}`;
  await adminQuery(`create database ${name}`);
  const url = databaseUrl(name);
  const database = createDatabase(url, { poolSize: 4 });
  await migrateToLatest(database.db);
  return {
    database,
    url,
    drop: async () => {
      await database.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}
