import { DomainError } from '../../lib/errors.js';
import type { CanonicalLine } from '../orders/lines.js';

export const SOURCES = ['shopee', 'tiktok_shop', 'lazada', 'accesstrade', 'generic'] as const;
export type Source = (typeof SOURCES)[number];

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
