import type { LedgerEntriesTable } from '../../db/schema.js';

/**
 * The ledger's own model (docs/money.md): entry kinds and statuses, an entry, what the ledger needs to
 * know of an order line, and the pure rule that keeps a line's entries in step with what it earns.
 */
export const ENTRY_KINDS = [
  'sale',
  'livestream_fee',
  'tier_adjustment',
  'bonus',
  'adjustment',
  'clawback',
] as const satisfies readonly LedgerEntriesTable['kind'][];
export type EntryKind = (typeof ENTRY_KINDS)[number];
export const ENTRY_STATUSES = ['pending', 'approved', 'paid', 'void'] as const satisfies readonly LedgerEntriesTable['status'][];
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/** A ledger entry. Entries are append-only: only a pending one changes, and a correction is a new entry. */
export interface Entry {
  id: string;
  orgId: string;
  kosId: string;
  kind: EntryKind;
  amountMinor: number;
  currency: string;
  status: EntryStatus;
  eligibleAt: number | null;
  lineId: string | null;
  sessionId: string | null;
  payoutId: string | null;
  planId: string | null;
  /** The commission base a sale entry stands for (step tiers sum it at close). */
  baseMinor: number | null;
  rateBps: number | null;
  /** Whether a sale entry was rated at its plan's default rate (only those count in step tiers). */
  defaultRate: boolean | null;
  /** When the entry's cause happened (a line's order time, a session's end, the booking) — for analytics. */
  causeAt: number;
  reason: string | null;
  createdBy: string | null;
  createdAt: number;
  updatedAt: number;
}

/** A new entry as the ledger's use-cases describe it; what is not given is null. */
export type NewEntry = Pick<
  Entry,
  'id' | 'orgId' | 'kosId' | 'kind' | 'amountMinor' | 'currency' | 'status' | 'eligibleAt' | 'causeAt'
> &
  Partial<
    Pick<Entry, 'lineId' | 'sessionId' | 'payoutId' | 'planId' | 'baseMinor' | 'rateBps' | 'defaultRate' | 'reason' | 'createdBy'>
  >;

/** The fields of a pending entry that may still change. */
export type PendingChange = Partial<
  Pick<Entry, 'amountMinor' | 'eligibleAt' | 'baseMinor' | 'rateBps' | 'defaultRate' | 'planId' | 'status'>
>;

/** What the ledger knows of an order line (the orders feature maps its lines to this). */
export interface LedgerLine {
  id: string;
  orgId: string;
  kosId: string | null;
  currency: string;
  orderTime: number;
  completedTime: number | null;
  /** Whether the line earns commission now (the orders rule: pending or completed). */
  earning: boolean;
  sku: string | null;
  category: string | null;
  netMinor: number;
  refundMinor: number;
  platformCommissionMinor: number | null;
}

/** A line as it was before a change (null when new) and after it. */
export type LedgerLineChange = readonly [LedgerLine | null, LedgerLine];

export interface EntryState {
  id: string;
  kind: EntryKind;
  status: EntryStatus;
  amountMinor: number;
}

export type LedgerAction =
  | { type: 'update'; id: string; amountMinor: number }
  | { type: 'void'; id: string }
  | { type: 'create'; kind: 'sale' | 'clawback'; amountMinor: number };

/**
 * Brings one line's entries for one KOS in line with what the line earns now (`target`), so that the
 * sum of its non-void entries equals the commission of its current state:
 * - a pending sale entry follows the line (its amount changes; it is voided when the line no longer
 *   earns, e.g. cancelled or returned);
 * - once entries were approved or paid, they never change: a fall is booked as a clawback of
 *   round(newBase × rate) − Σ what was booked (docs/money.md), a rise as a new pending sale entry;
 * - an earning line with no entry yet gets its one sale entry (even of 0 ₫).
 */
export function reconcileLine(entries: readonly EntryState[], target: number, earning: boolean): LedgerAction[] {
  const live = entries.filter((e) => e.status !== 'void');
  const pending = live.find((e) => e.kind === 'sale' && e.status === 'pending');
  const booked = live.filter((e) => e !== pending).reduce((sum, e) => sum + e.amountMinor, 0);
  const remainder = target - booked;
  const actions: LedgerAction[] = [];
  if (pending) {
    if (earning && remainder >= 0) {
      if (pending.amountMinor !== remainder) actions.push({ type: 'update', id: pending.id, amountMinor: remainder });
      return actions;
    }
    actions.push({ type: 'void', id: pending.id });
    if (remainder !== 0) actions.push({ type: 'create', kind: remainder > 0 ? 'sale' : 'clawback', amountMinor: remainder });
    return actions;
  }
  if (remainder !== 0) actions.push({ type: 'create', kind: remainder > 0 ? 'sale' : 'clawback', amountMinor: remainder });
  else if (earning && live.length === 0) actions.push({ type: 'create', kind: 'sale', amountMinor: 0 });
  return actions;
}
