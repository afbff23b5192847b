import type { Kysely } from 'kysely';

/**
 * Recruitment (docs/recruitment.md): drives with their weighted criteria, and the
 * applications of the public form. A drive's slug is its public URL (`/apply/{slug}`), so it is unique in
 * the instance. An application keeps its email and phone as given and, for the duplicate rule, folded
 * (`email_key` lower case, `phone_key` digits with a leading 84 read as 0), unique per drive, so two
 * simultaneous posts cannot both be stored. Lists (criteria, questions, accounts, answers, assessments,
 * history) are JSON text, always read with their row; the score is kept in tenths to sort in SQL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('recruitment_drives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('unit_id', 'text')
    .addColumn('relationships', 'text', (c) => c.notNull())
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('open', 'integer', (c) => c.notNull())
    .addColumn('closes_at', 'bigint')
    .addColumn('pass_score', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recruitment_drives_org').on('recruitment_drives').columns(['org_id', 'id']).execute();

  await db.schema
    .createTable('recruitment_applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('drive_id', 'text', (c) => c.notNull().references('recruitment_drives.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('phone_key', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_key', 'text', (c) => c.notNull())
    .addColumn('province', 'text')
    .addColumn('relationship', 'text', (c) => c.notNull())
    .addColumn('accounts', 'text', (c) => c.notNull())
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('sales_minor', 'bigint')
    .addColumn('coverage', 'bigint')
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('assessments', 'text', (c) => c.notNull())
    .addColumn('score_tenths', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('kos_id', 'text')
    .addColumn('history', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('recruitment_applications_email')
    .on('recruitment_applications')
    .columns(['drive_id', 'email_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('recruitment_applications_phone')
    .on('recruitment_applications')
    .columns(['drive_id', 'phone_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('recruitment_applications_org_score')
    .on('recruitment_applications')
    .columns(['org_id', 'score_tenths'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['recruitment_applications', 'recruitment_drives']) await db.schema.dropTable(table).execute();
}
