import type { Kysely } from 'kysely';

/**
 * Livestream sessions and the products each one sells. Stats are plain columns (not JSON) so the
 * livestream funnel can be summed in SQL; flash offers are JSON (only ever read with their session).
 * `account_id` has no foreign key because an account may be deleted while its past sessions stay;
 * `platform` keeps the account's platform as it was when the session was recorded.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('livestreams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('kos_id', 'text', (c) => c.notNull().references('kos.id'))
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('scheduled_start', 'bigint', (c) => c.notNull())
    .addColumn('scheduled_end', 'bigint', (c) => c.notNull())
    .addColumn('actual_start', 'bigint')
    .addColumn('actual_end', 'bigint')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('fee_minor', 'bigint')
    .addColumn('views', 'bigint', (c) => c.notNull())
    .addColumn('viewers', 'bigint', (c) => c.notNull())
    .addColumn('peak_viewers', 'bigint', (c) => c.notNull())
    .addColumn('avg_watch_seconds', 'bigint', (c) => c.notNull())
    .addColumn('comments', 'bigint', (c) => c.notNull())
    .addColumn('questions', 'bigint', (c) => c.notNull())
    .addColumn('questions_answered', 'bigint', (c) => c.notNull())
    .addColumn('product_clicks', 'bigint', (c) => c.notNull())
    .addColumn('add_to_cart', 'bigint', (c) => c.notNull())
    .addColumn('flash_offers', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('livestreams_org_start').on('livestreams').columns(['org_id', 'scheduled_start']).execute();
  await db.schema.createIndex('livestreams_kos_start').on('livestreams').columns(['kos_id', 'scheduled_start']).execute();

  await db.schema
    .createTable('livestream_products')
    .addColumn('session_id', 'text', (c) => c.notNull().references('livestreams.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('livestream_products_pk', ['session_id', 'product_id'])
    .execute();
  await db.schema
    .createIndex('livestream_products_org_product')
    .on('livestream_products')
    .columns(['org_id', 'product_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['livestream_products', 'livestreams']) await db.schema.dropTable(table).execute();
}
