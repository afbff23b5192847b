import type { Kysely } from 'kysely';

/**
 * How far the click ingester has read each instance's click log (docs/clicks.md "Ingestion"): the
 * segment number and the byte offset after the last click stored. Written in the same transaction as
 * the clicks it covers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('click_log_checkpoints')
    .addColumn('instance', 'text', (c) => c.primaryKey())
    .addColumn('segment', 'integer', (c) => c.notNull())
    .addColumn('byte_offset', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('click_log_checkpoints').execute();
}
