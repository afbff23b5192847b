import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Db } from './database.js';
import * as m0001 from './migrations/0001-foundation.js';
import * as m0002 from './migrations/0002-links-clicks.js';
import * as m0003 from './migrations/0003-order-lines.js';
import * as m0004 from './migrations/0004-livestreams.js';
import * as m0005 from './migrations/0005-ledger.js';
import * as m0006 from './migrations/0006-hardening.js';
import * as m0007 from './migrations/0007-import-failure-key.js';
import * as m0008 from './migrations/0008-recruitment.js';
import * as m0009 from './migrations/0009-matrix.js';
import * as m0010 from './migrations/0010-tiers.js';
import * as m0011 from './migrations/0011-training.js';
import * as m0012 from './migrations/0012-contests.js';
import * as m0013 from './migrations/0013-run-sheets.js';
import * as m0014 from './migrations/0014-import-mappings.js';
import * as m0015 from './migrations/0015-live-room.js';
import * as m0016 from './migrations/0016-product-url.js';
import * as m0017 from './migrations/0017-click-log.js';
import * as m0018 from './migrations/0018-rollups.js';
import * as m0019 from './migrations/0019-rollup-months.js';
import * as m0020 from './migrations/0020-line-kos-index.js';
import * as m0021 from './migrations/0021-line-fingerprint.js';
import * as m0022 from './migrations/0022-link-monthly.js';

const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-links-clicks': m0002,
  '0003-order-lines': m0003,
  '0004-livestreams': m0004,
  '0005-ledger': m0005,
  '0006-hardening': m0006,
  '0007-import-failure-key': m0007,
  '0008-recruitment': m0008,
  '0009-matrix': m0009,
  '0010-tiers': m0010,
  '0011-training': m0011,
  '0012-contests': m0012,
  '0013-run-sheets': m0013,
  '0014-import-mappings': m0014,
  '0015-live-room': m0015,
  '0016-product-url': m0016,
  '0017-click-log': m0017,
  '0018-rollups': m0018,
  '0019-rollup-months': m0019,
  '0020-line-kos-index': m0020,
  '0021-line-fingerprint': m0021,
  '0022-link-monthly': m0022,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

const migrator = (db: Db) =>
  new Migrator({ db, provider, migrationTableName: 'kos_migrations', migrationLockTableName: 'kos_migrations_lock' });

/** Brings the schema up to and including `name` (tests of data migrations start from an older schema). */
export async function migrateTo(db: Db, name: keyof typeof MIGRATIONS & string): Promise<void> {
  const { error } = await migrator(db).migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

/** Brings the schema to the latest version; returns the names of the migrations it applied. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
