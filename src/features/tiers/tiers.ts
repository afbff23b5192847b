import type { Tier } from '../kos/kos.js';

/**
 * Performance tiers by net sales (docs/tiers.md "Tiers"). Pure: the service hands in the population
 * (the org's active KOS, locked ones and those without sales included) and gets the tiers to set.
 */

export interface TierCutoffs {
  s: number;
  a: number;
  b: number;
}

export const DEFAULT_TIER_CUTOFFS: TierCutoffs = { s: 10, a: 20, b: 40 };

export const TIER_REASONS = ['recompute', 'manual'] as const;
export type TierReason = (typeof TIER_REASONS)[number];

export interface TierCandidate {
  kosId: string;
  code: string;
  /** Net sales in W (minor units). */
  netW: number;
  tier: Tier | null;
  locked: boolean;
}

/** ⌈n·pct/100⌉ in integers. */
const ceilShare = (n: number, pct: number): number => Math.floor((n * pct + 99) / 100);

/** The tier of position p (1-based) among n, for net sales `net`: C when net ≤ 0. */
export function tierAt(p: number, n: number, net: number, c: TierCutoffs): Tier {
  if (net <= 0) return 'C';
  if (p <= ceilShare(n, c.s)) return 'S';
  if (p <= ceilShare(n, c.s + c.a)) return 'A';
  if (p <= ceilShare(n, c.s + c.a + c.b)) return 'B';
  return 'C';
}

/**
 * Positions by net sales descending, then code ascending; every KOS takes a position (a locked one too),
 * and each unlocked KOS gets the tier of its position. Answers kosId → the tier it should have (locked
 * KOS are left out).
 */
export function assignTiers(population: readonly TierCandidate[], cutoffs: TierCutoffs): Map<string, Tier> {
  const n = population.length;
  const order = [...population].sort((x, y) => y.netW - x.netW || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  const out = new Map<string, Tier>();
  order.forEach((k, i) => {
    if (!k.locked) out.set(k.kosId, tierAt(i + 1, n, k.netW, cutoffs));
  });
  return out;
}

/** The changes a recompute makes: unlocked KOS whose tier differs from the one they should have. */
export function tierChanges(
  population: readonly TierCandidate[],
  cutoffs: TierCutoffs,
): { kosId: string; from: Tier | null; to: Tier }[] {
  const target = assignTiers(population, cutoffs);
  const changes: { kosId: string; from: Tier | null; to: Tier }[] = [];
  for (const k of population) {
    const to = target.get(k.kosId);
    if (to && to !== k.tier) changes.push({ kosId: k.kosId, from: k.tier, to });
  }
  return changes;
}

/** Cut-offs are integer percentages ≥ 0 whose sum is at most 100. */
export const validCutoffs = (c: TierCutoffs): boolean =>
  [c.s, c.a, c.b].every((v) => Number.isInteger(v) && v >= 0) && c.s + c.a + c.b <= 100;
