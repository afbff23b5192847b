import type { CanonicalLine, Source } from '../imports/import-types.js';

export const ATTRIBUTION_METHODS = ['code', 'click', 'account', 'voucher', 'manual', 'none'] as const;
export type AttributionMethod = (typeof ATTRIBUTION_METHODS)[number];

export interface Attribution {
  kosId: string | null;
  attribution: AttributionMethod;
  linkId: string | null;
  clickId: string | null;
}

/** A stored order line: the canonical fields plus identity, attribution and bookkeeping. */
export interface StoredLine extends CanonicalLine, Attribution {
  id: string;
  orgId: string;
  source: Source | 'webhook';
  sessionId: string | null;
  importId: string | null;
  createdAt: number;
  updatedAt: number;
}

/**
 * The canonical fields whose change makes a re-imported line `updated` (PRODUCT.md §4): status,
 * amounts, quantity, times, SKU/category and attribution inputs. Raw status texts and product names
 * are not among them — the same report in another language is `unchanged`.
 */
const CANONICAL_FIELDS = [
  'platform',
  'status',
  'orderTime',
  'completedTime',
  'sku',
  'category',
  'quantity',
  'grossMinor',
  'netMinor',
  'refundMinor',
  'platformCommissionMinor',
  'currency',
  'subIds',
  'creator',
  'voucher',
  'contentType',
  'newBuyer',
] as const satisfies readonly (keyof CanonicalLine)[];

export type LineChange = Partial<Record<(typeof CANONICAL_FIELDS)[number], [unknown, unknown]>>;

/** The canonical fields that differ, as [before, after] pairs (empty when the line is unchanged). */
export function canonicalChanges(before: CanonicalLine, after: CanonicalLine): LineChange {
  const changes: LineChange = {};
  for (const field of CANONICAL_FIELDS) {
    const a = before[field];
    const b = after[field];
    const same = Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => v === b[i]) : a === b;
    if (!same) changes[field] = [a, b];
  }
  return changes;
}

/**
 * A line's `completedTime`: the report's, else — once the line is completed — the time it was first
 * stored as completed (kept across re-imports that still give none).
 */
export function resolveCompletedTime(incoming: CanonicalLine, before: StoredLine | null, now: number): number | null {
  if (incoming.completedTime !== null) return incoming.completedTime;
  if (incoming.status !== 'completed' && incoming.status !== 'returned') return null;
  return before?.completedTime ?? now;
}

/** A returned line's refund is the reported refund when positive, else its net (PRODUCT.md §4). */
export function resolveRefund(line: CanonicalLine): number {
  return line.status === 'returned' && line.refundMinor <= 0 ? line.netMinor : line.refundMinor;
}
