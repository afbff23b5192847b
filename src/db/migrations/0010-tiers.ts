import type { Kysely } from 'kysely';

/**
 * Tiers (docs/tiers.md): the org's cut-offs (percent of the population for S, A and B), the KOS's
 * `tier_locked` flag, every tier change of a KOS, and the daily jobs a scheduler claims — one row per
 * (org, kind, org-local day), so several processes run a day's job once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('orgs')
    .addColumn('tier_cutoffs', 'text', (c) => c.notNull().defaultTo('{"s":10,"a":20,"b":40}'))
    .execute();
  await db.schema
    .alterTable('kos')
    .addColumn('tier_locked', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('kos_tier_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('kos_id', 'text', (c) => c.notNull().references('kos.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('from_tier', 'text')
    .addColumn('to_tier', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('kos_tier_history_kos').on('kos_tier_history').columns(['kos_id', 'at']).execute();
  await db.schema
    .createTable('scheduled_jobs')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('run_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_at', 'bigint')
    .addColumn('done_at', 'bigint')
    .addColumn('result', 'text')
    .addPrimaryKeyConstraint('scheduled_jobs_pk', ['org_id', 'kind', 'run_date'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('scheduled_jobs').execute();
  await db.schema.dropTable('kos_tier_history').execute();
  await db.schema.alterTable('kos').dropColumn('tier_locked').execute();
  await db.schema.alterTable('orgs').dropColumn('tier_cutoffs').execute();
}
