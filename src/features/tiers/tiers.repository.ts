import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { eachChunk } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import type { Tier } from '../kos/kos.js';
import { KEPT_STATUSES } from '../orders/lines.js';
import type { TierReason } from './tiers.js';

/**
 * Reads for scorecards and tiers (docs/tiers.md): one grouped query per question over the whole org, never
 * one per KOS. The KOS, accounts, follower history, lines and products are other features' tables, read
 * here with SQL; this feature writes only its own (tier history, scheduled jobs).
 */

export interface KosFacts {
  id: string;
  code: string;
  name: string;
  unitId: string | null;
  status: string;
  tier: Tier | null;
  tierLocked: boolean;
}

export async function orgKos(db: Db, orgId: string): Promise<KosFacts[]> {
  const rows = await db
    .selectFrom('kos')
    .select(['id', 'code', 'name', 'unit_id', 'status', 'tier', 'tier_locked'])
    .where('org_id', '=', orgId)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    unitId: r.unit_id,
    status: r.status,
    tier: r.tier as Tier | null,
    tierLocked: r.tier_locked === 1,
  }));
}

export interface NetSums {
  /** Net sales in W. */
  w: number;
  /** Net sales in P. */
  p: number;
  /** Net sales in W in the target categories. */
  target: number;
}

const kept = sql.join(KEPT_STATUSES.map((status) => sql.lit(status)));

/**
 * The category texts, as written, of the org's lines in [from, to) and of its products: few, so the caller
 * folds them (case, tones) in code and hands the ones that match back to `netSales` as they are written.
 */
export async function categoriesSeen(db: Db, orgId: string, from: number, to: number): Promise<string[]> {
  const lines = await sql<{ c: string }>`
    select distinct l.category as c from order_lines l
    where l.org_id = ${orgId} and l.order_time >= ${from} and l.order_time < ${to} and l.category is not null`.execute(db);
  const products = await db
    .selectFrom('products')
    .select('category')
    .distinct()
    .where('org_id', '=', orgId)
    .where('category', 'is not', null)
    .execute();
  return [...new Set([...lines.rows.map((r) => r.c), ...products.map((p) => p.category as string)])];
}

/**
 * Net sales (Σ net − refund of pending and completed lines, docs/metrics.md) per KOS over W = [wFrom, wTo)
 * and P = [pFrom, wFrom), and in W in the categories `targets` (a line's category, else its product's, as
 * written; null = every category): one scan of the org's lines grouped by KOS. The KOS is written
 * `coalesce(l.kos_id, '')` on purpose: SQLite then reads the lines as a plain scan does and sorts the groups,
 * instead of walking the (org, KOS, time) index and visiting the table in KOS order (random reads, about
 * 2.5 times slower on a million lines; bench/tiers.ts).
 */
export async function netSales(
  db: Db,
  orgId: string,
  w: { pFrom: number; wFrom: number; wTo: number },
  targets: readonly string[] | null,
): Promise<Map<string, NetSums>> {
  const net = sql`l.net_minor - l.refund_minor`;
  const inW = sql`l.order_time >= ${w.wFrom}`;
  const byProduct = targets !== null && targets.length > 0;
  const target =
    targets === null
      ? sql`case when ${inW} then ${net} else 0 end`
      : byProduct
        ? sql`case when ${inW} and coalesce(nullif(l.category, ''), p.sku_category) in (${sql.join([...targets])}) then ${net} else 0 end`
        : sql`0`;
  const join = byProduct
    ? sql`left join (select sku, category as sku_category from products where org_id = ${orgId}) p on p.sku = l.sku`
    : sql``;
  const result = await sql<{ kos_id: string; w: number | string; p: number | string; t: number | string }>`
    select coalesce(l.kos_id, '') as kos_id, sum(case when ${inW} then ${net} else 0 end) as w,
      sum(case when ${inW} then 0 else ${net} end) as p, sum(${target}) as t
    from order_lines l ${join}
    where l.org_id = ${orgId} and coalesce(l.kos_id, '') <> '' and l.order_time >= ${w.pFrom} and l.order_time < ${w.wTo}
      and l.status in (${kept})
    group by 1`.execute(db);
  return new Map(result.rows.map((r) => [r.kos_id, { w: Number(r.w), p: Number(r.p), target: Number(r.t) }]));
}

export interface FollowerFacts {
  /** Σ of the accounts' current followers. */
  now: number;
  /** The largest account's followers (its follower tier is the KOS's). */
  largest: number;
  /** Σ of each account's count at `at` (see followers below). */
  start: number;
}

/**
 * Per KOS: current followers, the largest account, and followers at `at` — each account's latest recorded
 * count at or before `at`, else its earliest recorded count, else (never recorded) its current count.
 */
export async function followers(db: Db, orgId: string, at: number): Promise<Map<string, FollowerFacts>> {
  const result = await sql<{ kos_id: string; now: number | string; largest: number | string; start: number | string }>`
    select a.kos_id as kos_id, sum(a.followers) as now, max(a.followers) as largest,
      sum(coalesce(h.followers, a.followers)) as start
    from platform_accounts a
    left join (
      select account_id, followers from (
        select f.account_id, f.followers, row_number() over (
          partition by f.account_id
          order by case when f.recorded_at <= ${at} then 0 else 1 end,
            case when f.recorded_at <= ${at} then -f.recorded_at else f.recorded_at end, f.id
        ) as rn
        from follower_history f where f.org_id = ${orgId}
      ) ranked where rn = 1
    ) h on h.account_id = a.id
    where a.org_id = ${orgId}
    group by a.kos_id`.execute(db);
  return new Map(result.rows.map((r) => [r.kos_id, { now: Number(r.now), largest: Number(r.largest), start: Number(r.start) }]));
}

export interface TierHistoryRow {
  kosId: string;
  date: string;
  from: Tier | null;
  to: Tier | null;
  reason: TierReason;
  at: number;
}

export async function insertHistory(db: Db, orgId: string, rows: readonly TierHistoryRow[]): Promise<void> {
  await eachChunk(rows, (slice) =>
    db
      .insertInto('kos_tier_history')
      .values(
        slice.map((r) => ({
          id: newId(),
          org_id: orgId,
          kos_id: r.kosId,
          date: r.date,
          from_tier: r.from,
          to_tier: r.to,
          reason: r.reason,
          at: r.at,
        })),
      )
      .execute(),
  );
}

/** A KOS's tier changes, oldest first. */
export async function historyOf(db: Db, orgId: string, kosId: string): Promise<TierHistoryRow[]> {
  const rows = await db
    .selectFrom('kos_tier_history')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('kos_id', '=', kosId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    kosId: r.kos_id,
    date: r.date,
    from: r.from_tier as Tier | null,
    to: r.to_tier as Tier | null,
    reason: r.reason as TierReason,
    at: r.at,
  }));
}
