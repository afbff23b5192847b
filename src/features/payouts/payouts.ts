import { applyBps, sum } from '../../lib/money-math.js';

/**
 * The payout's own model and pure rules (docs/money.md): statuses, a payout, the step-tier top-up at
 * close and the tax withheld.
 */
export const PAYOUT_STATUSES = ['draft', 'approved', 'paid'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

export interface Payout {
  id: string;
  kosId: string;
  period: string;
  grossMinor: number;
  withheldMinor: number;
  netMinor: number;
  currency: string;
  status: PayoutStatus;
  reference: string | null;
  createdAt: number;
  approvedAt: number | null;
  paidAt: number | null;
  entryIds: string[];
}

/** A plan's step: from this month base on, this rate for all of it (whole-amount, not marginal). */
export interface Step {
  fromMinor: number;
  rateBps: number;
}

/**
 * The step-tier top-up at payout close: the month's base B (default-rate sale entries taken) earns the
 * rate of the last step with fromMinor ≤ B on all of it; the adjustment is round(B × r) − what those
 * entries already pay. Zero without steps.
 */
export function tierAdjustment(steps: readonly Step[], entries: readonly { baseMinor: number; amountMinor: number }[]): number {
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
