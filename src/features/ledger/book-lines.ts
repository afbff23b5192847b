import type { Db } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import type { StoredLine } from '../orders/lines.js';
import { getOrgOrThrow } from '../orgs/orgs.service.js';
import { earns, lineCommission } from './commission.js';
import { reconcileLine } from './ledger.js';
import { type Entry, entriesOfLines, insertEntries, lockKos, type NewEntry, updatePendingEntry } from './ledger.repository.js';
import { loadPlanLookup } from './plan-lookup.js';

const DAY_MS = 86_400_000;

/**
 * The ledger side of storing lines, in the same transaction: for every changed line and every KOS it
 * was or is attributed to, reconcile that KOS's entries of the line with what the line earns now.
 */
export async function bookLineChanges(
  trx: Db,
  changes: readonly (readonly [StoredLine | null, StoredLine])[],
  now = Date.now(),
): Promise<void> {
  const relevant = changes.filter(([before, after]) => before?.kosId || after.kosId);
  if (relevant.length === 0) return;
  const orgId = (relevant[0] as readonly [StoredLine | null, StoredLine])[1].orgId;
  const kosIds = relevant.flatMap(([b, a]) => [b?.kosId, a.kosId]).filter((id): id is string => Boolean(id));
  await lockKos(trx, orgId, kosIds);
  const org = await getOrgOrThrow(trx, orgId);
  const plans = await loadPlanLookup(trx, org, kosIds);
  const existing = new Map<string, Entry[]>();
  for (const e of await entriesOfLines(trx, orgId, [...new Set(relevant.map(([, a]) => a.id))])) {
    existing.set(`${e.lineId}|${e.kosId}`, [...(existing.get(`${e.lineId}|${e.kosId}`) ?? []), e]);
  }
  const inserts = new Map<string, NewEntry>();
  // Later changes of the same line in one batch see (and change) the entries the earlier ones created.
  const change = async (id: string, set: Parameters<typeof updatePendingEntry>[2]) => {
    const queued = inserts.get(id);
    if (queued) Object.assign(queued, set);
    else await updatePendingEntry(trx, id, set, now);
  };
  const remember = (entry: NewEntry & { id: string }) => {
    inserts.set(entry.id, entry);
    const key = `${entry.line_id}|${entry.kos_id}`;
    existing.set(key, [
      ...(existing.get(key) ?? []),
      {
        id: entry.id,
        kind: entry.kind,
        status: 'pending',
        amountMinor: entry.amount_minor,
        eligibleAt: entry.eligible_at,
        planId: entry.plan_id,
        baseMinor: entry.base_minor,
      } as Entry,
    ]);
  };

  for (const [before, line] of relevant) {
    for (const kosId of new Set([before?.kosId, line.kosId].filter((id): id is string => Boolean(id)))) {
      const mine = line.kosId === kosId;
      const plan = mine ? plans.planAt(kosId, line.orderTime) : null;
      const commission = plan ? lineCommission(plan, line) : null;
      const entries = existing.get(`${line.id}|${kosId}`) ?? [];
      const eligibleAt = line.completedTime !== null && plan ? line.completedTime + plan.holdingDays * DAY_MS : null;
      // The base a pending sale entry stands for: what approved or paid sale entries of this line already
      // counted is not counted again in a later month's step base B (a rise after approval, a re-completion).
      const counted = entries
        .filter((e) => e.kind === 'sale' && (e.status === 'approved' || e.status === 'paid'))
        .reduce((total, e) => total + (e.baseMinor ?? 0), 0);
      const facts = {
        plan_id: plan?.id ?? null,
        base_minor: commission ? Math.max(0, commission.baseMinor - counted) : null,
        rate_bps: commission?.rateBps ?? null,
        default_rate: commission ? (commission.defaultRate ? 1 : 0) : null,
      };
      const actions = reconcileLine(entries, commission?.amountMinor ?? 0, mine && earns(line.status));
      let touchedPending = false;
      for (const action of actions) {
        if (action.type === 'void') {
          await change(action.id, { status: 'void' });
          const voided = entries.find((e) => e.id === action.id);
          if (voided) voided.status = 'void';
        } else if (action.type === 'update') {
          touchedPending = true;
          await change(action.id, { amount_minor: action.amountMinor, eligible_at: eligibleAt, ...facts });
          const updated = entries.find((e) => e.id === action.id);
          if (updated) updated.amountMinor = action.amountMinor;
        } else {
          const sale = action.kind === 'sale';
          remember({
            id: newId(),
            org_id: orgId,
            kos_id: kosId,
            kind: action.kind,
            amount_minor: action.amountMinor,
            currency: line.currency,
            status: 'pending',
            eligible_at: sale ? eligibleAt : now,
            line_id: line.id,
            session_id: null,
            payout_id: null,
            ...facts,
            cause_at: sale ? line.orderTime : now,
            reason: sale ? null : 'the line earns less than was approved or paid',
            created_by: null,
            created_at: now,
            updated_at: now,
          });
        }
      }
      // A pending sale entry whose amount did not change still follows the line's completion and plan.
      const pending = entries.find((e) => e.kind === 'sale' && e.status === 'pending');
      if (
        pending &&
        !touchedPending &&
        (pending.eligibleAt !== eligibleAt || pending.planId !== facts.plan_id || pending.baseMinor !== facts.base_minor)
      ) {
        await change(pending.id, { eligible_at: eligibleAt, ...facts });
      }
    }
  }
  await insertEntries(trx, [...inserts.values()]);
}
