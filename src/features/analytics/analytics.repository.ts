import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { MetricSums } from './analytics.js';
import { localDaySql } from './day-bucket.js';
import { type MetricSumsRow, metricSumsOf, ORDER_FACTS_SQL, ORDER_SUMS_SQL } from './order-sums-sql.js';

export type GroupBy = 'none' | 'kos' | 'unit' | 'platform' | 'product' | 'source' | 'day';

export interface Scope {
  orgId: string;
  from: number;
  to: number;
  /** Only these KOS (a KOS, unit or caller scope); undefined = the whole org, unattributed lines included. */
  kosIds?: readonly string[];
  platform?: string;
  source?: string;
  /** The org's time zone: day buckets are its calendar days. */
  timezone: string;
}

/** PostgreSQL refuses `GROUP BY ''`: the whole-scope total has no GROUP BY at all. */
const groupBy = (by: string, key: RawBuilder<unknown>) => (by === 'none' ? sql`` : sql`group by ${key}`);

/** The org's calendar day of an epoch-ms column, over the scope's period. */
const localDay = (column: RawBuilder<unknown>, s: Scope) => localDaySql(column, s.from, s.to, s.timezone);

/** The group key of a line (`l`, joined to its KOS as `k`), the same expression on SQLite and PostgreSQL. */
function lineKey(by: GroupBy, s: Scope): RawBuilder<unknown> {
  switch (by) {
    case 'kos':
      return sql`l.kos_id`;
    case 'unit':
      return sql`k.unit_id`;
    case 'platform':
      return sql`l.platform`;
    case 'product':
      return sql`l.sku`;
    case 'source':
      return sql`l.source`;
    case 'day':
      return localDay(sql`l.order_time`, s);
    default:
      return sql`''`;
  }
}

function lineFilter(s: Scope): RawBuilder<unknown> {
  const parts = [sql`l.org_id = ${s.orgId}`, sql`l.order_time >= ${s.from}`, sql`l.order_time < ${s.to}`];
  if (s.kosIds) parts.push(s.kosIds.length ? sql`l.kos_id in (${sql.join(s.kosIds)})` : sql`1 = 0`);
  if (s.platform) parts.push(sql`l.platform = ${s.platform}`);
  if (s.source) parts.push(sql`l.source = ${s.source}`);
  return sql.join(parts, sql` and `);
}

/** Order-level sums per group (docs/metrics.md): each order is judged on its lines in scope. */
export async function orderSums(db: Db, s: Scope, by: GroupBy): Promise<Map<string, MetricSums>> {
  const key = lineKey(by, s);
  const result = await sql<{ g: string | number | null } & MetricSumsRow>`
    select o.g as g, ${ORDER_SUMS_SQL}
    from (
      select ${key} as g, l.source, l.order_id, ${ORDER_FACTS_SQL}
      from order_lines l left join kos k on k.id = l.kos_id
      where ${lineFilter(s)}
      group by ${by === 'none' ? sql`` : sql`${key}, `}l.source, l.order_id
    ) o
    group by o.g`.execute(db);
  return new Map(result.rows.map((r) => [String(r.g ?? ''), metricSumsOf(r)]));
}

/** Non-bot clicks, a visitor's repeats on a link within the hour counted once, by click time. */
export async function clickCounts(db: Db, s: Scope, by: 'none' | 'kos' | 'unit' | 'day'): Promise<Map<string, number>> {
  const key =
    by === 'kos' ? sql`c.kos_id` : by === 'unit' ? sql`k.unit_id` : by === 'day' ? localDay(sql`c.clicked_at`, s) : sql`''`;
  const parts = [
    sql`c.org_id = ${s.orgId}`,
    sql`c.clicked_at >= ${s.from}`,
    sql`c.clicked_at < ${s.to}`,
    sql`c.is_bot = 0`,
    sql`c.is_unique = 1`,
  ];
  if (s.kosIds) parts.push(s.kosIds.length ? sql`c.kos_id in (${sql.join(s.kosIds)})` : sql`1 = 0`);
  const result = await sql<{ g: string | number | null; n: number | string }>`
    select ${key} as g, count(*) as n from clicks c left join kos k on k.id = c.kos_id where ${sql.join(parts, sql` and `)} ${groupBy(by, key)}`.execute(
    db,
  );
  return new Map(result.rows.map((r) => [String(r.g ?? ''), Number(r.n)]));
}

/** Σ non-void ledger entries by when their cause happened (a sale by its line's order time, a fee by the session's end). */
export async function commissionSums(db: Db, s: Scope, by: GroupBy): Promise<Map<string, number>> {
  const key =
    by === 'kos'
      ? sql`e.kos_id`
      : by === 'unit'
        ? sql`k.unit_id`
        : by === 'day'
          ? localDay(sql`e.cause_at`, s)
          : by === 'platform'
            ? sql`l.platform`
            : by === 'product'
              ? sql`l.sku`
              : by === 'source'
                ? sql`l.source`
                : sql`''`;
  const parts = [sql`e.org_id = ${s.orgId}`, sql`e.cause_at >= ${s.from}`, sql`e.cause_at < ${s.to}`, sql`e.status <> 'void'`];
  if (s.kosIds) parts.push(s.kosIds.length ? sql`e.kos_id in (${sql.join(s.kosIds)})` : sql`1 = 0`);
  if (s.platform) parts.push(sql`l.platform = ${s.platform}`);
  if (s.source) parts.push(sql`l.source = ${s.source}`);
  const result = await sql<{ g: string | number | null; n: number | string }>`
    select ${key} as g, sum(e.amount_minor) as n from ledger_entries e
    left join order_lines l on l.id = e.line_id left join kos k on k.id = e.kos_id
    where ${sql.join(parts, sql` and `)} ${groupBy(by, key)}`.execute(db);
  return new Map(result.rows.map((r) => [String(r.g ?? ''), Number(r.n)]));
}
