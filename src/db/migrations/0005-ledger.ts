import type { Kysely } from 'kysely';

/** Commission plans, the append-only ledger, payouts and closed periods. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applies_to', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('rate_bps', 'integer', (c) => c.notNull())
    .addColumn('base', 'text', (c) => c.notNull())
    .addColumn('overrides', 'text', (c) => c.notNull())
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('livestream_fee_minor', 'bigint', (c) => c.notNull())
    .addColumn('holding_days', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plans_org').on('plans').columns(['org_id', 'id']).execute();

  await db.schema
    .createTable('payouts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('kos_id', 'text', (c) => c.notNull().references('kos.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('gross_minor', 'bigint', (c) => c.notNull())
    .addColumn('withheld_minor', 'bigint', (c) => c.notNull())
    .addColumn('net_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('approved_at', 'bigint')
    .addColumn('paid_at', 'bigint')
    .addUniqueConstraint('payouts_org_kos_period', ['org_id', 'kos_id', 'period'])
    .execute();

  await db.schema
    .createTable('payout_periods')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'bigint', (c) => c.notNull())
    .addColumn('closed_by', 'text')
    .addPrimaryKeyConstraint('payout_periods_pk', ['org_id', 'period'])
    .execute();

  await db.schema
    .createTable('ledger_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('kos_id', 'text', (c) => c.notNull().references('kos.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('eligible_at', 'bigint')
    .addColumn('line_id', 'text')
    .addColumn('session_id', 'text')
    .addColumn('payout_id', 'text')
    .addColumn('plan_id', 'text')
    .addColumn('base_minor', 'bigint')
    .addColumn('rate_bps', 'integer')
    .addColumn('default_rate', 'integer')
    .addColumn('cause_at', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ledger_org_kos_status').on('ledger_entries').columns(['org_id', 'kos_id', 'status']).execute();
  await db.schema.createIndex('ledger_line').on('ledger_entries').columns(['line_id']).execute();
  await db.schema.createIndex('ledger_session').on('ledger_entries').columns(['session_id']).execute();
  await db.schema.createIndex('ledger_payout').on('ledger_entries').columns(['payout_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['ledger_entries', 'payout_periods', 'payouts', 'plans']) await db.schema.dropTable(table).execute();
}
