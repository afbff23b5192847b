import { type Db, withTransaction } from '../../db/database.js';
import { invalid } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { cursorAfter, type Page, type PageQuery, toPage } from '../../lib/pagination.js';
import { ADMINS, requireRole } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import { getKosOrThrow, kosFilter } from '../kos/kos.service.js';
import { getOrgOrThrow } from '../orgs/orgs.service.js';
import { periodBounds } from '../payouts/payouts.js';
import {
  type Entry,
  entriesOfSession,
  findEntry,
  insertEntries,
  listEntries,
  lockKos,
  updatePendingEntry,
} from './ledger.repository.js';
import { loadPlanLookup } from './plan-lookup.js';

export type { Entry };
export { lockKos };

/** The entries a session caused (its fee). */
export const sessionEntries = entriesOfSession;

export async function listLedger(
  db: Db,
  principal: Principal,
  query: PageQuery & { kosId?: string; status?: string; kind?: string; period?: string },
): Promise<Page<Entry>> {
  const kosIds = await kosFilter(db, principal, query.kosId);
  const org = await getOrgOrThrow(db, principal.orgId);
  const bounds = query.period ? periodBounds(query.period, org.timezone) : null;
  const rows = await listEntries(db, principal.orgId, {
    after: cursorAfter(query.cursor),
    limit: query.limit + 1,
    kosIds,
    status: query.status,
    kind: query.kind,
    from: bounds?.start,
    to: bounds?.end,
  });
  return toPage(rows, query.limit);
}

/** A bonus (positive) or adjustment (any sign but 0) booked by hand, with its reason and author. */
export async function createManualEntry(
  db: Db,
  principal: Principal,
  input: { kosId: string; kind: 'bonus' | 'adjustment'; amountMinor: number; reason: string },
  now = Date.now(),
): Promise<Entry> {
  requireRole(principal, ADMINS);
  await getKosOrThrow(db, principal, input.kosId);
  if (input.kind === 'bonus' && input.amountMinor <= 0)
    throw invalid('amountMinor', 'a bonus must be positive (book a negative adjustment instead)');
  if (input.amountMinor === 0) throw invalid('amountMinor', 'must not be 0');
  const org = await getOrgOrThrow(db, principal.orgId);
  const id = newId();
  await withTransaction(db, async (trx) => {
    await lockKos(trx, org.id, [input.kosId]);
    await insertEntries(trx, [
      {
        id,
        org_id: org.id,
        kos_id: input.kosId,
        kind: input.kind,
        amount_minor: input.amountMinor,
        currency: org.currency,
        status: 'pending',
        eligible_at: now,
        line_id: null,
        session_id: null,
        payout_id: null,
        plan_id: null,
        base_minor: null,
        rate_bps: null,
        default_rate: null,
        cause_at: now,
        reason: input.reason,
        created_by: principal.memberId ?? principal.apiKeyId,
        created_at: now,
        updated_at: now,
      },
    ]);
  });
  return (await findEntry(db, org.id, id)) as Entry;
}

/**
 * The fixed fee of a session that ended (PRODUCT.md §5): its own `feeMinor`, else the plan's
 * `livestreamFeeMinor` (plan active at `actualEnd`), eligible at `actualEnd`. While pending it follows
 * the session; once approved or paid it stays.
 */
export async function bookSessionFee(
  trx: Db,
  session: { id: string; orgId: string; kosId: string; status: string; actualEnd: number | null; feeMinor: number | null },
  now = Date.now(),
): Promise<void> {
  if (session.status !== 'ended' || session.actualEnd === null) return;
  const org = await getOrgOrThrow(trx, session.orgId);
  await lockKos(trx, org.id, [session.kosId]);
  const amount =
    session.feeMinor ??
    (await loadPlanLookup(trx, org, [session.kosId])).planAt(session.kosId, session.actualEnd)?.livestreamFeeMinor ??
    0;
  const fees = (await entriesOfSession(trx, org.id, session.id)).filter(
    (e) => e.kind === 'livestream_fee' && e.status !== 'void',
  );
  const pending = fees.find((e) => e.status === 'pending');
  if (pending) {
    if (amount <= 0) await updatePendingEntry(trx, pending.id, { status: 'void' }, now);
    else await updatePendingEntry(trx, pending.id, { amount_minor: amount, eligible_at: session.actualEnd }, now);
    return;
  }
  if (fees.length > 0 || amount <= 0) return;
  await insertEntries(trx, [
    {
      id: newId(),
      org_id: org.id,
      kos_id: session.kosId,
      kind: 'livestream_fee',
      amount_minor: amount,
      currency: org.currency,
      status: 'pending',
      eligible_at: session.actualEnd,
      line_id: null,
      session_id: session.id,
      payout_id: null,
      plan_id: null,
      base_minor: null,
      rate_bps: null,
      default_rate: null,
      cause_at: session.actualEnd,
      reason: null,
      created_by: null,
      created_at: now,
      updated_at: now,
    },
  ]);
}

/** Every entry a payout took (for its statement), in booking order. */
export async function entriesOfPayout(db: Db, orgId: string, payoutId: string): Promise<Entry[]> {
  const all: Entry[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await listEntries(db, orgId, { payoutId, after, limit: 1000 });
    all.push(...page);
    if (page.length < 1000) return all;
    after = page.at(-1)?.id;
  }
}
