import { type Kysely, sql } from 'kysely';
import { normaliseHttpUrl } from '../../lib/url.js';

// Kept here, not imported from the links feature: a migration must not change when the feature does.
const DESTINATION_TOKENS = ['{click_id}', '{kos_code}', '{slug}'];

/**
 * Hardening (docs/security.md): import jobs (queued/running/failed with a reason, total rows, a heartbeat
 * so orphans are found), login rate-limit windows shared between processes, accepted webhook signatures
 * (replay guard), and link destinations rewritten to their normalised form.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('imports').addColumn('rows_total', 'integer').execute();
  await db.schema.alterTable('imports').addColumn('failed_reason', 'text').execute();
  await db.schema.alterTable('imports').addColumn('heartbeat_at', 'bigint').execute();
  await db.schema.alterTable('imports').addColumn('kos_id', 'text').execute();
  await db.schema.createIndex('imports_status').on('imports').columns(['status', 'org_id']).execute();
  // Imports left `running` by an older version were stopped by the upgrade; then at most one file import
  // of an org may run at a time (the second waits `queued`): a partial unique index makes the claim atomic.
  await sql`update imports set status = 'failed', failed_reason = ${'the server stopped during this import (before an upgrade); import the file again to finish it'} where status = 'running'`.execute(
    db,
  );
  await sql`create unique index imports_one_running on imports (org_id) where status = 'running' and source <> 'webhook'`.execute(
    db,
  );

  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('webhook_signatures')
    .addColumn('signature', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhook_signatures_seen').on('webhook_signatures').column('seen_at').execute();

  const links = await sql<{ id: string; destination_url: string }>`select id, destination_url from links`.execute(db);
  for (const link of links.rows) {
    const normalised = normaliseHttpUrl(link.destination_url, DESTINATION_TOKENS);
    if (normalised && normalised !== link.destination_url) {
      await sql`update links set destination_url = ${normalised} where id = ${link.id}`.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('webhook_signatures').execute();
  await db.schema.dropTable('rate_limits').execute();
  await db.schema.dropIndex('imports_one_running').execute();
  await db.schema.dropIndex('imports_status').execute();
  for (const column of ['kos_id', 'heartbeat_at', 'failed_reason', 'rows_total']) {
    await db.schema.alterTable('imports').dropColumn(column).execute();
  }
}
