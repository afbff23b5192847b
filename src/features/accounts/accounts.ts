export const FOLLOWER_TIERS = ['nano', 'micro', 'mid', 'macro', 'mega'] as const;
export type FollowerTier = (typeof FOLLOWER_TIERS)[number];

/** Lower bounds of each follower tier (docs/metrics.md, "Follower tiers of accounts"): nano 1k, micro 10k, mid 50k, macro 500k, mega 1M. */
export const DEFAULT_FOLLOWER_BANDS: Readonly<Record<FollowerTier, number>> = {
  nano: 1_000,
  micro: 10_000,
  mid: 50_000,
  macro: 500_000,
  mega: 1_000_000,
};

/** The follower tier of an account; null below the nano band (under 1 000 followers). */
export function followerTier(
  followers: number,
  bands: Readonly<Record<FollowerTier, number>> = DEFAULT_FOLLOWER_BANDS,
): FollowerTier | null {
  let tier: FollowerTier | null = null;
  for (const name of FOLLOWER_TIERS) if (followers >= bands[name]) tier = name;
  return tier;
}

/** Fields a `kos` member may change on their own accounts (docs/matrix.md); the rest is the brand's. */
export const KOS_EDITABLE_ACCOUNT_FIELDS = ['displayName', 'bio', 'linkInBio', 'followers'] as const;
