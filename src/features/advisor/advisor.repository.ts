import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { MetricSums } from '../analytics/analytics.js';
import { type MetricSumsRow, metricSumsOf, ORDER_FACTS_SQL, ORDER_SUMS_SQL } from '../analytics/order-sums-sql.js';
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
 * Order-level sums per platform as docs/metrics.md defines them (analytics' shared expressions), plus the paid orders with a line saying whether the buyer is new. `categories` null = every line.
 */
export async function platformOrderSums(
  db: Db,
  w: Window,
  categories: readonly string[] | null,
): Promise<Map<string, PlatformOrderSums>> {
  const result = await sql<{ platform: string; knownBuyerOrders: number | string } & MetricSumsRow>`
    select o.platform as platform, ${ORDER_SUMS_SQL},
      sum(case when o.paid = 1 and o.buyer_known = 1 then 1 else 0 end) as "knownBuyerOrders"
    from (
      select l.platform, l.source, l.order_id, ${ORDER_FACTS_SQL},
        max(case when l.new_buyer is not null then 1 else 0 end) as buyer_known
      ${fromLines}
      where ${lineFilter(w, categories)}
      group by l.platform, l.source, l.order_id
    ) o
    group by o.platform`.execute(db);
  return new Map(result.rows.map((r) => [r.platform, { ...metricSumsOf(r), knownBuyerOrders: Number(r.knownBuyerOrders) }]));
}
