import type { Kysely } from 'kysely';

/**
 * Run-sheets of livestream sessions (docs/run-sheets.md): one row per session, its segments as JSON text.
 * The session id is the primary key, so two first reads that draft at once store one sheet (the second
 * insert does nothing and both read the stored one).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('run_sheets')
    .addColumn('session_id', 'text', (c) => c.primaryKey().references('livestreams.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('segments', 'text', (c) => c.notNull())
    .addColumn('drafted_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('run_sheets_org').on('run_sheets').columns(['org_id', 'session_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('run_sheets').execute();
}
