import { type Db, withTransaction } from '../../db/database.js';
import { conflict, DomainError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { sum } from '../../lib/money-math.js';
import { cursorAfter, type Page, type PageQuery, toPage } from '../../lib/pagination.js';
import { problem } from '../../lib/problems/problem.js';
import { periodBounds } from '../../lib/time.js';
import { ADMINS, type Principal, requireRole, systemPrincipal } from '../access/access.js';
import { getKosOrThrow, kosFilter } from '../kos/kos.service.js';
import type { Entry } from '../ledger/ledger.js';
import {
  bookTierAdjustment,
  entryIdsOfPayouts,
  lockLedgerOf,
  markPaid,
  pendingEligibleBefore,
  takeIntoPayout,
} from '../ledger/ledger.service.js';
import { completedLineIds } from '../orders/lines.service.js';
import { getOrgOrThrow } from '../orgs/orgs.service.js';
import { loadPlanLookup } from '../plans/plan-lookup.js';
import { type Payout, tierAdjustment, withholding } from './payouts.js';
import * as repo from './payouts.repository.js';

async function withEntryIds(db: Db, rows: repo.PayoutRow[]): Promise<Payout[]> {
  if (rows.length === 0) return [];
  const ids = await entryIdsOfPayouts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, entryIds: ids.get(r.id) ?? [] }));
}

const payoutsOf = async (db: Db, orgId: string, period: string) =>
  withEntryIds(db, await repo.listPayouts(db, orgId, { period, limit: 100_000 }));

/**
 * What a close takes for one period: the unpaid entries eligible before its end, a sale entry only when
 * its line is completed at the moment of the close (docs/money.md), grouped by KOS.
 */
async function closableByKos(db: Db, orgId: string, end: number): Promise<Map<string, Entry[]>> {
  const pending = await pendingEligibleBefore(db, orgId, end);
  const completed = await completedLineIds(
    db,
    orgId,
    pending.flatMap((e) => (e.kind === 'sale' && e.lineId ? [e.lineId] : [])),
  );
  const byKos = new Map<string, Entry[]>();
  for (const e of pending) {
    if (e.kind === 'sale' && !(e.lineId && completed.has(e.lineId))) continue;
    const entries = byKos.get(e.kosId);
    if (entries) entries.push(e);
    else byKos.set(e.kosId, [e]);
  }
  return byKos;
}

/**
 * Closes a month that has ended (docs/money.md): per KOS, the closable entries plus the step-tier top-up
 * become a draft payout with tax withheld — unless the total is not positive or below the org minimum, in
 * which case nothing moves. Closing the same month again books nothing and answers the payouts made the
 * first time.
 */
export async function closePeriod(
  db: Db,
  principal: Principal,
  period: string,
  now = Date.now(),
): Promise<{ created: boolean; payouts: Payout[] }> {
  requireRole(principal, ADMINS);
  const org = await getOrgOrThrow(db, principal.orgId);
  const { end, lastDay } = periodBounds(period, org.timezone);
  if (now < end)
    throw new DomainError(
      'conflict',
      problem('payout.period.not_ended', { period, closableFrom: new Date(end).toISOString() }),
      `period ${period} has not ended yet: it can be closed from ${new Date(end).toISOString()}`,
    );
  const existing = async () => ({ created: false, payouts: await payoutsOf(db, org.id, period) });
  if (await repo.periodClosed(db, org.id, period)) return existing();
  try {
    await withTransaction(db, async (trx) => {
      await repo.markPeriodClosed(trx, org.id, period, principal.memberId ?? principal.apiKeyId, now);
      const byKos = await closableByKos(trx, org.id, end);
      await lockLedgerOf(trx, byKos.keys());
      const plans = await loadPlanLookup(trx, org, [...byKos.keys()]);
      for (const [kosId, taken] of byKos) {
        const plan = plans.planOn(kosId, lastDay);
        const stepped = taken
          .filter((e) => e.kind === 'sale' && e.defaultRate === true)
          .map((e) => ({ baseMinor: e.baseMinor ?? 0, amountMinor: e.amountMinor }));
        const adjustment = tierAdjustment(plan?.steps ?? [], stepped);
        const gross = sum(taken.map((e) => e.amountMinor)) + adjustment;
        if (gross <= 0 || gross < org.minPayoutMinor) continue;
        const kos = await getKosOrThrow(trx, systemPrincipal(org.id), kosId);
        const withheld = withholding(gross, org.taxRules, lastDay, kos.taxProfile);
        const payoutId = newId();
        await repo.insertPayout(trx, {
          id: payoutId,
          org_id: org.id,
          kos_id: kosId,
          period,
          gross_minor: gross,
          withheld_minor: withheld,
          net_minor: gross - withheld,
          currency: org.currency,
          status: 'draft',
          reference: null,
          created_at: now,
          approved_at: null,
          paid_at: null,
        });
        await takeIntoPayout(
          trx,
          taken.map((e) => e.id),
          payoutId,
          now,
        );
        if (adjustment !== 0) {
          const base = sum(stepped.map((e) => e.baseMinor));
          const tier = { orgId: org.id, kosId, payoutId, amountMinor: adjustment, currency: org.currency, at: end - 1 };
          await bookTierAdjustment(trx, { ...tier, planId: plan?.id ?? null, baseMinor: base, period }, now);
        }
      }
    });
  } catch (error) {
    // Two closes at once: the second loses the race on the period row and answers what the first made.
    if (await repo.periodClosed(db, org.id, period)) return existing();
    throw error;
  }
  return { created: true, payouts: await payoutsOf(db, org.id, period) };
}

