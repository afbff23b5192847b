import { type Db, withTransaction } from '../../db/database.js';
import { lockRows } from '../../db/locks.js';
import { conflict, DomainError, type FieldError, fieldError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { cursorAfter, type Page, type PageQuery, toPage } from '../../lib/pagination.js';
import { problem } from '../../lib/problems/problem.js';
import type { Principal } from '../access/access.js';
import { ADMINS, requireRole, STAFF } from '../access/access.js';
import { getKosOrThrow, kosPlanFacts } from '../kos/kos.service.js';
import { unitPath } from '../units/units.js';
import { listOrgUnits } from '../units/units.service.js';
import { type Plan, plansConflict, specificity } from './plans.js';
import * as repo from './plans.repository.js';
import type { PlanCreate, PlanListQuery, PlanOut, PlanPatch } from './plans.schema.js';

/** Every plan of the org as the pure rules read them (for the ledger: plan selection, steps, fees). */
export async function listOrgPlans(db: Db, orgId: string): Promise<Plan[]> {
  return repo.listOrgPlans(db, orgId);
}

/**
 * Plans are org-wide settings: every staff role reads them, owners and admins change them, role `kos`
 * does not see them. With `kosId`, only the plans that cover that KOS (any date, any specificity).
 */
export async function listPlans(db: Db, principal: Principal, query: PageQuery & PlanListQuery): Promise<Page<PlanOut>> {
  requireRole(principal, STAFF);
  let plans = await repo.listPlans(db, principal.orgId);
  if (query.kosId) {
    const kos = await getKosOrThrow(db, principal, query.kosId);
    const subject = {
      id: kos.id,
      relationship: kos.relationship,
      tier: kos.tier,
      unitPath: unitPath(await listOrgUnits(db, principal.orgId), kos.unitId),
    };
    plans = plans.filter((plan) => specificity(plan, subject) !== null);
  }
  const after = cursorAfter(query.cursor);
  return toPage(plans.filter((plan) => after === undefined || plan.id > after).slice(0, query.limit + 1), query.limit);
}

/** The plan, 404 when it is not this org's, 403 for role `kos`. */
export async function getPlanOrThrow(db: Db, principal: Principal, id: string): Promise<PlanOut> {
  const plan = await repo.findPlan(db, principal.orgId, id);
  if (!plan) throw notFound('plan');
  requireRole(principal, STAFF);
  return plan;
}

export async function createPlan(db: Db, principal: Principal, input: PlanCreate, now = Date.now()): Promise<PlanOut> {
  requireRole(principal, ADMINS);
  const plan: repo.PlanRow = { ...input, validTo: input.validTo ?? null };
  await requireValid(db, principal.orgId, plan, true);
  const id = newId();
  await withTransaction(db, async (trx) => {
    await requireNoOverlap(trx, principal.orgId, plan, null);
    await repo.insertPlan(trx, principal.orgId, id, plan, now);
  });
  return (await repo.findPlan(db, principal.orgId, id)) as PlanOut;
}

/** Merges the change into the plan, then checks the result as a whole (dates, references, overlaps but itself). */
export async function patchPlan(db: Db, principal: Principal, id: string, patch: PlanPatch, now = Date.now()): Promise<PlanOut> {
  const current = await getPlanOrThrow(db, principal, id);
  requireRole(principal, ADMINS);
  const { id: _id, currency: _currency, createdAt: _createdAt, updatedAt: _updatedAt, ...stored } = current;
  const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  const plan: repo.PlanRow = { ...stored, ...defined };
  // Only a changed appliesTo is checked for references: a plan may name a unit deleted since.
  await requireValid(db, principal.orgId, plan, patch.appliesTo !== undefined);
  await withTransaction(db, async (trx) => {
    await requireNoOverlap(trx, principal.orgId, plan, id);
    await repo.updatePlan(trx, principal.orgId, id, plan, now);
  });
  return (await repo.findPlan(db, principal.orgId, id)) as PlanOut;
}

/** 422 listing every field that the schema cannot judge alone: the date order and ids of other resources. */
async function requireValid(db: Db, orgId: string, plan: repo.PlanRow, checkReferences: boolean): Promise<void> {
  const errors: FieldError[] = [];
  if (plan.validTo !== null && plan.validTo < plan.validFrom)
    errors.push(fieldError('validTo', problem('plan.valid_to.before_valid_from'), 'must be on or after validFrom'));
  const { kosIds = [], unitIds = [] } = plan.appliesTo;
  if (checkReferences && kosIds.length > 0) {
    const found = await kosPlanFacts(db, orgId, kosIds);
    kosIds.forEach((kosId, i) => {
      if (!found.has(kosId))
        errors.push(fieldError(`appliesTo.kosIds.${i}`, problem('kos.reference.unknown'), 'no such KOS in this organisation'));
    });
  }
  if (checkReferences && unitIds.length > 0) {
    const units = new Set((await listOrgUnits(db, orgId)).map((u) => u.id));
    unitIds.forEach((unitId, i) => {
      if (!units.has(unitId))
        errors.push(fieldError(`appliesTo.unitIds.${i}`, problem('unit.reference.unknown'), 'no such unit in this organisation'));
    });
  }
  // The detail names the first field only, as this check always has: no "(and N more)".
  const first = errors[0];
  if (first) throw new DomainError('invalid', first, `${first.path}: ${first.message}`, errors);
}

/** 409 naming the first plan of the org (other than `selfId`) that the plan would conflict with. */
async function requireNoOverlap(trx: Db, orgId: string, plan: repo.PlanRow, selfId: string | null): Promise<void> {
  // Serialises plan writes of one org, so two concurrent saves cannot both pass the overlap check.
  await lockRows(trx, 'orgs', [orgId]);
  const other = (await repo.listOrgPlans(trx, orgId)).find((p) => p.id !== selfId && plansConflict(plan, p));
  if (other) {
    const to = (p: Pick<Plan, 'validTo'>) => p.validTo ?? 'open-ended';
    const { name, id, validFrom, validTo } = other;
    throw conflict(
      validTo === null
        ? problem('plan.overlap_open_ended', { name, id, validFrom })
        : problem('plan.overlap', { name, id, validFrom, validTo }),
      `overlaps plan "${other.name}" (id ${other.id}, ${other.validFrom} to ${to(other)}): both cover the same KOS at the same specificity on overlapping dates`,
      'appliesTo',
    );
  }
}
