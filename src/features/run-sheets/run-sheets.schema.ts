import { z } from 'zod';
import { id, minor } from '../../lib/schemas.js';

const faq = z.object({ q: z.string().trim().min(1).max(500), a: z.string().trim().min(1).max(2000) });
const minute = z.number().int().min(0).max(100_000);
const offerMinute = z.number().int().min(-100_000).max(100_000);

const flashOfferIn = z.object({
  priceMinor: minor,
  quantity: z.number().int().min(1).max(10_000_000).nullable(),
  startMinute: offerMinute,
  endMinute: offerMinute,
});

/** A segment as sent: the shape of a read, `stockWarning` ignored (it is recomputed at every read). */
const segmentIn = z.object({
  position: z.number().int().min(1).max(1000),
  productId: id,
  startMinute: minute,
  durationMinutes: minute,
  talkingPoints: z.string().max(5000).default(''),
  faqs: z.array(faq).max(100).default([]),
  flashOffer: flashOfferIn.nullable().optional(),
  stockWarning: z.boolean().optional(),
});
export const runSheetPut = z.object({ segments: z.array(segmentIn).max(200) });

const segmentOut = z.object({
  position: z.number().int(),
  productId: z.string(),
  startMinute: z.number().int(),
  durationMinutes: z.number().int(),
  talkingPoints: z.string(),
  faqs: z.array(z.object({ q: z.string(), a: z.string() })),
  flashOffer: z
    .object({
      priceMinor: z.number().int(),
      quantity: z.number().int().nullable(),
      startMinute: z.number().int(),
      endMinute: z.number().int(),
    })
    .nullable(),
  stockWarning: z.boolean(),
});
export const runSheetOut = z.object({ sessionId: z.string(), segments: z.array(segmentOut), updatedAt: z.string() });
export const runSheetHtmlQuery = z.object({ lang: z.enum(['vi', 'zh-CN', 'en']).optional() });

export type RunSheetPut = z.infer<typeof runSheetPut>;
export type RunSheet = z.infer<typeof runSheetOut>;
