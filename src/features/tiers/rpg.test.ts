import { describe, expect, test } from 'vitest';
import { computeRpg, percentiles, type RpgFacts, round6, rpgScore, rpgValues } from './rpg.js';

const facts = (kosId: string, f: Partial<RpgFacts>): RpgFacts => ({
  kosId,
  netW: 0,
  netP: 0,
  netTargetW: 0,
  followersNow: 0,
  followersStart: 0,
  ...f,
});

describe('raw RPG values (docs/tiers.md "RPG")', () => {
  test.each<[string, Partial<RpgFacts>, { relevance: number; performance: number; growth: number }]>([
    [
      'sales in and out of the target categories, followers doubled, sales doubled',
      { netW: 1000, netP: 500, netTargetW: 600, followersNow: 2000, followersStart: 1000 },
      { relevance: 0.6, performance: 500, growth: 2 },
    ],
    ['no sales and no followers: everything 0', {}, { relevance: 0, performance: 0, growth: 0 }],
    [
      'zero followers count as one; no previous sales divide by one',
      { netW: 3000, netTargetW: 3000 },
      { relevance: 1, performance: 3_000_000, growth: 3000 },
    ],
    [
      'falling sales make growth negative',
      { netW: 2, netP: 4, netTargetW: 2, followersNow: 1, followersStart: 1 },
      { relevance: 1, performance: 2000, growth: -0.5 },
    ],
    ['a third is kept to 6 decimals', { netW: 3, netP: 3, netTargetW: 1 }, { relevance: 0.333333, performance: 3000, growth: 0 }],
  ])('%s', (_name, f, expected) => {
    expect(rpgValues(facts('k', f))).toEqual(expected);
  });
});

describe('percentiles: k smaller values, round(100k/(n−1)) half-up, 100 when n = 1', () => {
  test.each<[string, number[], number[]]>([
    ['one KOS', [5], [100]],
    ['three distinct', [1, 2, 3], [0, 50, 100]],
    ['ties share the lower rank count', [0.5, 0.5, 0.25, 1], [33, 33, 0, 100]],
    ['all equal', [7, 7, 7], [0, 0, 0]],
    ['n = 7: 100/6 = 16.67 → 17', [1, 2, 3, 4, 5, 6, 7], [0, 17, 33, 50, 67, 83, 100]],
    ['n = 9: 12.5 → 13 and 37.5 → 38 (half-up)', [1, 2, 3, 4, 5, 6, 7, 8, 9], [0, 13, 25, 38, 50, 63, 75, 88, 100]],
  ])('%s', (_name, values, expected) => {
    expect(percentiles(values)).toEqual(expected);
  });
});

test('the score is the mean rounded half-up', () => {
  expect([rpgScore(0, 0, 1), rpgScore(0, 1, 1), rpgScore(50, 50, 50), rpgScore(33, 67, 33), rpgScore(0, 0, 100)]).toEqual([
    0, 1, 50, 44, 33,
  ]);
});

test('values are compared after rounding to 6 decimals', () => {
  expect(round6(1 / 3)).toBe(round6(0.3333334));
  expect(round6(0.3333336)).toBe(0.333334);
});

describe('RPG of a population (hand-computed)', () => {
  test('three KOS: one without followers or previous sales, one with nothing at all', () => {
    const out = computeRpg([
      facts('K1', { netW: 1000, netP: 500, netTargetW: 600, followersNow: 2000, followersStart: 1000 }),
      facts('K2', {}),
      facts('K3', { netW: 3000, netTargetW: 3000 }),
    ]);
    expect(out.get('K1')?.rpg).toEqual({ relevance: 50, performance: 50, growth: 50, score: 50 });
    expect(out.get('K2')?.rpg).toEqual({ relevance: 0, performance: 0, growth: 0, score: 0 });
    expect(out.get('K3')?.rpg).toEqual({ relevance: 100, performance: 100, growth: 100, score: 100 });
  });

  test('four KOS with ties after rounding (1/3 and 0.333333 are equal)', () => {
    const out = computeRpg([
      facts('A', { netW: 3, netP: 3, netTargetW: 1 }),
      facts('B', { netW: 1_000_000, netP: 1_000_000, netTargetW: 333_333, followersNow: 1000, followersStart: 1000 }),
      facts('C', { followersNow: 10, followersStart: 5 }),
      facts('D', { netW: 2, netP: 4, netTargetW: 2, followersNow: 1, followersStart: 1 }),
    ]);
    // relevance: C 0 → 0, A = B 0.333333 → 33, D 1 → 100; performance: C 0, D 2000, A 3000, B 1 000 000;
    // growth: D −0.5, A = B 0, C 1.
    expect(out.get('A')?.rpg).toEqual({ relevance: 33, performance: 67, growth: 33, score: 44 });
    expect(out.get('B')?.rpg).toEqual({ relevance: 33, performance: 100, growth: 33, score: 55 });
    expect(out.get('C')?.rpg).toEqual({ relevance: 0, performance: 0, growth: 100, score: 33 });
    expect(out.get('D')?.rpg).toEqual({ relevance: 100, performance: 33, growth: 0, score: 44 });
  });

  test('one KOS is at 100 on everything, even without sales', () => {
    const out = computeRpg([facts('ONLY', {})]);
    expect(out.get('ONLY')).toEqual({
      values: { relevance: 0, performance: 0, growth: 0 },
      rpg: { relevance: 100, performance: 100, growth: 100, score: 100 },
    });
  });
});