export async function getPayoutOrThrow(db: Db, principal: Principal, id: string): Promise<Payout> {
  const row = await repo.findPayout(db, principal.orgId, id);
  if (!row) throw notFound('payout');
  await getKosOrThrow(db, principal, row.kosId);
  return (await withEntryIds(db, [row]))[0] as Payout;
}

export async function listPayouts(
  db: Db,
  principal: Principal,
  query: PageQuery & { period?: string; kosId?: string; status?: string },
): Promise<Page<Payout>> {
  const kosIds = await kosFilter(db, principal, query.kosId);
  const rows = await repo.listPayouts(db, principal.orgId, {
    after: cursorAfter(query.cursor),
    limit: query.limit + 1,
    period: query.period,
    kosIds,
    status: query.status,
  });
  const page = toPage(rows, query.limit);
  return { ...page, items: await withEntryIds(db, page.items) };
}

export async function approvePayout(db: Db, principal: Principal, id: string, now = Date.now()): Promise<Payout> {
  requireRole(principal, ADMINS);
  const payout = await getPayoutOrThrow(db, principal, id);
  if (payout.status !== 'draft')
    throw conflict(
      problem('payout.approve.not_draft', { status: payout.status }),
      `the payout is ${payout.status}; only a draft can be approved`,
    );
  await repo.setPayoutStatus(db, principal.orgId, id, { status: 'approved', approved_at: now });
  return getPayoutOrThrow(db, principal, id);
}

/** Approved → paid with the bank or payroll reference; its entries become paid and never change again. */
export async function markPayoutPaid(
  db: Db,
  principal: Principal,
  id: string,
  reference: string,
  now = Date.now(),
): Promise<Payout> {
  requireRole(principal, ADMINS);
  const payout = await getPayoutOrThrow(db, principal, id);
  if (payout.status !== 'approved')
    throw conflict(
      problem('payout.pay.not_approved', { status: payout.status }),
      `the payout is ${payout.status}; approve it before marking it paid`,
    );
  await withTransaction(db, async (trx) => {
    await repo.setPayoutStatus(trx, principal.orgId, id, { status: 'paid', reference, paid_at: now });
    await markPaid(trx, id, now);
  });
  return getPayoutOrThrow(db, principal, id);
}

/** The payroll/bank export of a period: approved and paid payouts. */
export async function exportRows(db: Db, principal: Principal, period: string) {
  requireRole(principal, ADMINS);
  const payouts = (await payoutsOf(db, principal.orgId, period)).filter((p) => p.status !== 'draft');
  const rows = [];
  for (const p of payouts) {
    const kos = await getKosOrThrow(db, systemPrincipal(principal.orgId), p.kosId);
    rows.push({ kosCode: kos.code, name: kos.name, taxCode: kos.taxProfile.taxCode, ...p });
  }
  return rows;
}
