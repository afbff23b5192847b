import type { Kysely } from 'kysely';

/**
 * Daily analytics rollups (docs/rollups.md): line sums and whole-order counts per org × local day × KOS ×
 * link × platform × SKU × source (grain 0) and per org × local day × KOS × platform × source (grain 1), the per-cell facts of orders that span more than one cell, the days an
 * order-line write made stale ("dirty"), and the zone each org's rollup was built in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  let cells = db.schema
    .createTable('rollup_days')
    .addColumn('grain', 'integer', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('kos_id', 'text')
    .addColumn('link_id', 'text')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('sku', 'text')
    .addColumn('source', 'text', (c) => c.notNull());
  for (const column of ['lines', 'quantity', 'gmv_minor', 'net_minor', 'refund_minor'])
    cells = cells.addColumn(column, 'bigint', (c) => c.notNull());
  for (const column of ['unpaid_lines', 'pending_lines', 'completed_lines', 'cancelled_lines', 'returned_lines'])
    cells = cells.addColumn(column, 'integer', (c) => c.notNull());
  for (const column of ['orders', 'cancelled_orders', 'returned_orders', 'settled_orders', 'new_buyers'])
    cells = cells.addColumn(column, 'integer', (c) => c.notNull());
  await cells.execute();
  await db.schema.createIndex('rollup_days_org_day').on('rollup_days').columns(['org_id', 'grain', 'day']).execute();

  let parts = db.schema
    .createTable('rollup_order_parts')
    .addColumn('grain', 'integer', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('kos_id', 'text')
    .addColumn('link_id', 'text')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('sku', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull());
  for (const column of ['paid', 'all_cancelled', 'any_returned', 'any_kept', 'any_settled', 'new_buyer'])
    parts = parts.addColumn(column, 'integer', (c) => c.notNull());
  await parts.execute();
  await db.schema
    .createIndex('rollup_order_parts_org_day')
    .on('rollup_order_parts')
    .columns(['org_id', 'grain', 'day'])
    .execute();

  await db.schema
    .createTable('rollup_dirty')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('utc_day', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rollup_dirty_org_day').on('rollup_dirty').columns(['org_id', 'utc_day']).execute();

  await db.schema
    .createTable('rollup_state')
    .addColumn('org_id', 'text', (c) => c.primaryKey())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('built_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['rollup_state', 'rollup_dirty', 'rollup_order_parts', 'rollup_days'])
    await db.schema.dropTable(table).execute();
}
