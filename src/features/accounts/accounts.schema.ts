import { z } from 'zod';
import { httpUrl, id, isoDateTime, platform } from '../../lib/schemas.js';
import { keyed } from '../../lib/zod-problems.js';
import { AUDIT_ITEMS } from '../kos/account-audit.js';
import { FOLLOWER_TIERS } from './accounts.js';

const handle = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^@?[^\s@]+$/, keyed('account.handle.format', 'must be a platform handle without spaces'));
const followers = z.number().int().min(0).max(10_000_000_000);
/** Free text as the platform shows it; empty means none. */
const shown = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable();

/** The audit fields (docs/matrix.md): what the account shows and two checks a person makes (null: not checked). */
const auditFields = {
  displayName: shown(200),
  bio: shown(2000),
  linkInBio: shown(500),
  verified: z.boolean(),
  avatarOk: z.boolean().nullable(),
  pinnedOk: z.boolean().nullable(),
};

export const accountCreate = z.object({
  platform,
  handle,
  url: httpUrl.nullable().optional(),
  followers: followers.default(0),
  displayName: auditFields.displayName.optional(),
  bio: auditFields.bio.optional(),
  linkInBio: auditFields.linkInBio.optional(),
  verified: auditFields.verified.optional(),
  avatarOk: auditFields.avatarOk.optional(),
  pinnedOk: auditFields.pinnedOk.optional(),
});
export const accountPatch = z.object({
  platform: platform.optional(),
  handle: handle.optional(),
  url: httpUrl.nullable().optional(),
  followers: followers.optional(),
  displayName: auditFields.displayName.optional(),
  bio: auditFields.bio.optional(),
  linkInBio: auditFields.linkInBio.optional(),
  verified: auditFields.verified.optional(),
  avatarOk: auditFields.avatarOk.optional(),
  pinnedOk: auditFields.pinnedOk.optional(),
});
export const auditOut = z.object({
  score: z.number().int(),
  items: z.array(z.object({ key: z.enum(AUDIT_ITEMS), ok: z.boolean() })),
});
export const accountRecord = z.object({
  id: z.string(),
  kosId: z.string(),
  platform,
  handle: z.string(),
  url: z.string().nullable(),
  followers: z.number().int(),
  followerTier: z.enum(FOLLOWER_TIERS).nullable(),
  displayName: z.string().nullable(),
  bio: z.string().nullable(),
  linkInBio: z.string().nullable(),
  verified: z.boolean(),
  avatarOk: z.boolean().nullable(),
  pinnedOk: z.boolean().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const accountOut = accountRecord.extend({ audit: auditOut });
export const followerPointOut = z.object({ id: z.string(), followers: z.number().int(), recordedAt: z.string() });
export const followerPointCreate = z.object({ followers, recordedAt: isoDateTime.optional() });

export type AccountRecord = z.infer<typeof accountRecord>;
export type Account = z.infer<typeof accountOut>;
export type AccountCreate = z.infer<typeof accountCreate>;
export type AccountPatch = z.infer<typeof accountPatch>;
export type FollowerPoint = z.infer<typeof followerPointOut>;
export type FollowerPointCreate = z.infer<typeof followerPointCreate>;

/** `GET /matrix` (docs/matrix.md "Matrix view"). */
export const matrixQuery = z.object({ unitId: id.optional(), platform: platform.optional() });
export const matrixOut = z.object({
  platforms: z.array(
    z.object({
      platform,
      accounts: z.number().int(),
      kos: z.number().int(),
      followers: z.number().int(),
      followerTiers: z.object({
        nano: z.number().int(),
        micro: z.number().int(),
        mid: z.number().int(),
        macro: z.number().int(),
        mega: z.number().int(),
      }),
      avgAuditScore: z.number().nullable(),
    }),
  ),
  needsAttention: z.array(
    z.object({
      accountId: z.string(),
      kosId: z.string(),
      platform,
      handle: z.string(),
      score: z.number().int(),
      failing: z.array(z.enum(AUDIT_ITEMS)),
    }),
  ),
});
export type MatrixQuery = z.infer<typeof matrixQuery>;
export type Matrix = z.infer<typeof matrixOut>;
