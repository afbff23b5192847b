import { z } from 'zod';
import { ADVISED_PLATFORMS, GOALS } from './advisor.js';

/** `GET /advisor/platforms`: a goal, an optional category (compared folded) and the reasons' language. */
export const advisorQuery = z.object({
  goal: z.enum(GOALS),
  category: z.string().trim().min(1).max(100).optional(),
  /** A language tag (`vi`, `zh-CN`, `en-US`…); else the org's locale. */
  lang: z.string().trim().max(35).optional(),
});

/** The seven platforms, best first (docs/advisor.md). */
export const advisorOut = z.object({
  rows: z.array(
    z.object({
      platform: z.enum(ADVISED_PLATFORMS),
      score: z.number().int().min(0).max(100),
      basis: z.enum(['org', 'prior']),
      reasons: z.array(z.string()),
    }),
  ),
});

export type AdvisorQuery = z.infer<typeof advisorQuery>;
export type Advice = z.infer<typeof advisorOut>;
