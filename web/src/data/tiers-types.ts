/**
 * The answers of the tier endpoints the console reads (docs/tiers.md), typed from the server's own response
 * schemas (type-only imports), and the enums the console shows.
 */
import type { z } from 'zod';
import type { tierCutoffsOut } from '../../../src/features/orgs/orgs.schema';
import type {
  distributionOut,
  recomputeOut,
  scorecardOut,
  scorecardsOut,
  tierHistoryOut,
  trendOut,
} from '../../../src/features/tiers/tiers.schema';
import type { Kos } from '../types';

export type Tier = NonNullable<Kos['tier']>;

/** `GET /kos/{id}/scorecard?date=`: the KPIs over [date − 30, date), followers, tiers and RPG. */
export type Scorecard = z.infer<typeof scorecardOut>;
/** RPG percentiles 0–100 among the org's active KOS, and their mean; null outside the population. */
export type Rpg = NonNullable<Scorecard['rpg']>;
/** The raw values behind the percentiles. */
export type RpgValues = Scorecard['rpgValues'];
/** `GET /scorecards`: every KOS the caller sees. */
export type ScorecardList = z.infer<typeof scorecardsOut>;
export type ScorecardRow = ScorecardList['items'][number];
/** `GET /kos/{id}/scorecard/trend?weeks=`: one point a week. */
export type Trend = z.infer<typeof trendOut>;
/** `GET /kos/{id}/tier-history`. */
export type TierHistory = z.infer<typeof tierHistoryOut>;
/** `GET /tiers/distribution?unitId=`: active KOS of each unit's subtree by tier (`none`: no tier yet). */
export type Distribution = z.infer<typeof distributionOut>;
export type DistributionRow = Distribution['rows'][number];
/** `POST /tiers/recompute`. */
export type Recompute = z.infer<typeof recomputeOut>;
/** The org's cut-offs in percent (`tierCutoffs` of GET/PATCH /org). */
export type TierCutoffs = z.infer<typeof tierCutoffsOut>;
export const DEFAULT_CUTOFFS: TierCutoffs = { s: 10, a: 20, b: 40 };

/** The three RPG axes, in the order the radar and the table show them. */
export const RPG_AXES = ['relevance', 'performance', 'growth'] as const satisfies readonly (keyof RpgValues)[];
export type RpgAxis = (typeof RPG_AXES)[number];

type TierReason = TierHistory['items'][number]['reason'];
/** Why a tier changed (enums.ts `tiers.reason`). */
export const TIER_REASONS = ['recompute', 'manual'] as const satisfies readonly TierReason[];
