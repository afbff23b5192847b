import { z } from 'zod';
import { bps, currency, email, isoDate, locale, minor, platform, timezone } from '../../lib/schemas.js';
import { keyed } from '../../lib/zod-problems.js';

export const taxRule = z
  .object({
    country: z.string().max(8).optional(),
    rateBps: bps,
    thresholdMinor: minor,
    validFrom: isoDate,
    validTo: isoDate.nullable().optional(),
  })
  .refine((r) => !r.validTo || r.validTo >= r.validFrom, {
    ...keyed('org.tax_rule.valid_to_before_from', 'validTo is before validFrom'),
    path: ['validTo'],
  });
export type TaxRule = z.infer<typeof taxRule>;

export const slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,62}$/,
    keyed('org.slug.format', 'must be 1–63 characters a–z, 0–9 or - (starting with a letter or digit)'),
  );

/** The brand kit (docs/matrix.md): words an account's name and bio carry, the platforms to be on. */
const brandWords = z.array(z.string().trim().min(1).max(100)).max(50);
const targetPlatforms = z.array(platform).max(20);
export const brandKitOut = z.object({ brandWords: z.array(z.string()), targetPlatforms: z.array(platform) });
export type BrandKit = z.infer<typeof brandKitOut>;

/** Tier cut-offs in percent (docs/tiers.md): whole numbers ≥ 0 adding up to at most 100. */
const cutoff = z.number().int().min(0).max(100);
export const tierCutoffs = z
  .object({ s: cutoff, a: cutoff, b: cutoff })
  .refine((c) => c.s + c.a + c.b <= 100, keyed('org.tier_cutoffs.sum', 's + a + b must be at most 100'));
export const tierCutoffsOut = z.object({ s: z.number().int(), a: z.number().int(), b: z.number().int() });

export const orgCreate = z.object({
  name: z.string().trim().min(1).max(200),
  slug,
  currency: currency.default('VND'),
  timezone: timezone.default('Asia/Ho_Chi_Minh'),
  locale: locale.default('vi'),
  adminEmail: email,
  adminPassword: z.string().min(8, 'must be at least 8 characters').max(200),
  adminName: z.string().trim().min(1).max(200).optional(),
});
export type OrgCreate = z.input<typeof orgCreate>;

export const orgPatch = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  currency: currency.optional(),
  timezone: timezone.optional(),
  locale: locale.optional(),
  attributionWindowDays: z.number().int().min(0).max(365).optional(),
  postLiveWindowHours: z.number().int().min(0).max(168).optional(),
  minPayoutMinor: minor.optional(),
  taxRules: z.array(taxRule).max(100).optional(),
  targetCategories: z.array(z.string().trim().min(1).max(100)).max(100).optional(),
  /** Keys left out keep their value. */
  brandKit: z.object({ brandWords: brandWords.optional(), targetPlatforms: targetPlatforms.optional() }).optional(),
  webhookSecret: z.string().min(16, 'must be at least 16 characters').max(256).nullable().optional(),
  tierCutoffs: tierCutoffs.optional(),
});
export type OrgPatch = z.infer<typeof orgPatch>;

export const orgOut = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  currency: z.string(),
  timezone: z.string(),
  locale: z.string(),
  attributionWindowDays: z.number().int(),
  postLiveWindowHours: z.number().int(),
  minPayoutMinor: z.number().int(),
  taxRules: z.array(taxRule),
  targetCategories: z.array(z.string()),
  brandKit: brandKitOut,
  tierCutoffs: tierCutoffsOut,
  webhookSecretSet: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Org = z.infer<typeof orgOut>;
