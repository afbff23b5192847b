/**
 * RPG — relevance, performance, growth — of the org's active KOS (docs/tiers.md "RPG"). Pure: the
 * repository hands in each KOS's net sales and followers, this answers raw values and percentiles.
 */

/** What RPG reads of one KOS for a date d (W = the 30 days before d, P = the 30 before W). */
export interface RpgFacts {
  kosId: string;
  /** Net sales in W (minor units). */
  netW: number;
  /** Net sales in P. */
  netP: number;
  /** Net sales in W in the org's target categories (all of netW when the org lists none). */
  netTargetW: number;
  /** Σ of the KOS's accounts' current followers. */
  followersNow: number;
  /** Σ of each account's count at the start of W (see docs/tiers.md). */
  followersStart: number;
}

export interface RpgValues {
  relevance: number;
  performance: number;
  growth: number;
}

export interface Rpg {
  relevance: number;
  performance: number;
  growth: number;
  score: number;
}

/** Rounded to 6 decimals: values are compared (and shown) at that precision. */
export const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;

/** The raw values, each rounded to 6 decimals. A KOS without sales (net ≤ 0) has relevance 0. */
export function rpgValues(f: RpgFacts): RpgValues {
  const relevance = f.netW > 0 ? f.netTargetW / f.netW : 0;
  const performance = (f.netW * 1000) / Math.max(f.followersNow, 1);
  const growth = (f.followersNow - f.followersStart) / Math.max(f.followersStart, 1) + (f.netW - f.netP) / Math.max(f.netP, 1);
  return { relevance: round6(relevance), performance: round6(performance), growth: round6(growth) };
}

/**
 * The percentile of each value among `values`: k = how many are strictly smaller, pct = round(100k ÷ (n − 1))
 * half-up in integers, ⌊(200k + n − 1) ÷ (2(n − 1))⌋; 100 when n = 1. Equal values share a percentile.
 */
export function percentiles(values: readonly number[]): number[] {
  const n = values.length;
  if (n === 1) return [100];
  const sorted = [...values].sort((a, b) => a - b);
  const smaller = (v: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return values.map((v) => Math.floor((200 * smaller(v) + n - 1) / (2 * (n - 1))));
}

/** The mean of three integer percentiles rounded half-up, in integers: ⌊(2·sum + 3) ÷ 6⌋. */
export const rpgScore = (r: number, p: number, g: number): number => Math.floor((2 * (r + p + g) + 3) / 6);

/** RPG of every KOS of the population (the order of `population` is kept). */
export function computeRpg(population: readonly RpgFacts[]): Map<string, { values: RpgValues; rpg: Rpg }> {
  const values = population.map(rpgValues);
  const rel = percentiles(values.map((v) => v.relevance));
  const perf = percentiles(values.map((v) => v.performance));
  const growth = percentiles(values.map((v) => v.growth));
  const out = new Map<string, { values: RpgValues; rpg: Rpg }>();
  population.forEach((f, i) => {
    const r = rel[i] as number;
    const p = perf[i] as number;
    const g = growth[i] as number;
    out.set(f.kosId, {
      values: values[i] as RpgValues,
      rpg: { relevance: r, performance: p, growth: g, score: rpgScore(r, p, g) },
    });
  });
  return out;
}
