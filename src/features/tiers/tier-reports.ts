import type { Db } from '../../db/database.js';
import { addDays, dayInZone } from '../../lib/time.js';
import { type Principal, requireRole, STAFF, unitInScope } from '../access/access.js';
import { summary } from '../analytics/analytics.service.js';
import { getKosOrThrow } from '../kos/kos.service.js';
import { getOrgOrThrow } from '../orgs/orgs.service.js';
import { subtreeIds } from '../units/units.js';
import { getUnitOrThrow, listOrgUnits, resolveScope } from '../units/units.service.js';
import { scoreBoard } from './scoreboard.js';
import { orgKos } from './tiers.repository.js';

/**
 * `GET /tiers/distribution`: one row per unit directly under `unitId` (without it, the caller's top units:
 * visible units whose parent is not visible), counting the active KOS of each subtree by tier
 * (docs/tiers.md "Distribution"). Staff only, inside their scope.
 */
export async function distribution(db: Db, principal: Principal, q: { unitId?: string }) {
  requireRole(principal, STAFF);
  const scope = await resolveScope(db, principal);
  const units = await listOrgUnits(db, principal.orgId);
  if (q.unitId) await getUnitOrThrow(db, principal, q.unitId);
  const visible = new Set(units.filter((u) => unitInScope(scope, u.id)).map((u) => u.id));
  const roots = q.unitId
    ? units.filter((u) => u.parentId === q.unitId && visible.has(u.id))
    : units.filter((u) => visible.has(u.id) && !(u.parentId && visible.has(u.parentId)));
  const active = (await orgKos(db, principal.orgId)).filter((k) => k.status === 'active');
  const rows = roots
    .map((root) => {
      const subtree = subtreeIds(units, root.id);
      const row = { unitId: root.id, name: root.name, kind: root.kind, S: 0, A: 0, B: 0, C: 0, none: 0 };
      for (const k of active) if (k.unitId && subtree.has(k.unitId)) row[k.tier ?? 'none'] += 1;
      return row;
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return { rows };
}

/**
 * `GET /kos/{id}/scorecard/trend`: `weeks` weekly points ending today (exclusive): each point's sales
 * figures are of its week [date − 7, date), its `rpgScore` the KOS's RPG score on that date (null outside
 * the population). A KOS member reads their own.
 */
export async function trend(db: Db, principal: Principal, kosId: string, weeks: number, now = Date.now()) {
  const kos = await getKosOrThrow(db, principal, kosId);
  const org = await getOrgOrThrow(db, principal.orgId);
  const end = addDays(dayInZone(now, org.timezone), 1);
  const points = [];
  for (let i = weeks - 1; i >= 0; i--) {
    const date = addDays(end, -7 * i);
    const week = await summary(db, principal, { from: addDays(date, -7), to: date, kosId: kos.id });
    const row = (await scoreBoard(db, org, date)).get(kos.id);
    points.push({
      date,
      netSalesMinor: week.netSalesMinor,
      gmvMinor: week.gmvMinor,
      orders: week.orders,
      rpgScore: row?.rpg?.score ?? null,
    });
  }
  return { points };
}
