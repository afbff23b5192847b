import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/database.js';

// Migration 0020: order_lines_org_kos_time holds attributed lines only, and the reads that name a KOS
// still use it on both databases (docs/imports.md, "Speed").
const READS = {
  'listLines with KOS and period': sql`select id from order_lines where org_id = ${'o'} and kos_id in (${'k1'}, ${'k2'})
    and order_time >= ${0} and order_time < ${1} order by id`,
  'analytics filtered by KOS': sql`select count(*) from order_lines l where l.org_id = ${'o'} and l.order_time >= ${0}
    and l.order_time < ${1} and l.kos_id in (${'k1'})`,
  'one KOS': sql`select id from order_lines where org_id = ${'o'} and kos_id = ${'k1'} and order_time >= ${0}`,
};

describe.each(DIALECTS)('order_lines_org_kos_time on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t.drop());

  test('the index is partial: attributed lines only', async () => {
    const { rows } =
      dialect === 'sqlite'
        ? await sql<{ sql: string }>`select sql from sqlite_master where name = 'order_lines_org_kos_time'`.execute(t.database.db)
        : await sql<{ sql: string }>`select indexdef as sql from pg_indexes where indexname = 'order_lines_org_kos_time'`.execute(
            t.database.db,
          );
    expect(rows[0]?.sql.toLowerCase()).toMatch(/where.*kos_id.* is not null/);
  });

  test.each(Object.entries(READS))('%s reads through it', async (_, query) => {
    const plan = await t.database.db.transaction().execute(async (trx) => {
      if (dialect === 'sqlite')
        return (await sql<{ detail: string }>`explain query plan ${query}`.execute(trx)).rows.map((r) => r.detail);
      // An empty table: without this the planner would rightly scan it instead.
      await sql`set local enable_seqscan = off`.execute(trx);
      return (await sql<{ 'QUERY PLAN': string }>`explain ${query}`.execute(trx)).rows.map((r) => r['QUERY PLAN']);
    });
    expect(plan.join('\n')).toContain('order_lines_org_kos_time');
  });
});
