import { type Db, withTransaction } from '../../db/database.js';
import { conflict, DomainError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { sum } from '../../lib/money-math.js';
import { cursorAfter, type Page, type PageQuery, toPage } from '../../lib/pagination.js';
import { ADMINS, requireRole } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import { getKosOrThrow, kosCodes, kosFilter } from '../kos/kos.service.js';
import { tierAdjustment, withholding } from '../ledger/commission.js';
import { lockKos } from '../ledger/ledger.service.js';
import { loadPlanLookup } from '../ledger/plan-lookup.js';
import { getOrgOrThrow } from '../orgs/orgs.service.js';
import { periodBounds } from './payouts.js';
import * as repo from './payouts.repository.js';

export type { Payout } from './payouts.repository.js';

/**
 * Closes a month that has ended (PRODUCT.md §5): per KOS, the unpaid entries eligible before its end
 * (sale entries only for completed lines) plus the step-tier top-up become a draft payout with tax
 * withheld — unless the total is not positive or below the org minimum, in which case nothing moves.
 * Closing the same month again books nothing and answers the payouts made the first time.
 */
export async function closePeriod(
  db: Db,
  principal: Principal,
  period: string,
  now = Date.now(),
): Promise<{ created: boolean; payouts: repo.Payout[] }> {
  requireRole(principal, ADMINS);
  const org = await getOrgOrThrow(db, principal.orgId);
  const { end, lastDay } = periodBounds(period, org.timezone);
  if (now < end)
    throw new DomainError('conflict', `period ${period} has not ended yet: it can be closed from ${new Date(end).toISOString()}`);
  const existing = async () => ({ created: false, payouts: await repo.listPayouts(db, org.id, { period, limit: 100_000 }) });
  if (await repo.periodClosed(db, org.id, period)) return existing();
  try {
    await withTransaction(db, async (trx) => {
      await repo.markPeriodClosed(trx, org.id, period, principal.memberId ?? principal.apiKeyId, now);
      const entries = await repo.closableEntries(trx, org.id, end);
      const byKos = new Map<string, typeof entries>();
      for (const e of entries) byKos.set(e.kos_id, [...(byKos.get(e.kos_id) ?? []), e]);
      await lockKos(trx, org.id, byKos.keys());
      const plans = await loadPlanLookup(trx, org, [...byKos.keys()]);
      for (const [kosId, taken] of byKos) {
        const stepped = taken
          .filter((e) => e.kind === 'sale' && e.default_rate === 1)
          .map((e) => ({ baseMinor: e.base_minor ?? 0, amountMinor: e.amount_minor }));
        const adjustment = tierAdjustment(plans.planOn(kosId, lastDay)?.steps ?? [], stepped);
        const gross = sum(taken.map((e) => e.amount_minor)) + adjustment;
        if (gross <= 0 || gross < org.minPayoutMinor) continue;
        const kos = await getKosOrThrow(trx, { ...principal, role: 'owner', unitId: null }, kosId);
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
        await repo.approveEntries(
          trx,
          taken.map((e) => e.id),
          payoutId,
          now,
        );
        if (adjustment !== 0) {
          await trx
            .insertInto('ledger_entries')
            .values({
              id: newId(),
              org_id: org.id,
              kos_id: kosId,
              kind: 'tier_adjustment',
              amount_minor: adjustment,
              currency: org.currency,
              status: 'approved',
              eligible_at: end - 1,
              line_id: null,
              session_id: null,
              payout_id: payoutId,
              plan_id: plans.planOn(kosId, lastDay)?.id ?? null,
              base_minor: sum(stepped.map((e) => e.baseMinor)),
              rate_bps: null,
              default_rate: null,
              cause_at: end - 1,
              reason: `step tiers for ${period}`,
              created_by: null,
              created_at: now,
              updated_at: now,
            })
            .execute();
        }
      }
    });
  } catch (error) {
    // Two closes at once: the second loses the race on the period row and answers what the first made.
    if (await repo.periodClosed(db, org.id, period)) return existing();
    throw error;
  }
  return { created: true, payouts: await repo.listPayouts(db, org.id, { period, limit: 100_000 }) };
}

export async function getPayoutOrThrow(db: Db, principal: Principal, id: string): Promise<repo.Payout> {
  const payout = await repo.findPayout(db, principal.orgId, id);
  if (!payout) throw notFound('payout');
  await getKosOrThrow(db, principal, payout.kosId);
  return payout;
}

export async function listPayouts(
  db: Db,
  principal: Principal,
  query: PageQuery & { period?: string; kosId?: string; status?: string },
): Promise<Page<repo.Payout>> {
  const kosIds = await kosFilter(db, principal, query.kosId);
  const rows = await repo.listPayouts(db, principal.orgId, {
    after: cursorAfter(query.cursor),
    limit: query.limit + 1,
    period: query.period,
    kosIds,
    status: query.status,
  });
  return toPage(rows, query.limit);
}

export async function approvePayout(db: Db, principal: Principal, id: string, now = Date.now()): Promise<repo.Payout> {
  requireRole(principal, ADMINS);
  const payout = await getPayoutOrThrow(db, principal, id);
  if (payout.status !== 'draft') throw conflict(`the payout is ${payout.status}; only a draft can be approved`);
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
): Promise<repo.Payout> {
  requireRole(principal, ADMINS);
  const payout = await getPayoutOrThrow(db, principal, id);
  if (payout.status !== 'approved') throw conflict(`the payout is ${payout.status}; approve it before marking it paid`);
  await withTransaction(db, async (trx) => {
    await repo.setPayoutStatus(trx, principal.orgId, id, { status: 'paid', reference, paid_at: now });
    await repo.markEntriesPaid(trx, id, now);
  });
  return getPayoutOrThrow(db, principal, id);
}

/** The payroll/bank export of a period: approved and paid payouts. */
export async function exportRows(db: Db, principal: Principal, period: string) {
  requireRole(principal, ADMINS);
  const payouts = (await repo.listPayouts(db, principal.orgId, { period, limit: 100_000 })).filter((p) => p.status !== 'draft');
  const owner = { ...principal, role: 'owner' as const, unitId: null };
  const rows = [];
  for (const p of payouts) {
    const kos = await getKosOrThrow(db, owner, p.kosId);
    rows.push({ kosCode: kos.code, name: kos.name, taxCode: kos.taxProfile.taxCode, ...p });
  }
  return rows;
}

export { kosCodes };
