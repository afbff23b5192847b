import { z } from 'zod';
import { id, isoDate, isoDateTime, PLATFORMS } from '../../lib/schemas.js';
import { ATTRIBUTION_METHODS, CONTENT_TYPES, LINE_STATUSES } from './lines.js';

export const lineListQuery = z.object({
  from: z.union([isoDate, isoDateTime]).optional(),
  to: z.union([isoDate, isoDateTime]).optional(),
  kosId: id.optional(),
  /** Lines of the KOS in this unit's subtree (unattributed lines belong to no unit). */
  unitId: id.optional(),
  platform: z.enum(PLATFORMS).optional(),
  /** The importer, a saved mapping's name, or `webhook`. */
  source: z.string().trim().min(1).max(64).optional(),
  /** Lines of this product (the dashboard's product breakdown links here). */
  sku: z.string().trim().min(1).max(128).optional(),
  status: z.enum(LINE_STATUSES).optional(),
  attributed: z.enum(['true', 'false']).optional(),
});

export const linePatch = z.object({ kosId: id.nullable() });

export const lineOut = z.object({
  id: z.string(),
  /** The importer (`shopee`, `tiktok_shop`, `lazada`, `accesstrade`, `generic`), a saved mapping's name, or `webhook`. */
  source: z.string(),
  platform: z.enum(PLATFORMS),
  orderId: z.string(),
  lineKey: z.string(),
  status: z.enum(LINE_STATUSES),
  rawStatus: z.string(),
  orderTime: z.string(),
  completedTime: z.string().nullable(),
  sku: z.string().nullable(),
  productName: z.string().nullable(),
  category: z.string().nullable(),
  quantity: z.number().int(),
  grossMinor: z.number().int(),
  netMinor: z.number().int(),
  refundMinor: z.number().int(),
  platformCommissionMinor: z.number().int().nullable(),
  currency: z.string(),
  subIds: z.array(z.string()),
  kosCode: z.string().nullable(),
  clickId: z.string().nullable(),
  creator: z.string().nullable(),
  voucher: z.string().nullable(),
  contentType: z.enum(CONTENT_TYPES).nullable(),
  newBuyer: z.boolean().nullable(),
  kosId: z.string().nullable(),
  attribution: z.enum(ATTRIBUTION_METHODS),
  linkId: z.string().nullable(),
  sessionId: z.string().nullable(),
  importId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const lineDetailOut = lineOut.extend({
  history: z.array(z.object({ at: z.string(), importId: z.string().nullable(), change: z.record(z.string(), z.unknown()) })),
});
export type LineOut = z.infer<typeof lineOut>;
