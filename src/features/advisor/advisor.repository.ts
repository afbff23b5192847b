import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { MetricSums } from '../analytics/analytics.js';
import { KEPT_STATUSES } from '../orders/lines.js';
import { ADVISED_PLATFORMS } from './advisor.js';

/**
 * The advisor reads order lines and products in SQL (docs/architecture.md: reading another feature's
 * table in a query is allowed; it writes nothing); accounts come from the accounts feature's matrix view. A line's category is its catalogue product's (by SKU),
 * else the category its report gave (docs/advisor.md "Category").
 */
export interface Window {
  orgId: string;
  from: number;
  to: number;
}

const lineCategory = sql`coalesce(p.category, l.category)`;
const fromLines = sql`from order_lines l left join products p on p.org_id = l.org_id and p.sku = l.sku`;
const kept = sql.join(KEPT_STATUSES.map((status) => sql.lit(status)));

function lineFilter(w: Window, categories: readonly string[] | null): RawBuilder<unknown> {
  const parts = [
    sql`l.org_id = ${w.orgId}`,
    sql`l.order_time >= ${w.from}`,
    sql`l.order_time < ${w.to}`,
    sql`l.platform in (${sql.join(ADVISED_PLATFORMS.map((p) => sql.lit(p)))})`,
  ];
  if (categories) parts.push(categories.length ? sql`${lineCategory} in (${sql.join(categories)})` : sql`1 = 0`);
  return sql.join(parts, sql` and `);
}

/** The distinct categories of the window's lines on the seven platforms, as stored (the service folds them). */
export async function lineCategories(db: Db, w: Window): Promise<string[]> {
  const result = await sql<{ c: string | null }>`
    select distinct ${lineCategory} as c ${fromLines} where ${lineFilter(w, null)}`.execute(db);
  return result.rows.flatMap((r) => (r.c === null ? [] : [r.c]));
}

export interface PlatformOrderSums extends MetricSums {
  knownBuyerOrders: number;
}

/**
 * Order-level sums per platform as docs/metrics.md defines them (the same expressions as analytics'
 * orderSums), plus the paid orders with a line saying whether the buyer is new. `categories` null = every line.
 */
export async function platformOrderSums(
  db: Db,
  w: Window,
  categories: readonly string[] | null,
): Promise<Map<string, PlatformOrderSums>> {
  const result = await sql<{ platform: string } & Record<keyof PlatformOrderSums, number | string>>`
    select o.platform as platform,
      sum(o.paid) as orders,
      sum(o.gmv) as "gmvMinor",
      sum(o.net) as "netSalesMinor",
      sum(case when o.paid = 1 and o.all_cancelled = 1 then 1 else 0 end) as "cancelledOrders",
      sum(case when o.any_returned = 1 and o.any_kept = 0 then 1 else 0 end) as "returnedOrders",
      sum(o.any_settled) as "settledOrders",
      sum(case when o.paid = 1 and o.new_buyer = 1 then 1 else 0 end) as "newBuyers",
      sum(case when o.paid = 1 and o.buyer_known = 1 then 1 else 0 end) as "knownBuyerOrders"
    from (
      select l.platform, l.source, l.order_id,
        max(case when l.status <> 'unpaid' then 1 else 0 end) as paid,
        sum(case when l.status <> 'unpaid' then l.gross_minor else 0 end) as gmv,
        sum(case when l.status in (${kept}) then l.net_minor - l.refund_minor else 0 end) as net,
        min(case when l.status = 'cancelled' then 1 else 0 end) as all_cancelled,
        max(case when l.status = 'returned' then 1 else 0 end) as any_returned,
        max(case when l.status in (${kept}) then 1 else 0 end) as any_kept,
        max(case when l.status in ('completed', 'returned') then 1 else 0 end) as any_settled,
        max(case when l.new_buyer = 1 then 1 else 0 end) as new_buyer,
        max(case when l.new_buyer is not null then 1 else 0 end) as buyer_known
      ${fromLines}
      where ${lineFilter(w, categories)}
      group by l.platform, l.source, l.order_id
    ) o
    group by o.platform`.execute(db);
  return new Map(
    result.rows.map((r) => [
      r.platform,
      {
        orders: Number(r.orders),
        gmvMinor: Number(r.gmvMinor),
        netSalesMinor: Number(r.netSalesMinor),
        cancelledOrders: Number(r.cancelledOrders),
        returnedOrders: Number(r.returnedOrders),
        settledOrders: Number(r.settledOrders),
        newBuyers: Number(r.newBuyers),
        knownBuyerOrders: Number(r.knownBuyerOrders),
      },
    ]),
  );
}
