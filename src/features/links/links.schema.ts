import { z } from 'zod';
import { httpUrlKeeping, id, isoDateTime } from '../../lib/schemas.js';
import { keyed } from '../../lib/zod-problems.js';
import { DESTINATION_TOKENS, isReservedSlug, SLUG_PATTERN } from './links.js';

const slug = z
  .string()
  .trim()
  .regex(SLUG_PATTERN, keyed('link.slug.format', 'must be 3–64 characters A–Z, a–z, 0–9, _ or -'))
  .refine((s) => !isReservedSlug(s), keyed('link.slug.reserved', 'is reserved'));
// `{click_id}`, `{kos_code}` and `{slug}` may appear anywhere in the destination.
const destinationUrl = httpUrlKeeping(DESTINATION_TOKENS);
const text = (max: number) => z.string().trim().min(1).max(max);

export const linkCreate = z.object({
  kosId: id,
  destinationUrl,
  slug: slug.optional(),
  productId: id.nullable().optional(),
  campaign: text(100).nullable().optional(),
  title: text(200).nullable().optional(),
  disabled: z.boolean().default(false),
  expiresAt: isoDateTime.nullable().optional(),
});
/** Set from the product on a KOS member's own link (docs/portal.md "Own links"): present → 422 naming it. */
const fixed = z
  .unknown()
  .refine((v) => v === undefined, keyed('link.own.fixed', 'is taken from the product: a KOS member’s own link cannot set it'))
  .optional();
/** What a KOS member sends to make a link for themselves: a catalogue product and a title; `kosId` is their own. */
export const ownLinkCreate = z.object({
  kosId: id.optional(),
  productId: id,
  title: text(200).nullable().optional(),
  destinationUrl: fixed,
  slug: fixed,
  campaign: fixed,
  disabled: fixed,
  expiresAt: fixed,
});
export const linkPatch = z.object({
  destinationUrl: destinationUrl.optional(),
  slug: slug.optional(),
  productId: id.nullable().optional(),
  campaign: text(100).nullable().optional(),
  title: text(200).nullable().optional(),
  disabled: z.boolean().optional(),
  expiresAt: isoDateTime.nullable().optional(),
});
export const linkListQuery = z.object({
  kosId: id.optional(),
  productId: id.optional(),
  campaign: z.string().trim().max(100).optional(),
  disabled: z.enum(['true', 'false']).optional(),
});
export const linkOut = z.object({
  id: z.string(),
  kosId: z.string(),
  productId: z.string().nullable(),
  slug: z.string(),
  shortUrl: z.string(),
  destinationUrl: z.string(),
  campaign: z.string().nullable(),
  title: z.string().nullable(),
  disabled: z.boolean(),
  expiresAt: z.string().nullable(),
  clickCount: z.number().int(),
  uniqueClickCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Link = z.infer<typeof linkOut>;
export type LinkCreate = z.infer<typeof linkCreate>;
export type OwnLinkCreate = z.infer<typeof ownLinkCreate>;
export type LinkPatch = z.infer<typeof linkPatch>;
