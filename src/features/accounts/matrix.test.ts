import { describe, expect, test } from 'vitest';
import type { Audit } from '../kos/account-audit.js';
import { buildMatrix, type MatrixAccount } from './matrix.js';

const audit = (failing: string[]): Audit => {
  const items = (['name', 'bio', 'link', 'avatar', 'pinned'] as const).map((key) => ({ key, ok: !failing.includes(key) }));
  return { score: 20 * items.filter((i) => i.ok).length, items };
};
const account = (
  id: string,
  kosId: string,
  platform: MatrixAccount['platform'],
  followers: number,
  failing: string[] = [],
): MatrixAccount => ({
  id,
  kosId,
  platform,
  handle: `@${id}`,
  followers,
  audit: audit(failing),
});

describe('the matrix view', () => {
  test('per platform in platform order, follower tiers, average score, the accounts needing attention worst first', () => {
    const m = buildMatrix([
      account('a1', 'k1', 'shopee', 12_000, ['pinned']),
      account('a2', 'k1', 'tiktok_shop', 600, ['avatar', 'pinned']),
      account('a3', 'k2', 'tiktok_shop', 2_000_000),
      account('a4', 'k2', 'tiktok_shop', 55_000, ['name', 'bio', 'link']),
      account('a5', 'k3', 'tiktok_shop', 9_999),
    ]);
    expect(m.platforms.map((p) => p.platform)).toEqual(['tiktok_shop', 'shopee']);
    expect(m.platforms[0]).toEqual({
      platform: 'tiktok_shop',
      accounts: 4,
      kos: 3,
      followers: 2_065_599,
      followerTiers: { nano: 1, micro: 0, mid: 1, macro: 0, mega: 1 },
      avgAuditScore: 75,
    });
    expect(m.platforms[1]?.avgAuditScore).toBe(80);
    expect(m.needsAttention).toEqual([
      { accountId: 'a4', kosId: 'k2', platform: 'tiktok_shop', handle: '@a4', score: 40, failing: ['name', 'bio', 'link'] },
      { accountId: 'a2', kosId: 'k1', platform: 'tiktok_shop', handle: '@a2', score: 60, failing: ['avatar', 'pinned'] },
    ]);
  });

  test('an empty matrix', () => {
    expect(buildMatrix([])).toEqual({ platforms: [], needsAttention: [] });
  });

  test('the average keeps one decimal', () => {
    const m = buildMatrix([
      account('a', 'k', 'lazada', 0),
      account('b', 'k', 'lazada', 0, ['pinned']),
      account('c', 'k', 'lazada', 0, ['pinned']),
    ]);
    expect(m.platforms[0]?.avgAuditScore).toBe(86.7);
  });
});
