import type { Db } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { DAY_MS } from '../../lib/time.js';
import { getOrgOrThrow } from '../orgs/orgs.service.js';
import { loadPlanLookup } from '../plans/plan-lookup.js';
import { lineCommission } from './commission.js';
import { type Entry, type LedgerLineChange, type NewEntry, type PendingChange, reconcileLine } from './ledger.js';
import { entriesOfLines, insertEntries, lockKos, updatePendingEntry } from './ledger.repository.js';

/**
 * Books what changed lines earn, in the caller's transaction (an import chunk, a manual assignment): for
 * every changed line and every KOS it was or is attributed to, that KOS's entries of the line are brought
 * in line with what the line earns now (`reconcileLine`, docs/money.md). Ledger bookings for one KOS are
 * serialised.
 */
export async function bookLineChanges(trx: Db, changes: readonly LedgerLineChange[], now: number): Promise<void> {
  const relevant = changes.filter(([before, after]) => before?.kosId || after.kosId);
  const first = relevant[0];
  if (!first) return;
  const orgId = first[1].orgId;
  const kosIds = relevant.flatMap(([b, a]) => [b?.kosId, a.kosId]).filter((id): id is string => Boolean(id));
  await lockKos(trx, kosIds);
  const org = await getOrgOrThrow(trx, orgId);
  const plans = await loadPlanLookup(trx, org, kosIds);
  const existing = new Map<string, Entry[]>();
  for (const e of await entriesOfLines(trx, orgId, [...new Set(relevant.map(([, a]) => a.id))])) {
    existing.set(`${e.lineId}|${e.kosId}`, [...(existing.get(`${e.lineId}|${e.kosId}`) ?? []), e]);
  }
  const inserts = new Map<string, NewEntry>();
  // Later changes of the same line in one batch see (and change) the entries the earlier ones created.
  const change = async (id: string, set: PendingChange) => {
    const queued = inserts.get(id);
    if (queued) Object.assign(queued, set);
    else await updatePendingEntry(trx, id, set, now);
  };
  const remember = (entry: NewEntry) => {
    inserts.set(entry.id, entry);
    const key = `${entry.lineId}|${entry.kosId}`;
    existing.set(key, [...(existing.get(key) ?? []), { ...entry, status: 'pending' } as Entry]);
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
        planId: plan?.id ?? null,
        baseMinor: commission ? Math.max(0, commission.baseMinor - counted) : null,
        rateBps: commission?.rateBps ?? null,
        defaultRate: commission ? commission.defaultRate : null,
      };
      const actions = reconcileLine(entries, commission?.amountMinor ?? 0, mine && line.earning);
      let touchedPending = false;
      for (const action of actions) {
        if (action.type === 'void') {
          await change(action.id, { status: 'void' });
          const voided = entries.find((e) => e.id === action.id);
          if (voided) voided.status = 'void';
        } else if (action.type === 'update') {
          touchedPending = true;
          await change(action.id, { amountMinor: action.amountMinor, eligibleAt, ...facts });
          const updated = entries.find((e) => e.id === action.id);
          if (updated) updated.amountMinor = action.amountMinor;
        } else {
          const sale = action.kind === 'sale';
          remember({
            id: newId(),
            orgId,
            kosId,
            kind: action.kind,
            amountMinor: action.amountMinor,
            currency: line.currency,
            status: 'pending',
            eligibleAt: sale ? eligibleAt : now,
            lineId: line.id,
            ...facts,
            causeAt: sale ? line.orderTime : now,
            reason: sale ? null : 'the line earns less than was approved or paid',
          });
        }
      }
      // A pending sale entry whose amount did not change still follows the line's completion and plan.
      const pending = entries.find((e) => e.kind === 'sale' && e.status === 'pending');
      if (
        pending &&
        !touchedPending &&
        (pending.eligibleAt !== eligibleAt || pending.planId !== facts.planId || pending.baseMinor !== facts.baseMinor)
      ) {
        await change(pending.id, { eligibleAt, ...facts });
      }
    }
  }
  await insertEntries(trx, [...inserts.values()], now);
}
