import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { PlansTable } from '../../db/schema.js';
import { parseJson } from '../../lib/json.js';
import { toIso } from '../../lib/schemas.js';
import type { Plan } from './plans.js';
import type { PlanOut } from './plans.schema.js';

/** What a plan stores: everything but its id and the timestamps. */
export type PlanRow = Omit<Plan, 'id' | 'createdAt'>;

const toPlan = (row: Selectable<PlansTable>): Plan => ({
  id: row.id,
  name: row.name,
  appliesTo: parseJson(row.applies_to, {}),
  validFrom: row.valid_from,
  validTo: row.valid_to,
  rateBps: row.rate_bps,
  base: row.base as Plan['base'],
  overrides: parseJson(row.overrides, []),
  steps: parseJson(row.steps, []),
  livestreamFeeMinor: row.livestream_fee_minor,
  holdingDays: row.holding_days,
  createdAt: toIso(row.created_at),
});

const toPlanOut = (row: Selectable<PlansTable> & { currency: string }): PlanOut => ({
  ...toPlan(row),
  currency: row.currency,
  updatedAt: toIso(row.updated_at),
});

const selectPlans = (db: Db, orgId: string) =>
  db
    .selectFrom('plans')
    .innerJoin('orgs', 'orgs.id', 'plans.org_id')
    .selectAll('plans')
    .select('orgs.currency')
    .where('plans.org_id', '=', orgId);

/** Every plan of the org, in id order, as the API answers them. */
export async function listPlans(db: Db, orgId: string): Promise<PlanOut[]> {
  return (await selectPlans(db, orgId).orderBy('plans.id').execute()).map(toPlanOut);
}

/** Every plan of the org, in id order, as the pure rules read them. */
export async function listOrgPlans(db: Db, orgId: string): Promise<Plan[]> {
  return (await db.selectFrom('plans').selectAll().where('org_id', '=', orgId).orderBy('id').execute()).map(toPlan);
}

export async function findPlan(db: Db, orgId: string, id: string): Promise<PlanOut | undefined> {
  const row = await selectPlans(db, orgId).where('plans.id', '=', id).executeTakeFirst();
  return row && toPlanOut(row);
}

const toRow = (p: PlanRow) => ({
  name: p.name,
  applies_to: JSON.stringify(p.appliesTo),
  valid_from: p.validFrom,
  valid_to: p.validTo,
  rate_bps: p.rateBps,
  base: p.base,
  overrides: JSON.stringify(p.overrides),
  steps: JSON.stringify(p.steps),
  livestream_fee_minor: p.livestreamFeeMinor,
  holding_days: p.holdingDays,
});

export async function insertPlan(db: Db, orgId: string, id: string, p: PlanRow, now: number): Promise<void> {
  await db
    .insertInto('plans')
    .values({ ...toRow(p), id, org_id: orgId, created_at: now, updated_at: now })
    .execute();
}

/** Replaces every stored field (the service merges a PATCH into the current plan first). */
export async function updatePlan(db: Db, orgId: string, id: string, p: PlanRow, now: number): Promise<void> {
  await db
    .updateTable('plans')
    .set({ ...toRow(p), updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}
