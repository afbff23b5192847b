import { applyBps, sum } from '../../lib/money-math.js';
import type { Plan } from '../plans/plans.js';

/** What commission rules read from an order line. */
export interface CommissionLine {
  status: 'unpaid' | 'pending' | 'completed' | 'cancelled' | 'returned';
  sku: string | null;
  category: string | null;
  netMinor: number;
  refundMinor: number;
  platformCommissionMinor: number | null;
}

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

/** Whether a line earns commission at all: attributed lines that are pending or completed. */
export const earns = (status: CommissionLine['status']): boolean => status === 'pending' || status === 'completed';

/** A line's commission: round(base × rate / 10 000), 0 when it does not earn. */
export function lineCommission(
  plan: Pick<Plan, 'base' | 'rateBps' | 'overrides'>,
  line: CommissionLine,
): { amountMinor: number; baseMinor: number; rateBps: number; defaultRate: boolean } {
  const { rateBps, defaultRate } = saleRate(plan, line);
  const baseMinor = earns(line.status) ? saleBase(plan, line) : 0;
  return { amountMinor: applyBps(baseMinor, rateBps), baseMinor, rateBps, defaultRate };
}

/**
 * The step-tier top-up at payout close: the month's base B (default-rate sale entries taken) earns the
 * rate of the last step with fromMinor ≤ B on all of it; the adjustment is round(B × r) − what those
 * entries already pay. Zero without steps.
 */
export function tierAdjustment(steps: Plan['steps'], entries: readonly { baseMinor: number; amountMinor: number }[]): number {
  if (steps.length === 0 || entries.length === 0) return 0;
  const base = sum(entries.map((e) => e.baseMinor));
  const step = [...steps].reverse().find((s) => s.fromMinor <= base);
  if (!step) return 0;
  return applyBps(base, step.rateBps) - sum(entries.map((e) => e.amountMinor));
}

export interface TaxRule {
  rateBps: number;
  thresholdMinor: number;
  validFrom: string;
  validTo?: string | null;
}

/**
 * Personal income tax withheld from a payout: the org's rule valid on the period's last day applies
 * when the KOS has neither a labour contract of 3+ months nor commitment form 08/CK-TNCN and the gross
 * reaches the threshold (Circular 111/2013/TT-BTC art. 25.1.i: 10% from 2 000 000 ₫).
 */
export function withholding(
  grossMinor: number,
  rules: readonly TaxRule[],
  lastDay: string,
  profile: { hasLabourContract3m: boolean; commitment08: boolean },
): number {
  if (profile.hasLabourContract3m || profile.commitment08) return 0;
  const rule = rules
    .filter((r) => r.validFrom <= lastDay && (!r.validTo || lastDay <= r.validTo))
    .sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
  if (!rule || grossMinor < rule.thresholdMinor) return 0;
  return applyBps(grossMinor, rule.rateBps);
}
