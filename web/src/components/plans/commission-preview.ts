/**
 * What a sample line would earn under a plan, computed in the browser with the server's rules
 * (docs/money.md; src/features/ledger/commission.ts and payouts.ts tierAdjustment — test/browser/plans-preview.test.ts
 * compares them): a SKU override first, then a category override, else the plan rate; the base is
 * net − refund or the platform commission; round(base × rate / 10 000) once, half away from zero.
 */
export interface PreviewPlan {
  rateBps: number;
  base: 'net' | 'platform_commission';
  overrides: readonly { sku?: string; category?: string; rateBps: number }[];
  steps: readonly { fromMinor: number; rateBps: number }[];
}

export interface SampleLine {
  netMinor: number;
  refundMinor: number;
  platformCommissionMinor: number | null;
  sku: string | null;
  category: string | null;
}

/** Where a line's rate came from. */
export type RateSource = 'sku' | 'category' | 'plan';

/** round(amount × bps / 10 000), half-up (half away from zero for negatives), exact through BigInt. */
export function applyBps(amountMinor: number, rateBps: number): number {
  const product = BigInt(amountMinor) * BigInt(rateBps);
  const magnitude = product < 0n ? -product : product;
  const rounded = (magnitude + 5000n) / 10000n;
  return Number(product < 0n ? -rounded : rounded);
}

export function lineBase(plan: Pick<PreviewPlan, 'base'>, line: SampleLine): number {
  return plan.base === 'platform_commission' ? (line.platformCommissionMinor ?? 0) : line.netMinor - line.refundMinor;
}

export function lineRate(plan: Pick<PreviewPlan, 'rateBps' | 'overrides'>, line: Pick<SampleLine, 'sku' | 'category'>) {
  const bySku = line.sku ? plan.overrides.find((o) => o.sku !== undefined && o.sku === line.sku) : undefined;
  if (bySku) return { rateBps: bySku.rateBps, source: 'sku' as RateSource };
  const byCategory = line.category ? plan.overrides.find((o) => o.sku === undefined && o.category === line.category) : undefined;
  if (byCategory) return { rateBps: byCategory.rateBps, source: 'category' as RateSource };
  return { rateBps: plan.rateBps, source: 'plan' as RateSource };
}

/** A line's commission entry: its base, the rate chosen and the amount. */
export function lineCommission(plan: PreviewPlan, line: SampleLine) {
  const { rateBps, source } = lineRate(plan, line);
  const baseMinor = lineBase(plan, line);
  return { baseMinor, rateBps, source, amountMinor: applyBps(baseMinor, rateBps) };
}

/** The step a month's base B reaches (the last with fromMinor ≤ B), or null without steps. */
export function stepReached(steps: PreviewPlan['steps'], monthBaseMinor: number) {
  return [...steps].reverse().find((s) => s.fromMinor <= monthBaseMinor) ?? null;
}

/**
 * The month at its close: the whole base B of the default-rate sales re-rated at the step reached
 * (round(B × r) once); without steps, the plan rate. `adjustmentMinor` is what the close adds to entries
 * booked at the plan rate (payouts.ts tierAdjustment with one entry per sale summed).
 */
export function monthAtClose(plan: PreviewPlan, monthBaseMinor: number, bookedMinor = applyBps(monthBaseMinor, plan.rateBps)) {
  const step = plan.steps.length ? stepReached(plan.steps, monthBaseMinor) : null;
  const rateBps = step ? step.rateBps : plan.rateBps;
  const amountMinor = applyBps(monthBaseMinor, rateBps);
  return { rateBps, amountMinor, adjustmentMinor: step ? amountMinor - bookedMinor : 0, stepped: step !== null };
}
