// The data of the tier benchmark (bench/tiers.ts), written in SQL from generated series so that a million
// lines take seconds, not an import: accounts with a follower record, products, and the lines.
import { sql } from 'kysely';
import { type Db, withTransaction } from '../src/db/database.js';

/**
 * One account per KOS (followers 1 000–50 999, recorded at half that before W), 100 products (every other
 * one in the target category), and the lines: KOS i gets lines by a multiplicative hash, the last tenth
 * none; a tenth of the lines cancelled, a third with a category of their own, a third by SKU only.
 */
export async function seedTierBench(
  db: Db,
  dialect: 'sqlite' | 'postgres',
  orgId: string,
  o: { lines: number; kosCount: number; pFrom: number; wFrom: number; wTo: number },
): Promise<void> {
  const { lines, kosCount, pFrom, wFrom, wTo } = o;
  const now = Date.now();
  await withTransaction(db, async (trx) => {
    await sql`insert into products (id, org_id, sku, name, category, price_minor, faqs, platform_ids, created_at, updated_at)
      select 'bp' || k.id, k.org_id, 'SKU' || substr(k.code, 3), 'Product ' || k.code,
        case when k.tier in ('S', 'B') then 'Sắc đẹp' else 'Nhà cửa' end, 100000, '[]', '{}', ${now}, ${now}
      from kos k where k.org_id = ${orgId} and k.code <= 'BK00100'`.execute(trx);
    await sql`insert into platform_accounts (id, org_id, kos_id, platform, handle, handle_norm, followers, created_at, updated_at)
      select 'pa' || k.id, k.org_id, k.id, 'tiktok_shop', k.handle, k.handle,
        1000 + (cast(substr(k.code, 3) as integer) * 7919) % 50000, ${now}, ${now}
      from kos k where k.org_id = ${orgId}`.execute(trx);
    await sql`insert into follower_history (id, org_id, account_id, followers, recorded_at)
      select 'fh' || a.id, a.org_id, a.id, a.followers / 2, ${wFrom - 86_400_000}
      from platform_accounts a where a.org_id = ${orgId}`.execute(trx);
  });
  const span = wTo - pFrom;
  const sellers = Math.max(1, Math.floor(kosCount * 0.9));
  const code =
    dialect === 'sqlite'
      ? sql`'BK' || printf('%05d', (s.i * 48271) % ${sellers} + 1)`
      : sql`'BK' || lpad(((s.i * 48271) % ${sellers} + 1)::text, 5, '0')`;
  const series =
    dialect === 'sqlite'
      ? sql`(with recursive seq(i) as (select 0 union all select i + 1 from seq where i < ${lines - 1}) select i from seq) s`
      : sql`generate_series(0::bigint, ${lines - 1}::bigint) as s(i)`;
  const sku = sql`case when s.i % 3 = 0 then 'SKU' || substr('00000' || (s.i % 100 + 1), -5) end`;
  const skuPg = sql`case when s.i % 3 = 0 then 'SKU' || lpad((s.i % 100 + 1)::text, 5, '0') end`;
  await withTransaction(db, (trx) =>
    sql`insert into order_lines (id, org_id, source, order_id, line_key, platform, status, raw_status, order_time, sku,
        category, quantity, gross_minor, net_minor, refund_minor, currency, sub_ids, kos_id, attribution, created_at, updated_at)
      select 'bl' || s.i, ${orgId}, 'bench', 'O' || s.i, '1', 'shopee',
        case when s.i % 10 = 0 then 'cancelled' else 'completed' end, 'x',
        ${pFrom} + (s.i * 7919) % ${span}, ${dialect === 'sqlite' ? sku : skuPg},
        case when s.i % 3 = 1 then 'SẮC ĐẸP' end, 1, 100000 + (s.i * 31) % 900000, 90000 + (s.i * 31) % 810000,
        case when s.i % 50 = 0 then 10000 else 0 end, 'VND', '[]', k.id, 'voucher', ${now}, ${now}
      from ${series} join kos k on k.org_id = ${orgId} and k.code = ${code}`.execute(trx),
  );
  // Statistics, as a database in service has them (PostgreSQL's autovacuum analyzes; without them the
  // planner takes the fresh table for empty and joins the products in a nested loop: 30× slower).
  await sql`analyze`.execute(db);
}
