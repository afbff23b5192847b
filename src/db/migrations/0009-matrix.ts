import type { Kysely } from 'kysely';

/**
 * The matrix (docs/matrix.md): the org's brand kit, the fields an account audit reads,
 * and every status change of a KOS. Existing orgs get an empty brand kit; existing accounts have no
 * display name, bio or link and unknown avatar / pinned checks (their audit starts low, as it should).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('orgs')
    .addColumn('brand_kit', 'text', (c) => c.notNull().defaultTo('{"brandWords":[],"targetPlatforms":[]}'))
    .execute();
  await db.schema.alterTable('platform_accounts').addColumn('display_name', 'text').execute();
  await db.schema.alterTable('platform_accounts').addColumn('bio', 'text').execute();
  await db.schema.alterTable('platform_accounts').addColumn('link_in_bio', 'text').execute();
  await db.schema
    .alterTable('platform_accounts')
    .addColumn('verified', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('platform_accounts').addColumn('avatar_ok', 'integer').execute();
  await db.schema.alterTable('platform_accounts').addColumn('pinned_ok', 'integer').execute();
  await db.schema
    .createTable('kos_status_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('kos_id', 'text', (c) => c.notNull().references('kos.id'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('by', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('kos_status_history_kos').on('kos_status_history').columns(['kos_id', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('kos_status_history').execute();
  for (const column of ['pinned_ok', 'avatar_ok', 'verified', 'link_in_bio', 'bio', 'display_name'])
    await db.schema.alterTable('platform_accounts').dropColumn(column).execute();
  await db.schema.alterTable('orgs').dropColumn('brand_kit').execute();
}
