import type { Kysely } from 'kysely';

/** Tenancy, members, keys, sessions, units, KOS roster, platform accounts, products. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('orgs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('attribution_window_days', 'integer', (c) => c.notNull())
    .addColumn('post_live_window_hours', 'integer', (c) => c.notNull())
    .addColumn('min_payout_minor', 'bigint', (c) => c.notNull())
    .addColumn('tax_rules', 'text', (c) => c.notNull())
    .addColumn('target_categories', 'text', (c) => c.notNull())
    .addColumn('webhook_secret', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('units.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('units_org').on('units').columns(['org_id', 'id']).execute();

  await db.schema
    .createTable('kos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('handle', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('relationship', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('tier', 'text')
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('voucher_codes', 'text', (c) => c.notNull())
    .addColumn('tax_has_labour_contract_3m', 'integer', (c) => c.notNull())
    .addColumn('tax_commitment_08', 'integer', (c) => c.notNull())
    .addColumn('tax_code', 'text')
    .addColumn('bio', 'text')
    .addColumn('avatar_url', 'text')
    .addColumn('contacts', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('kos_org_code', ['org_id', 'code'])
    .execute();
  await db.schema.createIndex('kos_org_unit').on('kos').columns(['org_id', 'unit_id']).execute();

  await db.schema
    .createTable('kos_vouchers')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('code_norm', 'text', (c) => c.notNull())
    .addColumn('kos_id', 'text', (c) => c.notNull().references('kos.id'))
    .addPrimaryKeyConstraint('kos_vouchers_pk', ['org_id', 'code_norm'])
    .execute();

  await db.schema
    .createTable('members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('kos_id', 'text', (c) => c.references('kos.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_used_at', 'bigint')
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('platform_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('kos_id', 'text', (c) => c.notNull().references('kos.id'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('handle', 'text', (c) => c.notNull())
    .addColumn('handle_norm', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('followers', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('accounts_org_platform_handle', ['org_id', 'platform', 'handle_norm'])
    .execute();
  await db.schema.createIndex('accounts_kos').on('platform_accounts').columns(['kos_id']).execute();

  await db.schema
    .createTable('follower_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('platform_accounts.id'))
    .addColumn('followers', 'bigint', (c) => c.notNull())
    .addColumn('recorded_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('follower_history_account').on('follower_history').columns(['account_id', 'recorded_at']).execute();

  await db.schema
    .createTable('products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('price_minor', 'bigint', (c) => c.notNull())
    .addColumn('stock', 'bigint')
    .addColumn('usp', 'text')
    .addColumn('faqs', 'text', (c) => c.notNull())
    .addColumn('platform_ids', 'text', (c) => c.notNull())
    .addColumn('delivery_days', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('products_org_sku', ['org_id', 'sku'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'products',
    'follower_history',
    'platform_accounts',
    'sessions',
    'api_keys',
    'members',
    'kos_vouchers',
    'kos',
    'units',
    'orgs',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
