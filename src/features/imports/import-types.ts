import { DomainError, fieldError } from '../../lib/errors.js';
import type { Problem, ProblemKey, ProblemParams } from '../../lib/problems/problem.js';
import type { CanonicalLine } from '../orders/lines.js';

export const SOURCES = ['shopee', 'tiktok_shop', 'tiktok_creator', 'lazada', 'accesstrade', 'generic'] as const;
export type Source = (typeof SOURCES)[number];

/** A rejected row's error: the English `message`, and its `key` and `params` for the console (docs/errors.md). */
export interface RowError {
  field?: string;
  message: string;
  key: ProblemKey;
  params: ProblemParams;
}

/** What a parser makes of one data row: a line, a row error, or a skip (e.g. another creator's TikTok row). */
export type ParsedRow = { row: number; line: CanonicalLine } | { row: number; error: RowError } | { row: number; skip: string };

/** What parsers may know about the org. */
export interface ParseContext {
  currency: string;
  timezone: string;
  /** The catalogue SKU whose `platformIds.shopee` equals a Shopee item id. */
  skuForShopeeItem(itemId: string): string | undefined;
  /** The catalogue SKU whose `platformIds.tiktok_shop` equals a TikTok SKU id (`tiktok_creator` imports). */
  skuForTiktokSku?(skuId: string): string | undefined;
}

/** The file cannot be read as its format: nothing is stored, the import answers 422 naming the problem. */
export class FileError extends DomainError {
  constructor(problem: Problem, message: string) {
    super('invalid', problem, message, [fieldError('file', problem, message)]);
  }
}

/** A row-level problem, thrown by field helpers and caught per row by the parsers. */
export class RowProblem extends Error {
  readonly key: ProblemKey;
  readonly params: ProblemParams;

  constructor(
    readonly field: string | undefined,
    problem: Problem,
    message: string,
  ) {
    super(message);
    this.key = problem.key;
    this.params = problem.params;
  }

  /** The row error it becomes in the import report. */
  toRowError(): RowError {
    return { field: this.field, message: this.message, key: this.key, params: this.params };
  }
}
