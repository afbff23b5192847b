import type { Platform } from '../../lib/schemas.js';
import type { LedgerLine, LedgerLineChange } from '../ledger/ledger.js';

export const LINE_STATUSES = ['unpaid', 'pending', 'completed', 'cancelled', 'returned'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];

export const CONTENT_TYPES = ['live', 'video', 'showcase', 'link'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

/** One order line as every source maps it (docs/formats.md). Times are epoch ms; money in minor units. */
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

/**
 * The statuses of a line that is kept — not unpaid, cancelled or returned: it counts in net sales and,
 * attributed, earns commission (docs/money.md, docs/metrics.md). The one definition, for TypeScript and SQL.
 */
export const KEPT_STATUSES = ['pending', 'completed'] as const satisfies readonly LineStatus[];

/** Whether a line earns commission (when attributed): it is pending or completed. */
export const earns = (status: LineStatus): boolean => (KEPT_STATUSES as readonly LineStatus[]).includes(status);

export const ATTRIBUTION_METHODS = ['code', 'click', 'account', 'voucher', 'report', 'manual', 'none'] as const;
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
  /** The importer (`shopee`, `generic`…), a saved mapping's name, or `webhook`: part of the line's identity. */
  source: string;
  sessionId: string | null;
  importId: string | null;
  createdAt: number;
  updatedAt: number;
}

/**
 * The canonical fields whose change makes a re-imported line `updated` (docs/formats.md, "The canonical line"): status,
 * amounts, quantity, times, SKU/category and attribution inputs. Raw status texts and product names
 * are not among them — the same report in another language is `unchanged`.
 */
export const CANONICAL_FIELDS = [
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
 * Whether `incoming`, with its resolved refund and completion, has the canonical fields of `before`: what
 * `canonicalChanges` answers empty for, without building the changes (a re-import's every line).
 */
export function sameCanonical(
  before: CanonicalLine,
  incoming: CanonicalLine,
  refundMinor: number,
  completedTime: number | null,
): boolean {
  if (before.refundMinor !== refundMinor || before.completedTime !== completedTime) return false;
  for (const field of CANONICAL_FIELDS) {
    if (field === 'refundMinor' || field === 'completedTime') continue;
    const a = before[field];
    const b = incoming[field];
    if (a === b) continue;
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length || !a.every((v, i) => v === b[i])) return false;
  }
  return true;
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

/** A returned line's refund is the reported refund when positive, else its net (docs/formats.md, "The canonical line"). */
export function resolveRefund(line: CanonicalLine): number {
  return line.status === 'returned' && line.refundMinor <= 0 ? line.netMinor : line.refundMinor;
}

/** What the ledger needs to know of a line: its money facts, and whether it earns under the rule above. */
export const ledgerLine = (line: StoredLine): LedgerLine => ({
  id: line.id,
  orgId: line.orgId,
  kosId: line.kosId,
  currency: line.currency,
  orderTime: line.orderTime,
  completedTime: line.completedTime,
  earning: earns(line.status),
  sku: line.sku,
  category: line.category,
  netMinor: line.netMinor,
  refundMinor: line.refundMinor,
  platformCommissionMinor: line.platformCommissionMinor,
});

/** A stored line's change as the ledger books it. */
export type LineChangePair = readonly [StoredLine | null, StoredLine];
export const ledgerChange = ([before, after]: LineChangePair): LedgerLineChange => [
  before && ledgerLine(before),
  ledgerLine(after),
];
