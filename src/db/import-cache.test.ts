import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/database.js';
import { IMPORT_CACHE_KIB, withImportCache } from './import-cache.js';

// An import raises SQLite's page cache while it runs, and the connection gets its own size back
// when the last import on it ends — also when one fails (docs/imports.md, "Speed").
describe.each(DIALECTS)('the page cache of an import on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t.drop());

  const cacheSize = async (): Promise<number> =>
    Number((await sql<{ cache_size: number }>`pragma cache_size`.execute(t.database.db)).rows[0]?.cache_size);

  if (dialect === 'sqlite')
    test('raised while imports run, put back after the last, also after a failure', async () => {
      const own = await cacheSize();
      expect(own).not.toBe(-IMPORT_CACHE_KIB);
      let release: () => void = () => {};
      const first = withImportCache(t.database.db, () => new Promise<string>((resolve) => (release = () => resolve('first'))));
      expect(await cacheSize()).toBe(-IMPORT_CACHE_KIB);
      // A second import on the same connection, ending first: the raise stays for the one still running.
      expect(await withImportCache(t.database.db, async () => (await cacheSize()) === -IMPORT_CACHE_KIB)).toBe(true);
      expect(await cacheSize()).toBe(-IMPORT_CACHE_KIB);
      release();
      expect(await first).toBe('first');
      expect(await cacheSize()).toBe(own);
      await expect(
        withImportCache(t.database.db, async () => {
          throw new Error('the file broke');
        }),
      ).rejects.toThrow('the file broke');
      expect(await cacheSize()).toBe(own);
    });

  if (dialect === 'postgres')
    test('nothing to raise on PostgreSQL: the work runs and answers', async () => {
      expect(await withImportCache(t.database.db, async () => 42)).toBe(42);
    });
});
