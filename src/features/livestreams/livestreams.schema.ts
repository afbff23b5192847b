import { z } from 'zod';
import { id, isoDate, isoDateTime, minor, platform } from '../../lib/schemas.js';
import { keyed } from '../../lib/zod-problems.js';
import { SESSION_STATUSES } from './livestreams.js';

const count = z.number().int().min(0).max(1_000_000_000_000);
const title = z.string().trim().min(1).max(200);
const status = z.enum(SESSION_STATUSES);

/** Session stats; on input every key is optional (missing keys are 0 on create, unchanged on PATCH). */
const statsShape = {
  views: count,
  viewers: count,
  peakViewers: count,
  avgWatchSeconds: count,
  comments: count,
  questions: count,
  questionsAnswered: count,
  productClicks: count,
  addToCart: count,
};
const statsIn = z.object(statsShape).partial();
/** A session's stats as answered (the live room's tick carries the same). */
export const statsOut = z.object(statsShape);

const productIds = z
  .array(id)
  .max(200)
  .superRefine((ids, ctx) => {
    ids.forEach((productId, i) => {
      if (ids.indexOf(productId) !== i)
        ctx.addIssue({ code: 'custom', path: [i], ...keyed('field.listed_twice', 'is listed twice') });
    });
  });

/** A flash offer: a product at `priceMinor` between `startsAt` and `endsAt`, optionally capped at `quantityLimit` units. */
const flashOffer = z
  .object({
    productId: id,
    priceMinor: minor,
    quantityLimit: z.number().int().min(1).max(10_000_000).nullable().optional(),
    startsAt: isoDateTime,
    endsAt: isoDateTime,
  })
  .refine((o) => Date.parse(o.endsAt) > Date.parse(o.startsAt), {
    path: ['endsAt'],
    ...keyed('livestream.offer.ends_before_start', 'must be after startsAt'),
  });
const flashOffers = z.array(flashOffer).max(100);

export const livestreamCreate = z.object({
  kosId: id,
  accountId: id,
  title,
  scheduledStart: isoDateTime,
  scheduledEnd: isoDateTime,
  actualStart: isoDateTime.nullable().optional(),
  actualEnd: isoDateTime.nullable().optional(),
  status: status.default('scheduled'),
  feeMinor: minor.nullable().optional(),
  productIds: productIds.default([]),
  flashOffers: flashOffers.default([]),
  stats: statsIn.optional(),
});
export const livestreamPatch = z.object({
  kosId: id.optional(),
  accountId: id.optional(),
  title: title.optional(),
  scheduledStart: isoDateTime.optional(),
  scheduledEnd: isoDateTime.optional(),
  actualStart: isoDateTime.nullable().optional(),
  actualEnd: isoDateTime.nullable().optional(),
  status: status.optional(),
  feeMinor: minor.nullable().optional(),
  productIds: productIds.optional(),
  flashOffers: flashOffers.optional(),
  stats: statsIn.optional(),
});

const dayOrTime = z
  .string()
  .refine(
    (v) => isoDate.safeParse(v).success || isoDateTime.safeParse(v).success,
    keyed('field.date_or_datetime', 'must be a date YYYY-MM-DD (org time zone) or an ISO 8601 date-time with offset'),
  );
/** List filters; `from`/`to` bound `scheduledStart` as `[from, to)`. */
export const livestreamListQuery = z.object({
  kosId: id.optional(),
  status: status.optional(),
  from: dayOrTime.optional(),
  to: dayOrTime.optional(),
});

export const flashOfferOut = z.object({
  productId: z.string(),
  priceMinor: z.number().int(),
  quantityLimit: z.number().int().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
});
export const livestreamOut = z.object({
  id: z.string(),
  kosId: z.string(),
  accountId: z.string(),
  platform,
  title: z.string(),
  scheduledStart: z.string(),
  scheduledEnd: z.string(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  status,
  feeMinor: z.number().int().nullable(),
  currency: z.string(),
  productIds: z.array(z.string()),
  flashOffers: z.array(flashOfferOut),
  stats: statsOut,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const livestreamMetricsOut = z.object({
  id: z.string(),
  gmvMinor: z.number().int(),
  orders: z.number().int(),
  gpm: z.number().nullable(),
  ctr: z.number().nullable(),
  ctor: z.number().nullable(),
  addToCartRate: z.number().nullable(),
  responseRate: z.number().nullable(),
  avgWatchSeconds: z.number().int(),
  peakViewers: z.number().int(),
  feeMinor: z.number().int(),
  commissionMinor: z.number().int(),
  currency: z.string(),
});

export type Livestream = z.infer<typeof livestreamOut>;
export type LivestreamCreate = z.infer<typeof livestreamCreate>;
export type LivestreamPatch = z.infer<typeof livestreamPatch>;
export type LivestreamListQuery = z.infer<typeof livestreamListQuery>;
export type FlashOffer = z.infer<typeof flashOfferOut>;
export type LivestreamMetrics = z.infer<typeof livestreamMetricsOut>;
