import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { GRAIN_KOS, type Grain } from './rollups.repository.js';

/**
 * The month cells of the rollups (docs/rollups.md "Month grain"), built from the day cells and the day
 * order parts of one month — never from the lines — and which months are built.
 */

export async function deleteOrgMonths(db: Db, orgId: string): Promise<void> {
  for (const table of ['rollup_months', 'rollup_month_parts', 'rollup_month_state'] as const)
    await db.deleteFrom(table).where('org_id', '=', orgId).execute();
}

/** Marks months stale (their days were refreshed): they answer again once rebuilt. */
export async function invalidateMonths(db: Db, orgId: string, months: readonly number[]): Promise<void> {
  if (months.length === 0) return;
  await db.deleteFrom('rollup_month_state').where('org_id', '=', orgId).where('month', 'in', months).execute();
}

/** The built (month, grain) pairs of an org among `months` (all of them when omitted). */
export async function builtMonths(
  db: Db,
  orgId: string,
  months?: readonly number[],
): Promise<Array<{ month: number; grain: Grain }>> {
  let query = db.selectFrom('rollup_month_state').select(['month', 'grain']).where('org_id', '=', orgId);
  if (months) query = query.where('month', 'in', [...months, -1]);
  return (await query.execute()).map((r) => ({ month: Number(r.month), grain: Number(r.grain) as Grain }));
}

/**
 * The key of a month cell over a day cell or part `d`: grain 1 keeps KOS × platform × source, grain 0
 * platform × SKU × source (the product breakdown without a KOS filter).
 */
const keyOf = (grain: Grain) =>
  grain === GRAIN_KOS
    ? { select: sql`d.kos_id, d.platform, cast(null as text) as sku, d.source`, group: sql`d.kos_id, d.platform, d.source` }
    : { select: sql`cast(null as text) as kos_id, d.platform, d.sku, d.source`, group: sql`d.platform, d.sku, d.source` };

/**
 * Per month cell and order, the facts of the order's day parts in the month, with its lines there (`k`)
 * and over all its lines (`n_all`, kept with every part): whole in the month cell when `k = n_all`
 * (docs/rollups.md "Exactness", one level up). All of an order's parts are refreshed together, so `n_all`
 * is the same on each.
 */
function partCte(orgId: string, grain: Grain, month: { from: number; to: number }): RawBuilder<unknown> {
  const key = keyOf(grain);
  return sql`with p as (
      select ${key.select}, d.order_id, sum(d.lines) as k, max(d.order_lines) as n_all, max(d.paid) as paid,
        min(d.all_cancelled) as all_cancelled, max(d.any_returned) as any_returned, max(d.any_kept) as any_kept,
        max(d.any_settled) as any_settled, max(d.new_buyer) as new_buyer
      from rollup_order_parts d
      where d.org_id = ${orgId} and d.grain = ${grain} and d.day >= ${month.from} and d.day < ${month.to}
      group by ${key.group}, d.order_id
    )`;
}

const SUM_COLUMNS = [
  'lines',
  'quantity',
  'gmv_minor',
  'net_minor',
  'refund_minor',
  'unpaid_lines',
  'pending_lines',
  'completed_lines',
  'cancelled_lines',
  'returned_lines',
] as const;
const COUNT_COLUMNS = ['orders', 'cancelled_orders', 'returned_orders', 'settled_orders', 'new_buyers'] as const;

/**
 * One pass over the month's day parts: every (month cell, order) goes into `rollup_month_parts` with its
 * lines there and over all its lines; the whole ones then count in the cells and leave the parts table.
 */
async function buildGrain(db: Db, orgId: string, grain: Grain, month: { from: number; to: number }): Promise<void> {
  const columns = sql.raw([...SUM_COLUMNS, ...COUNT_COLUMNS].join(', '));
  const sums = sql.raw([...SUM_COLUMNS, ...COUNT_COLUMNS].map((c) => `sum(u.${c})`).join(', '));
  const zeros = sql.raw(SUM_COLUMNS.map(() => '0').join(', '));
  const thisMonth = sql`p.org_id = ${orgId} and p.grain = ${grain} and p.month = ${month.from}`;
  await sql`${partCte(orgId, grain, month)}
    insert into rollup_month_parts (grain, org_id, month, kos_id, platform, sku, source, order_id,
      paid, all_cancelled, any_returned, any_kept, any_settled, new_buyer, lines, order_lines)
    select ${grain}, ${orgId}, ${month.from}, p.kos_id, p.platform, p.sku, p.source, p.order_id,
      p.paid, p.all_cancelled, p.any_returned, p.any_kept, p.any_settled, p.new_buyer, p.k, p.n_all
    from p`.execute(db);
  await sql`
    insert into rollup_months (grain, org_id, month, kos_id, platform, sku, source, ${columns})
    select ${grain}, ${orgId}, ${month.from}, u.kos_id, u.platform, u.sku, u.source, ${sums}
    from (
      select ${keyOf(grain).select}, ${sql.raw([...SUM_COLUMNS, ...COUNT_COLUMNS].map((c) => `d.${c}`).join(', '))}
      from rollup_days d
      where d.org_id = ${orgId} and d.grain = ${grain} and d.day >= ${month.from} and d.day < ${month.to}
      union all
      select p.kos_id, p.platform, p.sku, p.source, ${zeros}, p.paid,
        case when p.paid = 1 and p.all_cancelled = 1 then 1 else 0 end,
        case when p.any_returned = 1 and p.any_kept = 0 then 1 else 0 end,
        p.any_settled,
        case when p.paid = 1 and p.new_buyer = 1 then 1 else 0 end
      from rollup_month_parts p where ${thisMonth} and p.lines = p.order_lines
    ) u
    group by u.kos_id, u.platform, u.sku, u.source`.execute(db);
  await sql`delete from rollup_month_parts where org_id = ${orgId} and grain = ${grain} and month = ${month.from}
    and lines = order_lines`.execute(db);
}

/**
 * Rebuilds the month cells of one grain of the local days `[from, to)` (one calendar month, `from` its
 * first day) from its day cells, inside the caller's transaction, and marks that grain of the month built.
 * A grain per transaction keeps each write short; each state row vouches only for its own grain.
 */
export async function buildMonth(db: Db, orgId: string, grain: Grain, month: { from: number; to: number }): Promise<void> {
  for (const table of ['rollup_months', 'rollup_month_parts', 'rollup_month_state'] as const)
    await db.deleteFrom(table).where('org_id', '=', orgId).where('month', '=', month.from).where('grain', '=', grain).execute();
  await buildGrain(db, orgId, grain, month);
  await db.insertInto('rollup_month_state').values({ org_id: orgId, month: month.from, grain, built_at: Date.now() }).execute();
}
