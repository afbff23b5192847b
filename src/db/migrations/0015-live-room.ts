import { type Kysely, sql } from 'kysely';

/**
 * The live room (docs/live-room.md) reads a watched session's change fingerprint several times a second:
 * count, latest `updated_at`, gross, unpaid count and latest `order_time` of the lines tied to it. This
 * partial index holds only tied lines (most lines have no session) and covers those columns with the org
 * (every read names it), so the read never touches the table; the session's sales (metrics) use it too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('order_lines_session')
    .on('order_lines')
    .columns(['session_id', 'org_id', 'updated_at', 'status', 'gross_minor', 'order_time'])
    .where(sql.ref('session_id'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('order_lines_session').execute();
}
