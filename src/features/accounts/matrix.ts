import { PLATFORMS, type Platform } from '../../lib/schemas.js';
import { AUDIT_PASS_SCORE, type Audit, type AuditItem } from '../kos/account-audit.js';
import { FOLLOWER_TIERS, type FollowerTier, followerTier } from './accounts.js';

/** One account as the matrix view counts it. */
export interface MatrixAccount {
  id: string;
  kosId: string;
  platform: Platform;
  handle: string;
  followers: number;
  audit: Audit;
}

export interface MatrixRow {
  platform: Platform;
  accounts: number;
  kos: number;
  followers: number;
  followerTiers: Record<FollowerTier, number>;
  /** Mean of the accounts' audit scores, to one decimal; null with no account. */
  avgAuditScore: number | null;
}

export interface AttentionRow {
  accountId: string;
  kosId: string;
  platform: Platform;
  handle: string;
  score: number;
  failing: AuditItem[];
}

/**
 * The matrix view (docs/matrix.md "Matrix view"): one row per platform with accounts, in
 * the platform list's order, and the accounts scoring below 80, worst first (then platform, handle).
 */
export function buildMatrix(accounts: readonly MatrixAccount[]): { platforms: MatrixRow[]; needsAttention: AttentionRow[] } {
  const platforms: MatrixRow[] = [];
  for (const platform of PLATFORMS) {
    const mine = accounts.filter((a) => a.platform === platform);
    if (mine.length === 0) continue;
    const followerTiers = Object.fromEntries(FOLLOWER_TIERS.map((t) => [t, 0])) as Record<FollowerTier, number>;
    for (const a of mine) {
      const tier = followerTier(a.followers);
      if (tier) followerTiers[tier] += 1;
    }
    const total = mine.reduce((n, a) => n + a.audit.score, 0);
    platforms.push({
      platform,
      accounts: mine.length,
      kos: new Set(mine.map((a) => a.kosId)).size,
      followers: mine.reduce((n, a) => n + a.followers, 0),
      followerTiers,
      avgAuditScore: Math.round((total * 10) / mine.length) / 10,
    });
  }
  const needsAttention = accounts
    .filter((a) => a.audit.score < AUDIT_PASS_SCORE)
    .sort(
      (a, b) =>
        a.audit.score - b.audit.score ||
        PLATFORMS.indexOf(a.platform) - PLATFORMS.indexOf(b.platform) ||
        a.handle.localeCompare(b.handle) ||
        a.id.localeCompare(b.id),
    )
    .map((a) => ({
      accountId: a.id,
      kosId: a.kosId,
      platform: a.platform,
      handle: a.handle,
      score: a.audit.score,
      failing: a.audit.items.filter((i) => !i.ok).map((i) => i.key),
    }));
  return { platforms, needsAttention };
}
