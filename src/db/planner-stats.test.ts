import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/database.js';
import { generateDataset } from '../../test/support/rollup-dataset.js';
import type { Db } from './database.js';
import { plannerStatsKeeper, preferIndexLookups } from './planner-stats.js';

// A bulk load keeps PostgreSQL's planner statistics in step, so that a chunk's lookup of its orders' stored
// lines goes through order_lines_key (docs/imports.md, "Planner statistics"). Measured before: a fresh
// 1 000 000-line import on PostgreSQL read each chunk's orders by scanning every line of the org, 146 s.
const COPIES = 100_000;

const reltuples = async (db: Db): Promise<number> =>
  Number(
    (await sql<{ n: number }>`select reltuples::float8 as n from pg_class where oid = 'order_lines'::regclass`.execute(db))
      .rows[0]?.n,
  );

/** `count` more lines of the org, copies of one stored line under new ids and order ids (PostgreSQL). */
async function copyLines(db: Db, orgId: string, tag: string, count: number): Promise<void> {
  const names = (
    await sql<{ column_name: string }>`select column_name from information_schema.columns
      where table_schema = current_schema() and table_name = 'order_lines' order by ordinal_position`.execute(db)
  ).rows.map((r) => r.column_name);
  const exprs = names.map((c) =>
    c === 'id' || c === 'order_id' ? `l."${c}" || '-${tag}-' || g` : c === 'kos_id' ? 'null' : `l."${c}"`,
  );
  await sql
    .raw(
      `insert into order_lines (${names.map((c) => `"${c}"`).join(', ')})
       select ${exprs.join(', ')} from (select * from order_lines where org_id = '${orgId}' limit 1) l
       cross join generate_series(1, ${count}) g`,
    )
    .execute(db);
}

describe.each(DIALECTS)('planner statistics of a bulk load on %s', (dialect) => {
  let t: TestDatabase;
  let orgId: string;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    const options = { timezone: 'Asia/Ho_Chi_Minh', start: '2026-02-01', days: 3, orders: 20, clicks: 0, seed: 3 };
    orgId = (await generateDataset(t.database.db, { ...options, slug: 'stats' })).orgId;
  }, 120_000);
  afterAll(() => t.drop());

  if (dialect === 'sqlite')
    test('nothing to keep on SQLite', async () => {
      const keeper = plannerStatsKeeper(t.database.db, { order_lines: ['org_id'] });
      await keeper.afterCommit(1_000_000);
      const { rows } = await sql<{ name: string }>`select name from sqlite_master where name like 'sqlite_stat%'`.execute(
        t.database.db,
      );
      expect(rows).toEqual([]);
    });

  if (dialect === 'postgres')
    test('analysed when the rows stored since reach the rows analysed, and the chunk lookup takes the index', async () => {
      const db = t.database.db;
      // Autovacuum would analyse in its own time (a minute at least): off, so only the keeper can.
      await sql`alter table order_lines set (autovacuum_enabled = false)`.execute(db);
      await copyLines(db, orgId, 'a', COPIES);
      expect(await reltuples(db)).toBeLessThan(0); // never analysed
      const keeper = plannerStatsKeeper(db, { order_lines: ['org_id', 'source', 'order_id'] });
      await keeper.afterCommit(4_000); // under ANALYZE_MIN_ROWS
      expect(await reltuples(db)).toBeLessThan(0);
      await keeper.afterCommit(COPIES - 4_000);
      const analysed = await reltuples(db);
      expect(analysed).toBeGreaterThan(COPIES * 0.9);

      await copyLines(db, orgId, 'b', 20_000);
      await keeper.afterCommit(20_000); // 20 000 since, fewer than the 100 000 analysed: not yet
      expect(await reltuples(db)).toBe(analysed);

      // The lookup of storeLines' chunk (linePrintsOfOrders): 1 500 order ids as one array.
      const ids = Array.from({ length: 1_500 }, (_, i) => `order-a-${i * 60 + 1}`);
      const plan = await db.transaction().execute(async (trx) => {
        await preferIndexLookups(trx);
        const { rows } = await sql<{
          'QUERY PLAN': string;
        }>`explain select order_id, line_key, fingerprint, attribution from order_lines
          where org_id = ${orgId} and source = ${'shopee'} and order_id = any(${ids}::text[])`.execute(trx);
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      expect(plan).toContain('order_lines_key');
      expect(plan).toMatch(/Index Cond: .*order_id = ANY/);
    }, 60_000);
});
