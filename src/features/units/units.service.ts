import type { Db } from '../../db/database.js';
import { conflict, forbidden, invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { cursorAfter, type Page, type PageQuery, toPage } from '../../lib/pagination.js';
import { problem } from '../../lib/problems/problem.js';
import type { Principal } from '../access/access.js';
import { ADMINS, EDITORS, requireRole, requireUnitInScope, type Scope, unitInScope } from '../access/access.js';
import { subtreeIds, wouldCycle } from './units.js';
import * as repo from './units.repository.js';
import type { Unit, UnitCreate, UnitPatch } from './units.schema.js';

/** Every unit of an org (the tree is small: one query, walked in memory). */
export function listOrgUnits(db: Db, orgId: string) {
  return repo.listOrgUnits(db, orgId);
}

/** What the caller may see: the org, a unit subtree, or one KOS. */
export async function resolveScope(db: Db, principal: Principal): Promise<Scope> {
  if (principal.role === 'kos') return { kind: 'kos', kosId: principal.kosId };
  if (!principal.unitId || ADMINS.includes(principal.role)) return { kind: 'org' };
  return { kind: 'units', unitIds: subtreeIds(await repo.listOrgUnits(db, principal.orgId), principal.unitId) };
}

export async function listUnits(
  db: Db,
  principal: Principal,
  query: PageQuery & { parentId?: string; kind?: string },
): Promise<Page<Unit>> {
  if (principal.role === 'kos') requireRole(principal, EDITORS);
  const scope = await resolveScope(db, principal);
  const after = cursorAfter(query.cursor);
  const units = (await repo.listOrgUnits(db, principal.orgId)).filter(
    (u) =>
      unitInScope(scope, u.id) &&
      (after === undefined || u.id > after) &&
      (query.parentId === undefined || u.parentId === query.parentId) &&
      (query.kind === undefined || u.kind === query.kind),
  );
  return toPage(units.slice(0, query.limit + 1), query.limit);
}

/** The unit, 404 when it is not this org's, 403 when outside the caller's scope. */
export async function getUnitOrThrow(db: Db, principal: Principal, id: string): Promise<Unit> {
  const unit = await repo.findUnit(db, principal.orgId, id);
  if (!unit) throw notFound('unit');
  if (principal.role === 'kos') requireRole(principal, EDITORS);
  requireUnitInScope(await resolveScope(db, principal), unit.id);
  return unit;
}

/** 422 unless `unitId` is a unit of the org (a reference in another resource). */
export async function requireUnitExists(db: Db, orgId: string, unitId: string, path = 'unitId'): Promise<void> {
  if (!(await repo.findUnit(db, orgId, unitId)))
    throw invalid(path, problem('unit.reference.unknown'), 'no such unit in this organisation');
}

export async function createUnit(db: Db, principal: Principal, input: UnitCreate, now = Date.now()): Promise<Unit> {
  requireRole(principal, EDITORS);
  const parentId = input.parentId ?? null;
  if (parentId) await requireUnitExists(db, principal.orgId, parentId, 'parentId');
  requireUnitInScope(await resolveScope(db, principal), parentId);
  const id = newId();
  await repo.insertUnit(db, principal.orgId, { id, name: input.name, kind: input.kind, parentId }, now);
  return (await repo.findUnit(db, principal.orgId, id)) as Unit;
}

export async function patchUnit(db: Db, principal: Principal, id: string, patch: UnitPatch, now = Date.now()): Promise<Unit> {
  requireRole(principal, EDITORS);
  const unit = await getUnitOrThrow(db, principal, id);
  const scope = await resolveScope(db, principal);
  // The root of a manager's subtree is their scope itself: renaming, re-kinding or moving it is an
  // admin's call (docs/decisions.md, "who changes what"); the units below it are theirs to edit.
  const changes = (['name', 'kind', 'parentId'] as const).some(
    (field) => patch[field] !== undefined && patch[field] !== unit[field],
  );
  if (scope.kind === 'units' && unit.id === principal.unitId && changes) {
    throw forbidden(problem('unit.root.locked'), 'a manager may not change the root unit of their own scope');
  }
  if (patch.parentId !== undefined && patch.parentId !== unit.parentId) {
    if (patch.parentId) await requireUnitExists(db, principal.orgId, patch.parentId, 'parentId');
    requireUnitInScope(scope, patch.parentId);
    if (wouldCycle(await repo.listOrgUnits(db, principal.orgId), id, patch.parentId)) {
      throw invalid('parentId', problem('unit.parent.cycle'), 'a unit cannot be moved below itself');
    }
  }
  await repo.updateUnit(db, principal.orgId, id, patch, now);
  return (await repo.findUnit(db, principal.orgId, id)) as Unit;
}

export async function deleteUnit(db: Db, principal: Principal, id: string): Promise<void> {
  requireRole(principal, EDITORS);
  const unit = await getUnitOrThrow(db, principal, id);
  // Deleting the root of one's own scope would leave the manager scoped to nothing: an admin's call.
  if (principal.role === 'manager' && unit.id === principal.unitId) requireRole(principal, ADMINS);
  const { children, kos, members } = await repo.unitDependants(db, principal.orgId, id);
  if (children > 0 || kos > 0 || members > 0) {
    throw conflict(
      problem('unit.not_empty', { children, kos, members }),
      `the unit still has ${children} child unit(s), ${kos} KOS and ${members} member(s)/key(s); move them first`,
    );
  }
  await repo.deleteUnit(db, principal.orgId, id);
}
