import { sql } from 'kysely';
import { KEPT_STATUSES } from '../orders/lines.js';
import type { MetricSums } from './analytics.js';

/**
 * The order-level sums of docs/metrics.md as SQL fragments, shared by every query that counts orders
 * (analytics, the platform advisor): an order is judged on its lines in scope. Pure: builds SQL, runs none.
 */

/** The kept statuses (net sales count them; the same set earns commission), as SQL literals. */
export const KEPT_SQL = sql.join(KEPT_STATUSES.map((status) => sql.lit(status)));

/** The per-order facts, over order lines aliased `l` and grouped by order (`… group by l.source, l.order_id`). */
export const ORDER_FACTS_SQL = sql`
  max(case when l.status <> 'unpaid' then 1 else 0 end) as paid,
  sum(case when l.status <> 'unpaid' then l.gross_minor else 0 end) as gmv,
  sum(case when l.status in (${KEPT_SQL}) then l.net_minor - l.refund_minor else 0 end) as net,
  min(case when l.status = 'cancelled' then 1 else 0 end) as all_cancelled,
  max(case when l.status = 'returned' then 1 else 0 end) as any_returned,
  max(case when l.status in (${KEPT_SQL}) then 1 else 0 end) as any_kept,
  max(case when l.status in ('completed', 'returned') then 1 else 0 end) as any_settled,
  max(case when l.new_buyer = 1 then 1 else 0 end) as new_buyer`;

/** The MetricSums columns over those per-order facts, aliased `o`. */
export const ORDER_SUMS_SQL = sql`
  sum(o.paid) as orders,
  sum(o.gmv) as "gmvMinor",
  sum(o.net) as "netSalesMinor",
  sum(case when o.paid = 1 and o.all_cancelled = 1 then 1 else 0 end) as "cancelledOrders",
  sum(case when o.any_returned = 1 and o.any_kept = 0 then 1 else 0 end) as "returnedOrders",
  sum(o.any_settled) as "settledOrders",
  sum(case when o.paid = 1 and o.new_buyer = 1 then 1 else 0 end) as "newBuyers"`;

export type MetricSumsRow = Record<keyof MetricSums, number | string>;

/** A row's MetricSums as numbers (PostgreSQL returns sums as strings). */
export const metricSumsOf = (r: MetricSumsRow): MetricSums => ({
  orders: Number(r.orders),
  gmvMinor: Number(r.gmvMinor),
  netSalesMinor: Number(r.netSalesMinor),
  cancelledOrders: Number(r.cancelledOrders),
  returnedOrders: Number(r.returnedOrders),
  settledOrders: Number(r.settledOrders),
  newBuyers: Number(r.newBuyers),
});
