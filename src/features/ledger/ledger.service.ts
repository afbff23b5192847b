import { type Db, withTransaction } from '../../db/database.js';
import { invalid } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { cursorAfter, type Page, type PageQuery, toPage } from '../../lib/pagination.js';
import { problem } from '../../lib/problems/problem.js';
import { periodBounds } from '../../lib/time.js';
import { ADMINS, type Principal, requireRole } from '../access/access.js';
import { getKosOrThrow, kosFilter } from '../kos/kos.service.js';
import { getOrgOrThrow } from '../orgs/orgs.service.js';
import { loadPlanLookup } from '../plans/plan-lookup.js';
import type { Entry } from './ledger.js';
import * as repo from './ledger.repository.js';

/**
 * The ledger's use-cases (docs/money.md). The ledger is the only writer of `ledger_entries`: lines book
 * through `bookLineChanges` (book-lines.ts), sessions through `bookSessionFee`, people through
 * `bookManual`, and a payout close through `pendingEligibleBefore`, `takeIntoPayout`,
 * `bookTierAdjustment` and `markPaid`.
 */
export async function listLedger(
  db: Db,
  principal: Principal,
  query: PageQuery & { kosId?: string; status?: string; kind?: string; period?: string },
): Promise<Page<Entry>> {
  const kosIds = await kosFilter(db, principal, query.kosId);
  const org = await getOrgOrThrow(db, principal.orgId);
  const bounds = query.period ? periodBounds(query.period, org.timezone) : null;
  const rows = await repo.listEntries(db, principal.orgId, {
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
export async function bookManual(
  db: Db,
  principal: Principal,
  input: { kosId: string; kind: 'bonus' | 'adjustment'; amountMinor: number; reason: string },
  now = Date.now(),
): Promise<Entry> {
  requireRole(principal, ADMINS);
  await getKosOrThrow(db, principal, input.kosId);
  if (input.kind === 'bonus' && input.amountMinor <= 0)
    throw invalid(
      'amountMinor',
      problem('ledger.bonus.not_positive'),
      'a bonus must be positive (book a negative adjustment instead)',
    );
  if (input.amountMinor === 0) throw invalid('amountMinor', problem('ledger.amount.zero'), 'must not be 0');
  const org = await getOrgOrThrow(db, principal.orgId);
  const id = newId();
  await withTransaction(db, async (trx) => {
    await repo.lockKos(trx, [input.kosId]);
    await repo.insertEntries(
      trx,
      [
        {
          id,
          orgId: org.id,
          kosId: input.kosId,
          kind: input.kind,
          amountMinor: input.amountMinor,
          currency: org.currency,
          status: 'pending',
          eligibleAt: now,
          causeAt: now,
          reason: input.reason,
          createdBy: principal.memberId ?? principal.apiKeyId,
        },
      ],
      now,
    );
  });
  return (await repo.findEntry(db, org.id, id)) as Entry;
}

/**
 * The fixed fee of a session that ended (docs/money.md): its own `feeMinor`, else the plan's
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
  await repo.lockKos(trx, [session.kosId]);
  const amount =
    session.feeMinor ??
    (await loadPlanLookup(trx, org, [session.kosId])).planAt(session.kosId, session.actualEnd)?.livestreamFeeMinor ??
    0;
  const fees = (await repo.entriesOfSession(trx, org.id, session.id)).filter(
    (e) => e.kind === 'livestream_fee' && e.status !== 'void',
  );
  const pending = fees.find((e) => e.status === 'pending');
  if (pending) {
    if (amount <= 0) await repo.updatePendingEntry(trx, pending.id, { status: 'void' }, now);
    else await repo.updatePendingEntry(trx, pending.id, { amountMinor: amount, eligibleAt: session.actualEnd }, now);
    return;
  }
  if (fees.length > 0 || amount <= 0) return;
  await repo.insertEntries(
    trx,
    [
      {
        id: newId(),
        orgId: org.id,
        kosId: session.kosId,
        kind: 'livestream_fee',
        amountMinor: amount,
        currency: org.currency,
        status: 'pending',
        eligibleAt: session.actualEnd,
        sessionId: session.id,
        causeAt: session.actualEnd,
      },
    ],
    now,
  );
}

/** The entries a session caused (its fee). */
export function sessionEntries(db: Db, orgId: string, sessionId: string): Promise<Entry[]> {
  return repo.entriesOfSession(db, orgId, sessionId);
}

/** Unpaid entries of an org eligible before `end` (a payout close picks from these), oldest first. */
export function pendingEligibleBefore(db: Db, orgId: string, end: number): Promise<Entry[]> {
  return repo.pendingEligibleBefore(db, orgId, end);
}

/** Serialises ledger changes of these KOS for the rest of the transaction (a payout close). */
export function lockLedgerOf(trx: Db, kosIds: Iterable<string>): Promise<void> {
  return repo.lockKos(trx, kosIds);
}

/** Entries taken into a payout: pending → approved, with the payout's id. */
export function takeIntoPayout(trx: Db, entryIds: readonly string[], payoutId: string, now: number): Promise<void> {
  return repo.approveIntoPayout(trx, entryIds, payoutId, now);
}

/**
 * The step-tier top-up of a payout (docs/money.md): approved with it at once, never reversed; `baseMinor`
 * is the month's base B it was computed on.
 */
export async function bookTierAdjustment(
  trx: Db,
  entry: {
    orgId: string;
    kosId: string;
    payoutId: string;
    amountMinor: number;
    currency: string;
    at: number;
    planId: string | null;
    baseMinor: number;
    period: string;
  },
  now: number,
): Promise<void> {
  await repo.insertEntries(
    trx,
    [
      {
        id: newId(),
        orgId: entry.orgId,
        kosId: entry.kosId,
        kind: 'tier_adjustment',
        amountMinor: entry.amountMinor,
        currency: entry.currency,
        status: 'approved',
        eligibleAt: entry.at,
        payoutId: entry.payoutId,
        planId: entry.planId,
        baseMinor: entry.baseMinor,
        causeAt: entry.at,
        reason: `step tiers for ${entry.period}`,
      },
    ],
    now,
  );
}

/** A payout was paid: its entries become paid and never change again. */
export function markPaid(trx: Db, payoutId: string, now: number): Promise<void> {
  return repo.markPayoutEntriesPaid(trx, payoutId, now);
}

/** The entry ids of each payout (a payout lists them). */
export function entryIdsOfPayouts(db: Db, payoutIds: readonly string[]): Promise<Map<string, string[]>> {
  return repo.entryIdsOfPayouts(db, payoutIds);
}

/** Every entry a payout took (for its statement), in booking order. */
export async function entriesOfPayout(db: Db, orgId: string, payoutId: string): Promise<Entry[]> {
  const all: Entry[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await repo.listEntries(db, orgId, { payoutId, after, limit: 1000 });
    all.push(...page);
    if (page.length < 1000) return all;
    after = page.at(-1)?.id;
  }
}

/**
 * Bonuses another use-case awards (a contest's close, docs/contests.md), inside its transaction: one
 * pending `bonus` entry each, eligible at `at`, so the next payout close pays it like any other entry
 * (withholding included). Answers the new entries' ids, in order.
 */
export async function bookBonuses(
  trx: Db,
  org: { id: string; currency: string },
  bonuses: readonly { kosId: string; amountMinor: number; reason: string }[],
  at: number,
  createdBy: string | null,
  now = at,
): Promise<string[]> {
  if (bonuses.some((b) => !Number.isSafeInteger(b.amountMinor) || b.amountMinor <= 0))
    throw new Error('a bonus must be a positive integer amount');
  await repo.lockKos(
    trx,
    bonuses.map((b) => b.kosId),
  );
  const ids = bonuses.map(() => newId());
  await repo.insertEntries(
    trx,
    bonuses.map((b, i) => ({
      id: ids[i] as string,
      orgId: org.id,
      kosId: b.kosId,
      kind: 'bonus' as const,
      amountMinor: b.amountMinor,
      currency: org.currency,
      status: 'pending' as const,
      eligibleAt: at,
      causeAt: at,
      reason: b.reason,
      createdBy,
    })),
    now,
  );
  return ids;
}
