import { applyBps } from '../../lib/money-math.js';
import type { Plan } from '../plans/plans.js';
import type { LedgerLine } from './ledger.js';

/** What commission rules read from an order line. */
export type CommissionLine = Pick<
  LedgerLine,
  'earning' | 'sku' | 'category' | 'netMinor' | 'refundMinor' | 'platformCommissionMinor'
>;

/** The plan's base of a line: net − refund (`net`), or what the platform paid us (`platform_commission`). */
export function saleBase(plan: Pick<Plan, 'base'>, line: CommissionLine): number {
  return plan.base === 'platform_commission' ? (line.platformCommissionMinor ?? 0) : line.netMinor - line.refundMinor;
}

/** The rate for a line: a SKU override first, then a category override, else the plan rate (`defaultRate`). */
export function saleRate(
  plan: Pick<Plan, 'rateBps' | 'overrides'>,
  line: Pick<CommissionLine, 'sku' | 'category'>,
): { rateBps: number; defaultRate: boolean } {
  const bySku = line.sku ? plan.overrides.find((o) => o.sku !== undefined && o.sku === line.sku) : undefined;
  const byCategory =
    !bySku && line.category ? plan.overrides.find((o) => o.sku === undefined && o.category === line.category) : undefined;
  const override = bySku ?? byCategory;
  return override ? { rateBps: override.rateBps, defaultRate: false } : { rateBps: plan.rateBps, defaultRate: true };
}

/** A line's commission: round(base × rate / 10 000), 0 when it does not earn (docs/money.md). */
export function lineCommission(
  plan: Pick<Plan, 'base' | 'rateBps' | 'overrides'>,
  line: CommissionLine,
): { amountMinor: number; baseMinor: number; rateBps: number; defaultRate: boolean } {
  const { rateBps, defaultRate } = saleRate(plan, line);
  const baseMinor = line.earning ? saleBase(plan, line) : 0;
  return { amountMinor: applyBps(baseMinor, rateBps), baseMinor, rateBps, defaultRate };
}
