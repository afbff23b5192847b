import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/database.js';
import { bulkInsert } from './bulk-insert.js';
import { withTransaction } from './database.js';

// bulkInsert (docs/imports.md, "Speed"): SQLite's prepared statement and PostgreSQL's `unnest` of one
// array per column must store exactly the values given — text that array literals must escape included.
const AWKWARD = [
  'plain',
  '',
  'a,b',
  '{x}',
  '"quoted"',
  'back\\slash',
  'NULL',
  'null',
  ' spaced ',
  'Sữa rửa mặt 🧴',
  'line\nbreak',
  "it's",
];

describe.each(DIALECTS)('bulkInsert (%s)', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t.drop());

  const rows = (prefix: string) =>
    AWKWARD.map((change, i) => ({
      id: `${prefix}${String(i).padStart(3, '0')}`,
      org_id: 'org',
      line_id: `line${i}`,
      import_id: i % 3 === 0 ? null : `imp${i}`,
      at: 1_790_000_000_000 + i,
      change,
    }));

  test('in a transaction and outside one, every value comes back as it went in, nulls included', async () => {
    const db = t.database.db;
    await withTransaction(db, (trx) => bulkInsert(trx, 'order_line_history', rows('a')));
    await bulkInsert(db, 'order_line_history', rows('b'), 5);
    const stored = await db.selectFrom('order_line_history').selectAll().orderBy('id').execute();
    expect(stored.map((r) => ({ ...r, at: Number(r.at) }))).toEqual([...rows('a'), ...rows('b')]);
  });

  test('any text and any whole number comes back as it went in (PostgreSQL: through the array literals)', async () => {
    const db = t.database.db;
    // Text as a database stores it: no NUL, no lone surrogate (src/lib/storable-text.ts keeps both out).
    const text = fc.string({ unit: fc.constantFrom('"', '\\', '{', '}', ',', ' ', 'N', 'U', 'L', 'a', 'é', '🧴', '\n') });
    const row = fc.record({
      change: fc.oneof(text, fc.string({ unit: 'grapheme' })),
      import_id: fc.option(text, { nil: null }),
      at: fc.integer({ min: -(2 ** 52), max: 2 ** 52 }),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 30 }), async (values) => {
        const prefix = `p${String(++run).padStart(4, '0')}`;
        const given = values.map((v, i) => ({
          id: `${prefix}${String(i).padStart(3, '0')}`,
          org_id: 'org',
          line_id: prefix,
          ...v,
        }));
        await withTransaction(db, (trx) => bulkInsert(trx, 'order_line_history', given));
        const stored = await db
          .selectFrom('order_line_history')
          .selectAll()
          .where('line_id', '=', prefix)
          .orderBy('id')
          .execute();
        expect(stored.map((r) => ({ ...r, at: Number(r.at) }))).toEqual(given);
      }),
      { numRuns: 60 },
    );
  });

  test('no rows is no statement; a column the table lacks is an error', async () => {
    await expect(bulkInsert(t.database.db, 'order_line_history', [])).resolves.toBeUndefined();
    const bad = [{ ...rows('c')[0], nope: 1 }] as never[];
    await expect(bulkInsert(t.database.db, 'order_line_history', bad)).rejects.toThrow();
  });
});
