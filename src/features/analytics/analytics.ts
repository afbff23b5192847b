import { addDays, DAY_MS, dayInZone, dayStart } from '../../lib/time.js';

/** Per-group sums the database returns; every metric of docs/metrics.md is derived from them. */
export interface MetricSums {
  orders: number;
  gmvMinor: number;
  netSalesMinor: number;
  cancelledOrders: number;
  returnedOrders: number;
  settledOrders: number;
  newBuyers: number;
}

export interface Metrics {
  clicks: number | null;
  orders: number;
  gmvMinor: number;
  netSalesMinor: number;
  aovMinor: number | null;
  conversionRate: number | null;
  cancelRate: number | null;
  returnRate: number | null;
  newBuyers: number;
  commissionMinor: number;
  roi: number | null;
}

const ratio = (a: number, b: number | null): number | null => (b ? a / b : null);

/**
 * One definition everywhere: aov = round(gmv / orders); conversion = orders / clicks; cancel rate =
 * all-cancelled orders / orders; return rate = returned-and-nothing-kept orders / orders with a completed
 * or returned line; roi = net sales / commission. A zero denominator gives null.
 */
export function deriveMetrics(sums: MetricSums, clicks: number | null, commissionMinor: number): Metrics {
  return {
    clicks,
    orders: sums.orders,
    gmvMinor: sums.gmvMinor,
    netSalesMinor: sums.netSalesMinor,
    aovMinor: sums.orders ? Math.round(sums.gmvMinor / sums.orders) : null,
    conversionRate: clicks === null ? null : ratio(sums.orders, clicks),
    cancelRate: ratio(sums.cancelledOrders, sums.orders),
    returnRate: ratio(sums.returnedOrders, sums.settledOrders),
    newBuyers: sums.newBuyers,
    commissionMinor,
    roi: ratio(sums.netSalesMinor, commissionMinor),
  };
}

export const EMPTY_SUMS: MetricSums = {
  orders: 0,
  gmvMinor: 0,
  netSalesMinor: 0,
  cancelledOrders: 0,
  returnedOrders: 0,
  settledOrders: 0,
  newBuyers: 0,
};

const isDay = (v: string) => v.length === 10;

/**
 * The `[from, to)` instants of a query (docs/metrics.md, "Periods and time zones"): a `YYYY-MM-DD` is that day's start in the org's
 * time zone, an ISO date-time its own instant; without `to`, up to the end of today; without `from`, 30 days
 * before `to` — calendar days when `to` is a day (a DST day is 23 or 25 hours long), else 30 × 24 h.
 */
export function queryPeriod(q: { from?: string; to?: string }, timeZone: string, now: number): { from: number; to: number } {
  const toDay = q.to === undefined ? addDays(dayInZone(now, timeZone), 1) : isDay(q.to) ? q.to : undefined;
  const to = toDay ? dayStart(toDay, timeZone) : Date.parse(q.to ?? '');
  if (q.from) return { from: isDay(q.from) ? dayStart(q.from, timeZone) : Date.parse(q.from), to };
  return { from: toDay ? dayStart(addDays(toDay, -30), timeZone) : to - 30 * DAY_MS, to };
}
