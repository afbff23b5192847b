/** Problems of scorecards and tiers (docs/tiers.md). */
export const TIER_PROBLEMS = {
  'org.tier_cutoffs.sum': 's + a + b must be at most 100',
} as const;
