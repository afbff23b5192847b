/** Per-group sums the database returns; every metric of PRODUCT.md §6 is derived from them. */
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
