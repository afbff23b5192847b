import { DomainError } from '../../lib/errors.js';
import type { Platform } from '../../lib/schemas.js';

export const SOURCES = ['shopee', 'tiktok_shop', 'lazada', 'accesstrade', 'generic'] as const;
export type Source = (typeof SOURCES)[number];

export const LINE_STATUSES = ['unpaid', 'pending', 'completed', 'cancelled', 'returned'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];

export const CONTENT_TYPES = ['live', 'video', 'showcase', 'link'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

/** One order line as every source maps it (PRODUCT.md §4). Times are epoch ms; money in minor units. */
export interface CanonicalLine {
  platform: Platform;
  orderId: string;
  lineKey: string;
  status: LineStatus;
  rawStatus: string;
  orderTime: number;
  completedTime: number | null;
  sku: string | null;
  productName: string | null;
  category: string | null;
  quantity: number;
  grossMinor: number;
  netMinor: number;
  refundMinor: number;
  platformCommissionMinor: number | null;
  currency: string;
  /** Sub-id fields in the source's order (generic/webhook: kosCode, clickId) — matched as codes, then click ids. */
  subIds: string[];
  creator: string | null;
  voucher: string | null;
  contentType: ContentType | null;
  newBuyer: boolean | null;
}

export interface RowError {
  field?: string;
  message: string;
}

/** What a parser makes of one data row: a line, a row error, or a skip (e.g. another creator's TikTok row). */
export type ParsedRow = { row: number; line: CanonicalLine } | { row: number; error: RowError } | { row: number; skip: string };

/** What parsers may know about the org. */
export interface ParseContext {
  currency: string;
  timezone: string;
  /** The catalogue SKU whose `platformIds.shopee` equals a Shopee item id. */
  skuForShopeeItem(itemId: string): string | undefined;
}

/** The file cannot be read as its format: nothing is stored, the import answers 422 naming the problem. */
export class FileError extends DomainError {
  constructor(message: string) {
    super('invalid', message, [{ path: 'file', message }]);
  }
}

/** A row-level problem, thrown by field helpers and caught per row by the parsers. */
export class RowProblem extends Error {
  constructor(
    readonly field: string | undefined,
    message: string,
  ) {
    super(message);
  }
}
