import type { Kysely } from 'kysely';

/** Tracked links, raw clicks (keyed by click id, for attribution) and the daily per-link rollup. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('kos_id', 'text', (c) => c.notNull().references('kos.id'))
    .addColumn('product_id', 'text', (c) => c.references('products.id'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('destination_url', 'text', (c) => c.notNull())
    .addColumn('campaign', 'text')
    .addColumn('title', 'text')
    .addColumn('disabled', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('links_org_kos').on('links').columns(['org_id', 'kos_id']).execute();

  await db.schema
    .createTable('clicks')
    .addColumn('click_id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('link_id', 'text', (c) => c.notNull())
    .addColumn('kos_id', 'text', (c) => c.notNull())
    .addColumn('clicked_at', 'bigint', (c) => c.notNull())
    .addColumn('visitor_hash', 'text', (c) => c.notNull())
    .addColumn('user_agent', 'text')
    .addColumn('referrer_host', 'text')
    .addColumn('device', 'text', (c) => c.notNull())
    .addColumn('is_bot', 'integer', (c) => c.notNull())
    .addColumn('is_unique', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('clicks_link_time').on('clicks').columns(['link_id', 'clicked_at']).execute();
  await db.schema.createIndex('clicks_org_time').on('clicks').columns(['org_id', 'clicked_at']).execute();

  await db.schema
    .createTable('link_daily')
    .addColumn('link_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('kos_id', 'text', (c) => c.notNull())
    .addColumn('clicks', 'bigint', (c) => c.notNull())
    .addColumn('unique_clicks', 'bigint', (c) => c.notNull())
    .addColumn('bots', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('link_daily_pk', ['link_id', 'day'])
    .execute();
  await db.schema.createIndex('link_daily_org_day').on('link_daily').columns(['org_id', 'day']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['link_daily', 'clicks', 'links']) await db.schema.dropTable(table).execute();
}
