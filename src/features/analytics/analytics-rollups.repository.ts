import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { MetricSums } from './analytics.js';
import type { GroupBy, Scope } from './analytics.repository.js';
import { type MetricSumsRow, metricSumsOf, ORDER_SUMS_SQL } from './order-sums-sql.js';
import { dayNumber, dayString, type RollupDays } from './rollups.js';

/**
 * The analytics sums read from the rollups instead of raw rows (docs/rollups.md "Exactness"): the same
 * maps `analytics.repository.ts` returns from raw rows, key for key, for a scope the rollups cover.
 */

/** The group key of a rollup row (aliased `r`, joined to its KOS as `k`); day keys are day numbers as raw. */
function cellKey(by: GroupBy): RawBuilder<unknown> {
  switch (by) {
    case 'kos':
      return sql`r.kos_id`;
    case 'unit':
      return sql`k.unit_id`;
    case 'platform':
      return sql`r.platform`;
    case 'product':
      return sql`r.sku`;
    case 'source':
      return sql`r.source`;
    case 'day':
      return sql`r.day`;
    default:
      return sql`''`;
  }
}

/**
 * Which cells answer: the day cells, or the month cells (docs/rollups.md "Month grain") when the period is
 * whole built months and `monthsCover` the query. Both key their period by a local day number (a month
 * cell by its first day), so `[fromDay, toDay)` selects either.
 */
export type CellTables = 'days' | 'months';

const TABLES = {
  days: { cells: sql.raw('rollup_days'), parts: sql.raw('rollup_order_parts'), period: sql.raw('r.day') },
  months: { cells: sql.raw('rollup_months'), parts: sql.raw('rollup_month_parts'), period: sql.raw('r.month') },
};

/** docs/rollups.md "Two grains": the per-KOS cells answer every grouping but the product's. */
function cellFilter(s: Scope, d: RollupDays, by: GroupBy, tables: CellTables): RawBuilder<unknown> {
  const grain = by === 'product' ? 0 : 1;
  const period = TABLES[tables].period;
  const parts = [
    sql`r.org_id = ${s.orgId}`,
    sql`r.grain = ${grain}`,
    sql`${period} >= ${d.fromDay}`,
    sql`${period} < ${d.toDay}`,
  ];
  if (s.kosIds) parts.push(s.kosIds.length ? sql`r.kos_id in (${sql.join(s.kosIds)})` : sql`1 = 0`);
  if (s.platform) parts.push(sql`r.platform = ${s.platform}`);
  if (s.source) parts.push(sql`r.source = ${s.source}`);
  return sql.join(parts, sql` and `);
}

const groupBy = (by: GroupBy, key: RawBuilder<unknown>) => (by === 'none' ? sql`` : sql`group by ${key}`);

/**
 * Order sums per group: whole orders' counts and every line sum from the cells, plus the orders that span
 * cells judged on their parts in scope, grouped by order exactly as the raw query groups lines.
 */
export async function rollupOrderSums(
  db: Db,
  s: Scope,
  d: RollupDays,
  by: GroupBy,
  tables: CellTables = 'days',
): Promise<Map<string, MetricSums>> {
  const key = cellKey(by);
  const filter = cellFilter(s, d, by, tables);
  const { cells, parts } = TABLES[tables];
  // Only the unit key needs the KOS row; SQLite does not drop an unused join (measured: 2-4x on a month).
  const unitJoin = by === 'unit' ? sql`left join kos k on k.id = r.kos_id` : sql``;
  const result = await sql<{ g: string | number | null; lines: number | string | null } & MetricSumsRow>`
    select u.g as g, sum(u.lines) as lines, sum(u.orders) as orders, sum(u."gmvMinor") as "gmvMinor",
      sum(u."netSalesMinor") as "netSalesMinor", sum(u."cancelledOrders") as "cancelledOrders",
      sum(u."returnedOrders") as "returnedOrders", sum(u."settledOrders") as "settledOrders", sum(u."newBuyers") as "newBuyers"
    from (
      select ${key} as g, sum(r.lines) as lines, sum(r.orders) as orders, sum(r.gmv_minor) as "gmvMinor",
        sum(r.net_minor) as "netSalesMinor", sum(r.cancelled_orders) as "cancelledOrders",
        sum(r.returned_orders) as "returnedOrders", sum(r.settled_orders) as "settledOrders", sum(r.new_buyers) as "newBuyers"
      from ${cells} r ${unitJoin}
      where ${filter} ${groupBy(by, key)}
      union all
      select o.g as g, 0 as lines, ${ORDER_SUMS_SQL}
      from (
        select ${key} as g, r.source, r.order_id, max(r.paid) as paid, 0 as gmv, 0 as net,
          min(r.all_cancelled) as all_cancelled, max(r.any_returned) as any_returned, max(r.any_kept) as any_kept,
          max(r.any_settled) as any_settled, max(r.new_buyer) as new_buyer
        from ${parts} r ${unitJoin}
        where ${filter}
        group by ${by === 'none' ? sql`` : sql`${key}, `}r.source, r.order_id
      ) o
      group by o.g
    ) u
    group by u.g`.execute(db);
  // Every line lies in a cell: a group without lines (only the empty aggregate of a total) is no group.
  return new Map(result.rows.filter((r) => Number(r.lines ?? 0) > 0).map((r) => [String(r.g ?? ''), metricSumsOf(r)]));
}

/**
 * Non-bot unique clicks per group from `link_daily`, or for whole months from `link_monthly` (both kept by
 * the click ingester in the clicks' transaction; their days and months are the org's calendar's): the raw
 * `clickCounts`, key for key.
 */
export async function rollupClickCounts(
  db: Db,
  s: Scope,
  d: RollupDays,
  by: 'none' | 'kos' | 'unit' | 'day',
  table: 'days' | 'months' = 'days',
) {
  const key = by === 'kos' ? sql`r.kos_id` : by === 'day' ? sql`r.day` : sql`''`;
  const [from, to] = [dayString(d.fromDay), dayString(d.toDay)];
  const source = table === 'months' ? sql`link_monthly` : sql`link_daily`;
  const parts =
    table === 'months'
      ? [sql`r.org_id = ${s.orgId}`, sql`r.month >= ${from.slice(0, 7)}`, sql`r.month < ${to.slice(0, 7)}`]
      : [sql`r.org_id = ${s.orgId}`, sql`r.day >= ${from}`, sql`r.day < ${to}`];
  if (s.kosIds) parts.push(s.kosIds.length ? sql`r.kos_id in (${sql.join(s.kosIds)})` : sql`1 = 0`);
  const where = sql.join(parts, sql` and `);
  // A unit's clicks: sum per KOS first, then join the few KOS sums to their units (not every link-day row).
  const query =
    by === 'unit'
      ? sql`select k.unit_id as g, sum(x.n) as n from (
          select r.kos_id, sum(r.unique_clicks) as n from ${source} r where ${where} group by r.kos_id
        ) x left join kos k on k.id = x.kos_id group by k.unit_id`
      : sql`select ${key} as g, sum(r.unique_clicks) as n from ${source} r where ${where} ${groupBy(by, key)}`;
  const result = await sql<{ g: string | null; n: number | string | null }>`${query}`.execute(db);
  const counts = new Map<string, number>();
  for (const row of result.rows) {
    const n = Number(row.n ?? 0);
    // Raw counting only yields groups with a click; the total is always there.
    if (by !== 'none' && n === 0) continue;
    counts.set(by === 'day' ? String(dayNumber(String(row.g))) : String(row.g ?? ''), n);
  }
  return counts;
}
