import { describe, expect, test } from 'vitest';
import { DEFAULT_FOLLOWER_BANDS, followerTier } from './accounts.js';

describe('follower tier (docs/metrics.md: nano 1k–10k, micro 10k–50k, mid 50k–500k, macro 500k–1M, mega 1M+)', () => {
  test.each([
    [0, null],
    [999, null],
    [1_000, 'nano'],
    [9_999, 'nano'],
    [10_000, 'micro'],
    [49_999, 'micro'],
    [50_000, 'mid'],
    [499_999, 'mid'],
    [500_000, 'macro'],
    [999_999, 'macro'],
    [1_000_000, 'mega'],
    [250_000_000, 'mega'],
  ] as const)('%i followers → %s', (followers, tier) => {
    expect(followerTier(followers)).toBe(tier);
  });

  test('bands are configurable', () => {
    const bands = { ...DEFAULT_FOLLOWER_BANDS, nano: 500, mega: 2_000_000 };
    expect(followerTier(499, bands)).toBeNull();
    expect(followerTier(500, bands)).toBe('nano');
    expect(followerTier(1_500_000, bands)).toBe('macro');
    expect(followerTier(2_000_000, bands)).toBe('mega');
  });
});
