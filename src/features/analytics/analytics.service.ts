import type { Db } from '../../db/database.js';
import { DAY_MS, dayInZone } from '../../lib/time.js';
import type { Principal } from '../access/access.js';
import { kosCodes, kosFilter } from '../kos/kos.service.js';
import { getOrgOrThrow } from '../orgs/orgs.service.js';
import { listOrgUnits } from '../units/units.service.js';
import { deriveMetrics, EMPTY_SUMS, type MetricSums, type Metrics, queryPeriod } from './analytics.js';
import * as repo from './analytics.repository.js';
import { rollupClickCounts, rollupOrderSums } from './analytics-rollups.repository.js';
import { dayNumberToDate } from './day-bucket.js';
import { coveringMonthGrains } from './rollup-months.service.js';
import { monthGrainFor, type RollupDays, wholeMonths } from './rollups.js';
import { coveringDays } from './rollups.service.js';

export interface AnalyticsQuery {
  from?: string;
  to?: string;
  kosId?: string;
  unitId?: string;
  platform?: string;
  source?: string;
}

/** Which data answered a query's order sums (docs/rollups.md "Coverage", "Month grain"). */
export type SumsPath = 'months' | 'days' | 'raw';

/**
 * `rollups: false` forces raw rows, `months: false` the day cells (tests and the benchmark compare the
 * three; docs/rollups.md); `onPath` hears which one answered.
 */
export interface SumsOptions {
  rollups?: boolean;
  months?: boolean;
  onPath?: (path: SumsPath) => void;
}

/** The rollup cells that may answer a query: the day cells, and the grains built for every month of a whole-month period. */
interface Cells {
  days: RollupDays;
  monthGrains: ReadonlySet<number>;
  /** Whole months: clicks come from `link_monthly` (always exact: kept with `link_daily`). */
  clickMonths: boolean;
}

/** The period and scope of a query: `[from, to)` days of the org (default: the last 30 days). */
async function scopeOf(
  db: Db,
  principal: Principal,
  q: AnalyticsQuery,
  options: SumsOptions,
): Promise<{ scope: repo.Scope; currency: string; timezone: string; cells: Cells | null }> {
  const org = await getOrgOrThrow(db, principal.orgId);
  const { from, to } = queryPeriod(q, org.timezone, Date.now());
  const kosIds = await kosFilter(db, principal, q.kosId, q.unitId);
  // docs/rollups.md "Coverage": the rollups answer when they cover the period and are fresh, else raw rows.
  const days = options.rollups === false ? null : await coveringDays(db, org, from, to);
  const monthGrains = days && options.months !== false ? await coveringMonthGrains(db, org, days) : new Set<number>();
  return {
    scope: { orgId: org.id, from, to, kosIds, platform: q.platform, source: q.source, timezone: org.timezone },
    currency: org.currency,
    timezone: org.timezone,
    cells: days ? { days, monthGrains, clickMonths: options.months !== false && wholeMonths(days) !== null } : null,
  };
}

/**
 * Order sums from the month cells when they cover the query, else the day cells, else raw rows — identical
 * by docs/rollups.md "Exactness" and "Month grain".
 */
function orderSums(db: Db, s: repo.Scope, cells: Cells | null, by: repo.GroupBy, options: SumsOptions) {
  if (!cells) {
    options.onPath?.('raw');
    return repo.orderSums(db, s, by);
  }
  const grain = monthGrainFor(by, s);
  const tables = grain !== null && cells.monthGrains.has(grain) ? 'months' : 'days';
  options.onPath?.(tables);
  return rollupOrderSums(db, s, cells.days, by, tables);
}

const clickCounts = (db: Db, s: repo.Scope, cells: Cells | null, by: 'none' | 'kos' | 'unit' | 'day') =>
  cells
    ? rollupClickCounts(db, s, cells.days, by, cells.clickMonths && by !== 'day' ? 'months' : 'days')
    : repo.clickCounts(db, s, by);

/** GMV, net sales, orders, clicks, rates and commission of a scope (docs/metrics.md). */
export async function summary(
  db: Db,
  principal: Principal,
  q: AnalyticsQuery,
  options: SumsOptions = {},
): Promise<Metrics & { currency: string }> {
  const { scope, currency, cells } = await scopeOf(db, principal, q, options);
  const sums = (await orderSums(db, scope, cells, 'none', options)).get('') ?? EMPTY_SUMS;
  // Clicks belong to KOS links, not to platforms or import sources: those scopes have no clicks.
  const clicks = q.platform || q.source ? null : ((await clickCounts(db, scope, cells, 'none')).get('') ?? 0);
  const commission = (await repo.commissionSums(db, scope, 'none')).get('') ?? 0;
  return { ...deriveMetrics(sums, clicks, commission), currency };
}

export type BreakdownBy = 'kos' | 'unit' | 'platform' | 'product' | 'source' | 'day';

