import { z } from 'zod';
import { httpUrl, platform } from '../../lib/schemas.js';
import { keyed } from '../../lib/zod-problems.js';
import { FOLLOWER_TIERS } from './accounts.js';

const handle = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^@?[^\s@]+$/, keyed('account.handle.format', 'must be a platform handle without spaces'));
const followers = z.number().int().min(0).max(10_000_000_000);

export const accountCreate = z.object({ platform, handle, url: httpUrl.nullable().optional(), followers: followers.default(0) });
export const accountPatch = z.object({
  platform: platform.optional(),
  handle: handle.optional(),
  url: httpUrl.nullable().optional(),
  followers: followers.optional(),
});
export const accountOut = z.object({
  id: z.string(),
  kosId: z.string(),
  platform,
  handle: z.string(),
  url: z.string().nullable(),
  followers: z.number().int(),
  followerTier: z.enum(FOLLOWER_TIERS).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const followerPointOut = z.object({ id: z.string(), followers: z.number().int(), recordedAt: z.string() });

export type Account = z.infer<typeof accountOut>;
export type AccountCreate = z.infer<typeof accountCreate>;
export type AccountPatch = z.infer<typeof accountPatch>;
export type FollowerPoint = z.infer<typeof followerPointOut>;
