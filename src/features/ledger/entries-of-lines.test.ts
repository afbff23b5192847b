import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { generateDataset } from '../../../test/support/rollup-dataset.js';
import { ENTRIES_OF_LINES_SQLITE, entriesOfLines } from './ledger.repository.js';

// An import's chunk reads the ledger entries of its lines through ledger_line, not by walking the org's
// entries (a fresh 1 000 000-line SQLite import spent 21 of its 106 s there, each chunk slower than the
// last: docs/imports.md, "Speed"). SQLite only: PostgreSQL's statement is planned from statistics
// (src/db/planner-stats.test.ts).
describe('the ledger entries of a chunk on sqlite', () => {
  let t: TestDatabase;
  let a: Awaited<ReturnType<typeof generateDataset>>;
  let b: Awaited<ReturnType<typeof generateDataset>>;
  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    const options = { timezone: 'Asia/Ho_Chi_Minh', start: '2026-02-01', days: 3, orders: 30, clicks: 0 };
    a = await generateDataset(t.database.db, { ...options, slug: 'entries-a', seed: 4 });
    b = await generateDataset(t.database.db, { ...options, slug: 'entries-b', seed: 5 });
  }, 60_000);
  afterAll(() => t.drop());

  test('searched by line id', async () => {
    const text = ENTRIES_OF_LINES_SQLITE.replace('?', `'${a.orgId}'`).replace('?', `'["x"]'`);
    const { rows } = await sql<{ detail: string }>`explain query plan ${sql.raw(text)}`.execute(t.database.db);
    const plan = rows.map((r) => r.detail).join('\n');
    expect(plan).toContain('USING INDEX ledger_line');
    expect(plan).not.toContain('ledger_org_kos_status');
  });

  test("an org's entries only, whatever line ids are asked for", async () => {
    // One commission entry for every attributed line of both orgs (the dataset books none).
    await sql`insert into ledger_entries (id, org_id, kos_id, kind, amount_minor, currency, status, line_id, cause_at,
      created_at, updated_at) select 'e-' || id, org_id, kos_id, 'commission', 100, 'VND', 'pending', id, 0, 0, 0
      from order_lines where kos_id is not null`.execute(t.database.db);
    const ids = [...a.lines, ...b.lines].map((l) => l.id);
    const stored = await t.database.db
      .selectFrom('ledger_entries')
      .select(['id', 'org_id'])
      .where('line_id', 'in', ids)
      .execute();
    const ofA = stored.filter((e) => e.org_id === a.orgId).map((e) => e.id);
    expect(ofA.length).toBeGreaterThan(0);
    expect(stored.length).toBeGreaterThan(ofA.length);
    const found = await t.database.db.transaction().execute((trx) => entriesOfLines(trx, a.orgId, ids));
    expect(found.map((e) => e.id).sort()).toEqual(ofA.sort());
  });
});
