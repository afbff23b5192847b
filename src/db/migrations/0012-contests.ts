import type { Kysely } from 'kysely';

/**
 * Contests (docs/contests.md): leaderboards and PK contests over one metric and a span of days, with
 * prizes by rank and target bonuses. Lists (participants, prizes, targets) are JSON text read with their
 * row. A close sets `closed_at` once (a conditional update, so two closes at once book once) and freezes
 * the standings it paid on in `standings`; each award is a row of `contest_awards`, unique per contest,
 * KOS, kind and unit (`unit_id` '' in a KOS contest), with the ledger entry that pays it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('contests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('unit_kind', 'text')
    .addColumn('from_day', 'text', (c) => c.notNull())
    .addColumn('to_day', 'text', (c) => c.notNull())
    .addColumn('participants', 'text', (c) => c.notNull())
    .addColumn('prizes', 'text', (c) => c.notNull())
    .addColumn('targets', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'bigint')
    .addColumn('standings', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contests_org').on('contests').columns(['org_id', 'id']).execute();

  await db.schema
    .createTable('contest_awards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('contest_id', 'text', (c) => c.notNull().references('contests.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kos_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contest_awards_once')
    .on('contest_awards')
    .columns(['contest_id', 'kos_id', 'kind', 'unit_id'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['contest_awards', 'contests']) await db.schema.dropTable(table).execute();
}
