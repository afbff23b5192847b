import type { Kysely } from 'kysely';

/** Import batches, order lines keyed by (org, source, orderId, lineKey), and each line's history. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('inserted', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('unchanged', 'integer', (c) => c.notNull())
    .addColumn('rejected', 'integer', (c) => c.notNull())
    .addColumn('skipped', 'integer', (c) => c.notNull())
    .addColumn('errors', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint')
    .execute();
  await db.schema.createIndex('imports_org').on('imports').columns(['org_id', 'id']).execute();

  await db.schema
    .createTable('order_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('line_key', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('raw_status', 'text', (c) => c.notNull())
    .addColumn('order_time', 'bigint', (c) => c.notNull())
    .addColumn('completed_time', 'bigint')
    .addColumn('sku', 'text')
    .addColumn('product_name', 'text')
    .addColumn('category', 'text')
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('gross_minor', 'bigint', (c) => c.notNull())
    .addColumn('net_minor', 'bigint', (c) => c.notNull())
    .addColumn('refund_minor', 'bigint', (c) => c.notNull())
    .addColumn('platform_commission_minor', 'bigint')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('sub_ids', 'text', (c) => c.notNull())
    .addColumn('creator', 'text')
    .addColumn('voucher', 'text')
    .addColumn('content_type', 'text')
    .addColumn('new_buyer', 'integer')
    .addColumn('kos_id', 'text', (c) => c.references('kos.id'))
    .addColumn('attribution', 'text', (c) => c.notNull())
    .addColumn('link_id', 'text')
    .addColumn('click_id', 'text')
    .addColumn('session_id', 'text')
    .addColumn('import_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('order_lines_key', ['org_id', 'source', 'order_id', 'line_key'])
    .execute();
  await db.schema.createIndex('order_lines_org_time').on('order_lines').columns(['org_id', 'order_time']).execute();
  await db.schema.createIndex('order_lines_org_kos_time').on('order_lines').columns(['org_id', 'kos_id', 'order_time']).execute();
  await db.schema.createIndex('order_lines_org_attribution').on('order_lines').columns(['org_id', 'attribution', 'id']).execute();

  await db.schema
    .createTable('order_line_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('line_id', 'text', (c) => c.notNull())
    .addColumn('import_id', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('order_line_history_line').on('order_line_history').columns(['line_id', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['order_line_history', 'order_lines', 'imports']) await db.schema.dropTable(table).execute();
}
