import { type Db, withTransaction } from '../../db/database.js';
import { lockRows } from '../../db/locks.js';
import { addDays, dayInZone } from '../../lib/time.js';
import { ADMINS, type Principal, requireRole, STAFF } from '../access/access.js';
import { followerTier } from '../accounts/accounts.js';
import { summary } from '../analytics/analytics.service.js';
import type { Tier } from '../kos/kos.js';
import { applyTierChanges, getKosOrThrow, visibleKosIds } from '../kos/kos.service.js';
import { onTierSetByHand } from '../kos/kos-events.js';
import { getOrgOrThrow } from '../orgs/orgs.service.js';
import { type BoardRow, scoreBoard } from './scoreboard.js';
import { type TierCandidate, tierChanges } from './tiers.js';
import * as repo from './tiers.repository.js';

/** A tier set by hand (a PATCH of the KOS) is kept with reason `manual`, dated today in the org's zone. */
onTierSetByHand(async (db, orgId, changes, at) => {
  const { timezone } = await getOrgOrThrow(db, orgId);
  await repo.insertHistory(
    db,
    orgId,
    changes.map((c) => ({
      kosId: c.kosId,
      date: dayInZone(at, timezone),
      from: c.from as Tier | null,
      to: c.to as Tier | null,
      reason: 'manual',
      at,
    })),
  );
});

export interface TierChange {
  kosId: string;
  from: Tier | null;
  to: Tier;
}

/**
 * Recomputes the org's tiers for date d (docs/tiers.md "Tiers"): the population is the org's active KOS,
 * positions by net sales in W; locked KOS keep their tier. Sets the changed tiers, keeps each change in the
 * history (date d, reason `recompute`) and notifies the audiences — one transaction, the org's row locked
 * so two recomputes at once do not both book the same changes.
 */
export async function recomputeOrg(
  db: Db,
  orgId: string,
  date?: string,
  now = Date.now(),
): Promise<{ date: string; changes: TierChange[] }> {
  return withTransaction(db, async (trx) => {
    await lockRows(trx, 'orgs', [orgId]);
    const org = await getOrgOrThrow(trx, orgId);
    const day = date ?? dayInZone(now, org.timezone);
    const board = await scoreBoard(trx, org, day);
    const population: TierCandidate[] = [...board.values()]
      .filter((r) => r.kos.status === 'active')
      .map((r) => ({ kosId: r.kos.id, code: r.kos.code, netW: r.netW, tier: r.kos.tier, locked: r.kos.tierLocked }));
    const changes = tierChanges(population, org.tierCutoffs);
    await applyTierChanges(trx, orgId, changes, now);
    await repo.insertHistory(
      trx,
      orgId,
      changes.map((c) => ({ ...c, date: day, reason: 'recompute', at: now })),
    );
    return { date: day, changes };
  });
}

export type TierRecompute = Awaited<ReturnType<typeof recomputeOrg>>;

/** `POST /tiers/recompute`: owners and admins (managers see a unit, tiers rank the whole org). */
export async function recompute(db: Db, principal: Principal, date?: string, now = Date.now()): Promise<TierRecompute> {
  requireRole(principal, ADMINS);
  return recomputeOrg(db, principal.orgId, date, now);
}

const rpgOut = (row: BoardRow) => ({
  rpg: row.rpg,
  rpgValues: row.values,
});

/** `GET /kos/{id}/scorecard`: a KOS member reads their own; staff any KOS in scope. */
export async function scorecard(db: Db, principal: Principal, kosId: string, date?: string, now = Date.now()) {
  const kos = await getKosOrThrow(db, principal, kosId);
  const org = await getOrgOrThrow(db, principal.orgId);
  const day = date ?? dayInZone(now, org.timezone);
  const row = (await scoreBoard(db, org, day)).get(kos.id) as BoardRow;
  const { currency: _currency, ...kpis } = await summary(db, principal, { from: addDays(day, -30), to: day, kosId: kos.id });
  return {
    date: day,
    kpis: { ...kpis, currency: org.currency },
    followers: row.followers.now,
    followerTier: followerTier(row.followers.largest),
    tier: kos.tier,
    tierLocked: kos.tierLocked,
    ...rpgOut(row),
  };
}

/** `GET /scorecards`: every KOS the caller sees (staff only), by code. */
export async function scorecards(db: Db, principal: Principal, q: { date?: string; unitId?: string }, now = Date.now()) {
  requireRole(principal, STAFF);
  const org = await getOrgOrThrow(db, principal.orgId);
  const day = q.date ?? dayInZone(now, org.timezone);
  const visible = await visibleKosIds(db, principal, q.unitId);
  const seen = visible && new Set(visible);
  const board = await scoreBoard(db, org, day);
  const items = [...board.values()]
    .filter((r) => !seen || seen.has(r.kos.id))
    .sort((a, b) => (a.kos.code < b.kos.code ? -1 : a.kos.code > b.kos.code ? 1 : 0))
    .map((r) => ({
      kosId: r.kos.id,
      code: r.kos.code,
      name: r.kos.name,
      unitId: r.kos.unitId,
      status: r.kos.status,
      tier: r.kos.tier,
      tierLocked: r.kos.tierLocked,
      followers: r.followers.now,
      netSalesMinor: r.netW,
      ...rpgOut(r),
    }));
  return { date: day, items };
}

/** `GET /kos/{id}/tier-history`: a KOS member reads their own. */
export async function tierHistory(db: Db, principal: Principal, kosId: string) {
  const kos = await getKosOrThrow(db, principal, kosId);
  const rows = await repo.historyOf(db, principal.orgId, kos.id);
  return { items: rows.map((r) => ({ date: r.date, from: r.from, to: r.to, reason: r.reason })) };
}
