import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/database.js';
import { IMPORT_CACHE_KIB, IMPORT_CHECKPOINT_PAGES, withImportSettings } from './import-settings.js';

// An import raises SQLite's page cache and checkpoint interval while it runs, and the connection gets its
// own settings back when the last import on it ends — also when one fails (docs/imports.md, "Speed").
describe.each(DIALECTS)('the page cache of an import on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t.drop());

  const pragma = async (name: string): Promise<number> =>
    Number(Object.values((await sql<Record<string, number>>`pragma ${sql.raw(name)}`.execute(t.database.db)).rows[0] ?? {})[0]);
  /** The page cache and the checkpoint interval, as one value to compare. */
  const cacheSize = async (): Promise<string> => `${await pragma('cache_size')} ${await pragma('wal_autocheckpoint')}`;
  const RAISED = `${-IMPORT_CACHE_KIB} ${IMPORT_CHECKPOINT_PAGES}`;

  if (dialect === 'sqlite')
    test('raised while imports run, put back after the last, also after a failure', async () => {
      const own = await cacheSize();
      expect(own).not.toBe(RAISED);
      let release: () => void = () => {};
      const first = withImportSettings(t.database.db, () => new Promise<string>((resolve) => (release = () => resolve('first'))));
      expect(await cacheSize()).toBe(RAISED);
      // A second import on the same connection, ending first: the raise stays for the one still running.
      expect(await withImportSettings(t.database.db, async () => (await cacheSize()) === RAISED)).toBe(true);
      expect(await cacheSize()).toBe(RAISED);
      release();
      expect(await first).toBe('first');
      expect(await cacheSize()).toBe(own);
      await expect(
        withImportSettings(t.database.db, async () => {
          throw new Error('the file broke');
        }),
      ).rejects.toThrow('the file broke');
      expect(await cacheSize()).toBe(own);
    });

  if (dialect === 'postgres')
    test('nothing to raise on PostgreSQL: the work runs and answers', async () => {
      expect(await withImportSettings(t.database.db, async () => 42)).toBe(42);
    });
});
