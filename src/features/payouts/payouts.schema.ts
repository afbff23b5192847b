import { z } from 'zod';
import { PAYOUT_STATUSES } from './payouts.js';

/** A payout as the API answers it, with the ids of the entries it pays (times as ISO 8601 text). */
export const payoutOut = z.object({
  id: z.string(),
  kosId: z.string(),
  period: z.string(),
  grossMinor: z.number().int(),
  withheldMinor: z.number().int(),
  netMinor: z.number().int(),
  currency: z.string(),
  status: z.enum(PAYOUT_STATUSES),
  reference: z.string().nullable(),
  entryIds: z.array(z.string()),
  createdAt: z.string(),
  approvedAt: z.string().nullable(),
  paidAt: z.string().nullable(),
});
/** `POST /payouts/close`: the month and its payouts (made now, or the same ones when it was closed before). */
export const closePeriodOut = z.object({ period: z.string(), payouts: z.array(payoutOut) });

export type PayoutOut = z.infer<typeof payoutOut>;
export type ClosePeriodOut = z.infer<typeof closePeriodOut>;
