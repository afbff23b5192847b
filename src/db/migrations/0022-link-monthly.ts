import { type Kysely, sql } from 'kysely';

/**
 * `link_monthly`: one link's clicks in one month of its org's calendar (the month of `link_daily`'s day),
 * kept by the click ingester in the same transaction as `link_daily` (docs/clicks.md "Daily and monthly
 * counts"), so that analytics of whole months reads a row per link and month instead of one per day
 * (docs/rollups.md "Month grain"). Filled here from `link_daily`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('link_monthly')
    .addColumn('link_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('kos_id', 'text', (c) => c.notNull())
    .addColumn('clicks', 'bigint', (c) => c.notNull())
    .addColumn('unique_clicks', 'bigint', (c) => c.notNull())
    .addColumn('bots', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('link_monthly_pk', ['link_id', 'month'])
    .execute();
  await db.schema.createIndex('link_monthly_org_month').on('link_monthly').columns(['org_id', 'month']).execute();
  await sql`
    insert into link_monthly (link_id, month, org_id, kos_id, clicks, unique_clicks, bots)
    select link_id, substr(day, 1, 7), min(org_id), min(kos_id), sum(clicks), sum(unique_clicks), sum(bots)
    from link_daily group by link_id, substr(day, 1, 7)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('link_monthly').execute();
}
