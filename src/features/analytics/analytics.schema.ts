import { z } from 'zod';

/** A fraction (0.125 = 12.5 %), or null when it has no denominator. */
const rate = z.number().nullable();

/** The summary metrics of a scope and period (docs/metrics.md); money in minor units of `currency`. */
export const metricsOut = z.object({
  clicks: z.number().int().nullable(),
  orders: z.number().int(),
  gmvMinor: z.number().int(),
  netSalesMinor: z.number().int(),
  aovMinor: z.number().int().nullable(),
  conversionRate: rate,
  cancelRate: rate,
  returnRate: rate,
  newBuyers: z.number().int(),
  commissionMinor: z.number().int(),
  roi: rate,
  currency: z.string(),
});
/** The summary metrics per key (a KOS, unit, platform, product, source or day). */
export const breakdownOut = z.object({ rows: z.array(metricsOut.extend({ key: z.string(), label: z.string() })) });
/** KOS ranked by one metric over `[from, to)`. */
export const leaderboardOut = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(z.object({ rank: z.number().int(), kosId: z.string(), name: z.string(), value: z.number().int() })),
});

export type Metrics = z.infer<typeof metricsOut>;
export type Breakdown = z.infer<typeof breakdownOut>;
export type Leaderboard = z.infer<typeof leaderboardOut>;
