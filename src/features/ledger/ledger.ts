export const ENTRY_KINDS = ['sale', 'livestream_fee', 'tier_adjustment', 'bonus', 'adjustment', 'clawback'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export const ENTRY_STATUSES = ['pending', 'approved', 'paid', 'void'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

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
 *   round(newBase × rate) − Σ what was booked (PRODUCT.md §5), a rise as a new pending sale entry;
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
