import { z } from 'zod';
import { ENTRY_KINDS, ENTRY_STATUSES } from './ledger.js';

/** A ledger entry as the API answers it (times as ISO 8601 text). */
export const entryOut = z.object({
  id: z.string(),
  kosId: z.string(),
  kind: z.enum(ENTRY_KINDS),
  amountMinor: z.number().int(),
  currency: z.string(),
  status: z.enum(ENTRY_STATUSES),
  eligibleAt: z.string().nullable(),
  lineId: z.string().nullable(),
  sessionId: z.string().nullable(),
  payoutId: z.string().nullable(),
  planId: z.string().nullable(),
  baseMinor: z.number().int().nullable(),
  rateBps: z.number().int().nullable(),
  reason: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type EntryOut = z.infer<typeof entryOut>;
