import { describe, expect, test } from 'vitest';
import type { Tier } from '../kos/kos.js';
import { assignTiers, DEFAULT_TIER_CUTOFFS, type TierCandidate, tierAt, tierChanges, validCutoffs } from './tiers.js';

/** n KOS K01…Kn with net sales n, n−1, … 1 (so K01 is first). */
const ladder = (n: number): TierCandidate[] =>
  Array.from({ length: n }, (_, i) => ({
    kosId: `K${String(i + 1).padStart(2, '0')}`,
    code: `K${String(i + 1).padStart(2, '0')}`,
    netW: (n - i) * 100,
    tier: null,
    locked: false,
  }));
const tiersOf = (population: TierCandidate[], cutoffs = DEFAULT_TIER_CUTOFFS) => {
  const out = assignTiers(population, cutoffs);
  return population.map((k) => out.get(k.kosId) ?? '-').join('');
};

describe('tier cut-offs 10/20/40 (docs/tiers.md "Tiers")', () => {
  test.each<[number, string]>([
    // ⌈1·10/100⌉ = 1: a lone KOS with sales is S.
    [1, 'S'],
    // n = 7: S ≤ ⌈0.7⌉ = 1, A ≤ ⌈2.1⌉ = 3, B ≤ ⌈4.9⌉ = 5.
    [7, 'SAABBCC'],
    // n = 10: S ≤ 1, A ≤ 3, B ≤ 7.
    [10, 'SAABBBBCCC'],
    // n = 11: S ≤ ⌈1.1⌉ = 2, A ≤ ⌈3.3⌉ = 4, B ≤ ⌈7.7⌉ = 8.
    [11, 'SSAABBBBCCC'],
  ])('n = %i', (n, expected) => {
    expect(tiersOf(ladder(n))).toBe(expected);
  });

  test('zero or negative net sales are C, even at the top', () => {
    const population = ladder(3).map((k) => ({ ...k, netW: k.kosId === 'K01' ? 0 : -5 }));
    expect(tiersOf(population)).toBe('CCC');
    expect(tierAt(1, 1, 0, DEFAULT_TIER_CUTOFFS)).toBe('C');
  });

  test('equal net sales are ordered by code', () => {
    const population: TierCandidate[] = ['ZED1', 'ABC1', 'MID1'].map((code) => ({
      kosId: code,
      code,
      netW: 500,
      tier: null,
      locked: false,
    }));
    // n = 3: S ≤ 1, A ≤ ⌈0.9⌉ = 1, B ≤ ⌈2.1⌉ = 3 → ABC1 S, MID1 B, ZED1 B.
    expect(Object.fromEntries(assignTiers(population, DEFAULT_TIER_CUTOFFS))).toEqual({ ABC1: 'S', MID1: 'B', ZED1: 'B' });
  });

  test('a locked KOS keeps its tier and its position in the order', () => {
    const population = ladder(10).map((k) => (k.kosId === 'K01' ? { ...k, locked: true, tier: 'C' as Tier } : k));
    // K01 still holds position 1 (S), so K02 is A, not S.
    expect(tiersOf(population)).toBe('-AABBBBCCC');
    expect(tierChanges(population, DEFAULT_TIER_CUTOFFS).find((c) => c.kosId === 'K01')).toBeUndefined();
  });

  test('cut-offs are computed in integers (7% of 100 is 7, not 8)', () => {
    const c = { s: 7, a: 20, b: 40 };
    expect([tierAt(7, 100, 1, c), tierAt(8, 100, 1, c), tierAt(27, 100, 1, c), tierAt(28, 100, 1, c)]).toEqual([
      'S',
      'A',
      'A',
      'B',
    ]);
    // 100 × 0.07 in floating point is 7.000000000000001, whose ceiling would wrongly be 8.
    expect(Math.ceil(100 * (7 / 100))).toBe(8);
  });

  test('changes list only unlocked KOS whose tier differs', () => {
    const population = ladder(3).map((k, i) => ({ ...k, tier: (['S', 'C', null] as (Tier | null)[])[i] ?? null }));
    // n = 3 → S, B, B.
    expect(tierChanges(population, DEFAULT_TIER_CUTOFFS)).toEqual([
      { kosId: 'K02', from: 'C', to: 'B' },
      { kosId: 'K03', from: null, to: 'B' },
    ]);
  });

  test.each([
    [{ s: 10, a: 20, b: 40 }, true],
    [{ s: 0, a: 0, b: 100 }, true],
    [{ s: 50, a: 30, b: 21 }, false],
    [{ s: -1, a: 0, b: 0 }, false],
    [{ s: 1.5, a: 0, b: 0 }, false],
  ])('valid cut-offs %o → %s', (c, ok) => {
    expect(validCutoffs(c)).toBe(ok);
  });
});