/** The same metrics per KOS, unit, platform, product SKU, source or day, largest GMV first (days in order). */
export async function breakdown(db: Db, principal: Principal, by: BreakdownBy, q: AnalyticsQuery, options: SumsOptions = {}) {
  const { scope, currency, cells } = await scopeOf(db, principal, q, options);
  const sums = await orderSums(db, scope, cells, by, options);
  const clickBy = by === 'kos' || by === 'unit' || by === 'day' ? by : null;
  const clicks = clickBy && !q.platform && !q.source ? await clickCounts(db, scope, cells, clickBy) : null;
  const commission = await repo.commissionSums(db, scope, by);
  const keys = new Set([...sums.keys(), ...(clicks?.keys() ?? []), ...commission.keys()]);
  const labels = await labelsFor(db, principal, by, [...keys]);
  const rows = [...keys].map((raw) => {
    const key = by === 'day' ? dayNumberToDate(Number(raw)) : raw;
    return {
      key,
      label: labels.get(raw) ?? key,
      ...deriveMetrics(sums.get(raw) ?? EMPTY_SUMS, clicks ? (clicks.get(raw) ?? 0) : null, commission.get(raw) ?? 0),
      currency,
    };
  });
  rows.sort((a, b) => (by === 'day' ? a.key.localeCompare(b.key) : b.gmvMinor - a.gmvMinor || a.key.localeCompare(b.key)));
  return { rows };
}

async function labelsFor(db: Db, principal: Principal, by: BreakdownBy, keys: string[]): Promise<Map<string, string>> {
  if (by === 'kos') {
    const names = await db
      .selectFrom('kos')
      .select(['id', 'name'])
      .where('org_id', '=', principal.orgId)
      .where('id', 'in', [...keys, '-'])
      .execute();
    const codes = await kosCodes(db, principal.orgId, keys);
    return new Map([['', 'unattributed'], ...names.map((k) => [k.id, `${k.name} (${codes.get(k.id)})`] as [string, string])]);
  }
  if (by === 'unit')
    return new Map([
      ['', 'no unit'],
      ...(await listOrgUnits(db, principal.orgId)).map((u) => [u.id, u.name] as [string, string]),
    ]);
  if (by === 'product') {
    const rows = await db
      .selectFrom('products')
      .select(['sku', 'name'])
      .where('org_id', '=', principal.orgId)
      .where('sku', 'in', [...keys, '-'])
      .execute();
    return new Map([['', 'no SKU'], ...rows.map((p) => [p.sku, p.name] as [string, string])]);
  }
  return new Map();
}

/** Ranks KOS by net sales, GMV or orders over the week (Monday–Sunday) or month containing `date`. */
export async function leaderboard(
  db: Db,
  principal: Principal,
  q: { metric: 'netSales' | 'gmv' | 'orders'; period: 'week' | 'month'; date?: string; limit: number },
) {
  const org = await getOrgOrThrow(db, principal.orgId);
  const date = q.date ?? dayInZone(Date.now(), org.timezone);
  const day = new Date(`${date}T00:00:00Z`);
  let from: string;
  let to: string;
  if (q.period === 'month') {
    from = `${date.slice(0, 7)}-01`;
    to = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
  } else {
    const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS);
    from = monday.toISOString().slice(0, 10);
    to = new Date(monday.getTime() + 7 * DAY_MS).toISOString().slice(0, 10);
  }
  const { rows } = await breakdown(db, principal, 'kos', { from, to });
  const value = (r: (typeof rows)[number]) =>
    q.metric === 'netSales' ? r.netSalesMinor : q.metric === 'gmv' ? r.gmvMinor : r.orders;
  const ranked = rows.filter((r) => r.key !== '').sort((a, b) => value(b) - value(a) || a.key.localeCompare(b.key));
  return {
    from,
    to,
    rows: ranked.slice(0, q.limit).map((r, i) => ({ rank: i + 1, kosId: r.key, name: r.label, value: value(r) })),
  };
}

/**
 * One order or click metric per KOS over `[from, to)` (docs/metrics.md), for rankings kept by other
 * features (contests): KOS without lines or clicks are absent (0).
 */
export async function kosMetricValues(
  db: Db,
  org: { id: string; timezone: string },
  metric: 'netSales' | 'gmv' | 'orders' | 'newBuyers' | 'clicks',
  range: { from: number; to: number },
  kosIds: readonly string[],
): Promise<Map<string, number>> {
  const scope: repo.Scope = { orgId: org.id, from: range.from, to: range.to, kosIds, timezone: org.timezone };
  if (metric === 'clicks') return repo.clickCounts(db, scope, 'kos');
  const sums = await repo.orderSums(db, scope, 'kos');
  const pick = (s: MetricSums): number =>
    metric === 'netSales' ? s.netSalesMinor : metric === 'gmv' ? s.gmvMinor : metric === 'orders' ? s.orders : s.newBuyers;
  return new Map([...sums].map(([kosId, s]) => [kosId, pick(s)]));
}
