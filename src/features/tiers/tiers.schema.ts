import { z } from 'zod';
import { isoDate } from '../../lib/schemas.js';
import { FOLLOWER_TIERS } from '../accounts/accounts.js';
import { metricsOut } from '../analytics/analytics.schema.js';
import { KOS_STATUSES, TIERS } from '../kos/kos.js';
import { UNIT_KINDS } from '../units/units.js';
import { TIER_REASONS } from './tiers.js';

const tier = z.enum(TIERS).nullable();
const rpg = z
  .object({
    relevance: z.number().int(),
    performance: z.number().int(),
    growth: z.number().int(),
    score: z.number().int(),
  })
  .nullable();
const rpgValues = z.object({ relevance: z.number(), performance: z.number(), growth: z.number() });

export const dateQuery = z.object({ date: isoDate.optional() });
export const recomputeBody = z.object({ date: isoDate.optional() });

export const scorecardOut = z.object({
  date: z.string(),
  kpis: metricsOut,
  followers: z.number().int(),
  followerTier: z.enum(FOLLOWER_TIERS).nullable(),
  tier,
  tierLocked: z.boolean(),
  rpg,
  rpgValues,
});

export const recomputeOut = z.object({
  date: z.string(),
  changes: z.array(z.object({ kosId: z.string(), from: tier, to: z.enum(TIERS) })),
});

export const tierHistoryOut = z.object({
  items: z.array(z.object({ date: z.string(), from: tier, to: tier, reason: z.enum(TIER_REASONS) })),
});

export const scorecardsQuery = z.object({ date: isoDate.optional(), unitId: z.string().min(1).max(64).optional() });
export const scorecardsOut = z.object({
  date: z.string(),
  items: z.array(
    z.object({
      kosId: z.string(),
      code: z.string(),
      name: z.string(),
      unitId: z.string().nullable(),
      status: z.enum(KOS_STATUSES),
      tier,
      tierLocked: z.boolean(),
      followers: z.number().int(),
      netSalesMinor: z.number().int(),
      rpg,
      rpgValues,
    }),
  ),
});

export const distributionQuery = z.object({ unitId: z.string().min(1).max(64).optional() });
const count = z.number().int();
export const distributionOut = z.object({
  rows: z.array(
    z.object({
      unitId: z.string(),
      name: z.string(),
      kind: z.enum(UNIT_KINDS),
      S: count,
      A: count,
      B: count,
      C: count,
      none: count,
    }),
  ),
});

export const trendQuery = z.object({ weeks: z.coerce.number().int().min(1).max(52).default(12) });
export const trendOut = z.object({
  points: z.array(
    z.object({
      date: z.string(),
      netSalesMinor: z.number().int(),
      gmvMinor: z.number().int(),
      orders: z.number().int(),
      rpgScore: z.number().int().nullable(),
    }),
  ),
});
