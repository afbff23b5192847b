import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { localDaySql } from './day-bucket.js';
import { ORDER_FACTS_SQL } from './order-sums-sql.js';

/** The rollup tables' writes and reads of state and dirty marks (docs/rollups.md). */

export async function rollupState(db: Db, orgId: string) {
  return db.selectFrom('rollup_state').select(['timezone', 'built_at']).where('org_id', '=', orgId).executeTakeFirst();
}

export async function setRollupState(db: Db, orgId: string, timezone: string | null): Promise<void> {
  await db.deleteFrom('rollup_state').where('org_id', '=', orgId).execute();
  if (timezone) await db.insertInto('rollup_state').values({ org_id: orgId, timezone, built_at: Date.now() }).execute();
}

export async function deleteOrgRollup(db: Db, orgId: string): Promise<void> {
  await db.deleteFrom('rollup_days').where('org_id', '=', orgId).execute();
  await db.deleteFrom('rollup_order_parts').where('org_id', '=', orgId).execute();
}

/** The first and last order time of the org's lines (null without lines). */
export async function lineTimeSpan(db: Db, orgId: string): Promise<{ first: number; last: number } | null> {
  const row = await db
    .selectFrom('order_lines')
    .select((eb) => [eb.fn.min('order_time').as('first'), eb.fn.max('order_time').as('last')])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row?.first == null ? null : { first: Number(row.first), last: Number(row.last) };
}

/**
 * The order times outside `[from, to)` of lines whose order has a line inside it: an order spanning days is
 * judged on all its lines, so its other days are refreshed with it (docs/rollups.md "Freshness").
 */
export async function otherDayTimes(db: Db, orgId: string, from: number, to: number): Promise<number[]> {
  const result = await sql<{ t: number | string }>`
    select distinct l2.order_time as t from order_lines l2
    join (select distinct source, order_id from order_lines
          where org_id = ${orgId} and order_time >= ${from} and order_time < ${to}) k
      on l2.source = k.source and l2.order_id = k.order_id
    where l2.org_id = ${orgId} and (l2.order_time < ${from} or l2.order_time >= ${to})`.execute(db);
  return result.rows.map((r) => Number(r.t));
}

/**
 * The per-(cell, order) facts of the lines in `[from, to)` (`oc`), and each such order's line count over
 * all its lines (`ot`): an order is whole in a cell when the two counts agree (docs/rollups.md "Exactness").
 */
function cellCtes(orgId: string, from: number, to: number, timeZone: string, grain: Grain): RawBuilder<unknown> {
  const day = localDaySql(sql`l.order_time`, from, to, timeZone);
  // The KOS grain leaves link and SKU out of the cell (docs/rollups.md "Two grains").
  const linkSku = grain === GRAIN_LINE ? sql`l.link_id, l.sku` : sql`cast(null as text) as link_id, cast(null as text) as sku`;
  return sql`with li as (
      select ${day} as day, l.kos_id, ${linkSku}, l.platform, l.source, l.order_id, l.status, l.quantity,
        l.gross_minor, l.net_minor, l.refund_minor, l.new_buyer
      from order_lines l where l.org_id = ${orgId} and l.order_time >= ${from} and l.order_time < ${to}
    ),
    oc as (
      select l.day, l.kos_id, l.link_id, l.platform, l.sku, l.source, l.order_id, count(*) as n,
        sum(l.quantity) as quantity, sum(l.refund_minor) as refund,
        sum(case when l.status = 'unpaid' then 1 else 0 end) as unpaid_lines,
        sum(case when l.status = 'pending' then 1 else 0 end) as pending_lines,
        sum(case when l.status = 'completed' then 1 else 0 end) as completed_lines,
        sum(case when l.status = 'cancelled' then 1 else 0 end) as cancelled_lines,
        sum(case when l.status = 'returned' then 1 else 0 end) as returned_lines,
        ${ORDER_FACTS_SQL}
      from li l group by l.day, l.kos_id, l.link_id, l.platform, l.sku, l.source, l.order_id
    ),
    ot as (
      select l2.source, l2.order_id, count(*) as n_all from order_lines l2
      join (select distinct source, order_id from li) k on l2.source = k.source and l2.order_id = k.order_id
      where l2.org_id = ${orgId} group by l2.source, l2.order_id
    )`;
}

const CELL = sql`oc.day, oc.kos_id, oc.link_id, oc.platform, oc.sku, oc.source`;

/** The two grains of cells: with link and SKU (the product breakdown), and per KOS (every other query). */
export type Grain = 0 | 1;
export const GRAIN_LINE: Grain = 0;
export const GRAIN_KOS: Grain = 1;

/**
 * Recomputes the rollup of the local days `[firstDay, lastDay]` (instants `[from, to)`) from the order
 * lines, inside the caller's transaction: the days' cells and order parts are replaced.
 */
export async function refreshDays(
  db: Db,
  orgId: string,
  timeZone: string,
  days: { firstDay: number; lastDay: number; from: number; to: number },
): Promise<void> {
  for (const table of ['rollup_days', 'rollup_order_parts'] as const)
    await db
      .deleteFrom(table)
      .where('org_id', '=', orgId)
      .where('day', '>=', days.firstDay)
      .where('day', '<=', days.lastDay)
      .execute();
  for (const grain of [GRAIN_LINE, GRAIN_KOS]) await refreshGrain(db, orgId, timeZone, days, grain);
}

async function refreshGrain(db: Db, orgId: string, timeZone: string, days: { from: number; to: number }, grain: Grain) {
  const ctes = cellCtes(orgId, days.from, days.to, timeZone, grain);
  const whole = sql`oc.n = ot.n_all`;
  await sql`${ctes}
    insert into rollup_days (grain, org_id, day, kos_id, link_id, platform, sku, source, lines, quantity, gmv_minor, net_minor,
      refund_minor, unpaid_lines, pending_lines, completed_lines, cancelled_lines, returned_lines,
      orders, cancelled_orders, returned_orders, settled_orders, new_buyers)
    select ${grain}, ${orgId}, ${CELL}, sum(oc.n), sum(oc.quantity), sum(oc.gmv), sum(oc.net), sum(oc.refund),
      sum(oc.unpaid_lines), sum(oc.pending_lines), sum(oc.completed_lines), sum(oc.cancelled_lines), sum(oc.returned_lines),
      sum(case when ${whole} then oc.paid else 0 end),
      sum(case when ${whole} and oc.paid = 1 and oc.all_cancelled = 1 then 1 else 0 end),
      sum(case when ${whole} and oc.any_returned = 1 and oc.any_kept = 0 then 1 else 0 end),
      sum(case when ${whole} then oc.any_settled else 0 end),
      sum(case when ${whole} and oc.paid = 1 and oc.new_buyer = 1 then 1 else 0 end)
    from oc join ot on ot.source = oc.source and ot.order_id = oc.order_id
    group by ${CELL}`.execute(db);
  await sql`${ctes}
    insert into rollup_order_parts (grain, org_id, day, kos_id, link_id, platform, sku, source, order_id,
      paid, all_cancelled, any_returned, any_kept, any_settled, new_buyer, lines, order_lines)
    select ${grain}, ${orgId}, ${CELL}, oc.order_id, oc.paid, oc.all_cancelled, oc.any_returned, oc.any_kept, oc.any_settled,
      oc.new_buyer, oc.n, ot.n_all
    from oc join ot on ot.source = oc.source and ot.order_id = oc.order_id
    where oc.n <> ot.n_all`.execute(db);
}
