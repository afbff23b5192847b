import type { Kysely } from 'kysely';

/**
 * Month grains of the analytics rollups (docs/rollups.md "Month grain"): per org × local month the sums of
 * the day cells of grain 1 (× KOS × platform × source) and of grain 0 (× platform × SKU × source), the
 * per-cell facts of orders spanning month cells, and which months are built, per grain (a refresh of any of
 * a month's days deletes its rows: the month is stale until the keeper rebuilds it from the day cells).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  let cells = db.schema
    .createTable('rollup_months')
    .addColumn('grain', 'integer', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('kos_id', 'text')
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
  await db.schema.createIndex('rollup_months_org_month').on('rollup_months').columns(['org_id', 'grain', 'month']).execute();

  let parts = db.schema
    .createTable('rollup_month_parts')
    .addColumn('grain', 'integer', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('kos_id', 'text')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('sku', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull());
  for (const column of ['paid', 'all_cancelled', 'any_returned', 'any_kept', 'any_settled', 'new_buyer', 'lines', 'order_lines'])
    parts = parts.addColumn(column, 'integer', (c) => c.notNull());
  await parts.execute();
  await db.schema
    .createIndex('rollup_month_parts_org_month')
    .on('rollup_month_parts')
    .columns(['org_id', 'grain', 'month'])
    .execute();

  await db.schema
    .createTable('rollup_month_state')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('grain', 'integer', (c) => c.notNull())
    .addColumn('built_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('rollup_month_state_pk', ['org_id', 'month', 'grain'])
    .execute();

  // A day part also keeps its line count and its order's line count over all lines, so a month build
  // decides wholeness from the month's parts alone (docs/rollups.md "Month grain"). The parts built before
  // lack them: forgetting each org's build state makes the keeper rebuild it (raw rows answer meanwhile).
  for (const column of ['lines', 'order_lines'])
    await db.schema
      .alterTable('rollup_order_parts')
      .addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  await db.deleteFrom('rollup_state' as never).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['order_lines', 'lines']) await db.schema.alterTable('rollup_order_parts').dropColumn(column).execute();
  for (const table of ['rollup_month_state', 'rollup_month_parts', 'rollup_months']) await db.schema.dropTable(table).execute();
}
