import { z } from 'zod';
import { httpUrl, minor } from '../../lib/schemas.js';
import { keyed } from '../../lib/zod-problems.js';

const platformId = z.string().trim().min(1).max(64);
const faq = z.object({ q: z.string().trim().min(1).max(500), a: z.string().trim().min(1).max(2000) });
const fields = {
  name: z.string().trim().min(1).max(300),
  category: z.string().trim().min(1).max(100).nullable(),
  priceMinor: minor,
  stock: z.number().int().min(0).nullable(),
  usp: z.string().trim().max(1000).nullable(),
  faqs: z.array(faq).max(100),
  platformIds: z.object({ shopee: platformId.optional(), tiktok_shop: platformId.optional(), lazada: platformId.optional() }),
  deliveryDays: z.number().int().min(0).max(365).nullable(),
  /** The product's page: where a KOS member's own links lead (docs/portal.md). */
  url: httpUrl.nullable(),
};
const sku = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[^\s]+$/, keyed('product.sku.spaces', 'must not contain spaces'));

export const productCreate = z.object({
  sku,
  name: fields.name,
  priceMinor: fields.priceMinor,
  category: fields.category.optional(),
  stock: fields.stock.optional(),
  usp: fields.usp.optional(),
  faqs: fields.faqs.default([]),
  platformIds: fields.platformIds.default({}),
  deliveryDays: fields.deliveryDays.optional(),
  url: fields.url.optional(),
});
export const productPatch = z.object({
  sku: sku.optional(),
  name: fields.name.optional(),
  priceMinor: fields.priceMinor.optional(),
  category: fields.category.optional(),
  stock: fields.stock.optional(),
  usp: fields.usp.optional(),
  faqs: fields.faqs.optional(),
  platformIds: fields.platformIds.optional(),
  deliveryDays: fields.deliveryDays.optional(),
  url: fields.url.optional(),
});
export const productListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  category: z.string().trim().max(100).optional(),
});
export const productOut = z.object({
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  category: z.string().nullable(),
  priceMinor: z.number().int(),
  currency: z.string(),
  stock: z.number().int().nullable(),
  usp: z.string().nullable(),
  faqs: z.array(faq),
  platformIds: fields.platformIds,
  deliveryDays: z.number().int().nullable(),
  url: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Product = z.infer<typeof productOut>;
export type ProductCreate = z.infer<typeof productCreate>;
export type ProductPatch = z.infer<typeof productPatch>;
