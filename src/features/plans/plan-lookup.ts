import type { Db } from '../../db/database.js';
import { dayInZone } from '../../lib/time.js';
import { kosPlanFacts } from '../kos/kos.service.js';
import { unitPath } from '../units/units.js';
import { listOrgUnits } from '../units/units.service.js';
import { type Plan, type PlanSubject, selectPlan } from './plans.js';
import { listOrgPlans } from './plans.service.js';

/** Chooses plans for KOS of one org, loading plans, KOS and units once. */
export interface PlanLookup {
  timezone: string;
  /** The plan for a KOS at an instant (its day in the org's time zone), or null. */
  planAt(kosId: string, at: number): Plan | null;
  /** The plan for a KOS on a day `YYYY-MM-DD`. */
  planOn(kosId: string, day: string): Plan | null;
}

export async function loadPlanLookup(db: Db, org: { id: string; timezone: string }, kosIds: string[]): Promise<PlanLookup> {
  const [plans, facts, units] = await Promise.all([
    listOrgPlans(db, org.id),
    kosPlanFacts(db, org.id, kosIds),
    listOrgUnits(db, org.id),
  ]);
  const subjects = new Map<string, PlanSubject>();
  for (const [id, f] of facts)
    subjects.set(id, { id, relationship: f.relationship, tier: f.tier, unitPath: unitPath(units, f.unitId) });
  const planOn = (kosId: string, day: string) => {
    const subject = subjects.get(kosId);
    return subject ? selectPlan(plans, subject, day) : null;
  };
  return { timezone: org.timezone, planOn, planAt: (kosId, at) => planOn(kosId, dayInZone(at, org.timezone)) };
}
