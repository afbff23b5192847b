import type { Relationship, Tier } from '../kos/kos.js';

export interface Plan {
  id: string;
  name: string;
  appliesTo: { kosIds?: string[]; unitIds?: string[]; relationships?: Relationship[]; tiers?: Tier[] };
  validFrom: string;
  validTo: string | null;
  rateBps: number;
  base: 'net' | 'platform_commission';
  overrides: { sku?: string; category?: string; rateBps: number }[];
  steps: { fromMinor: number; rateBps: number }[];
  livestreamFeeMinor: number;
  holdingDays: number;
  createdAt: string;
}

/** What plan selection knows of a KOS: its id, its unit with the unit's ancestors (nearest first), relationship, tier. */
export interface PlanSubject {
  id: string;
  unitPath: readonly string[];
  relationship: Relationship;
  tier: Tier | null;
}

/**
 * How specifically a plan covers a KOS (higher wins), or null when it does not: KOS 4_000,
 * unit 3_000 minus the distance from the KOS's own unit (nearest wins), relationship/tier 2_000,
 * org default (empty appliesTo) 1_000.
 */
export function specificity(plan: Pick<Plan, 'appliesTo'>, kos: PlanSubject): number | null {
  const a = plan.appliesTo;
  if (a.kosIds?.includes(kos.id)) return 4000;
  const depth = kos.unitPath.findIndex((unitId) => a.unitIds?.includes(unitId));
  if (depth >= 0) return 3000 - depth;
  if (a.relationships?.includes(kos.relationship) || (kos.tier !== null && a.tiers?.includes(kos.tier))) return 2000;
  const empty = !a.kosIds?.length && !a.unitIds?.length && !a.relationships?.length && !a.tiers?.length;
  return empty ? 1000 : null;
}

export const isActiveOn = (plan: Pick<Plan, 'validFrom' | 'validTo'>, day: string): boolean =>
  plan.validFrom <= day && (plan.validTo === null || day <= plan.validTo);

/**
 * The plan for a KOS on a day (`YYYY-MM-DD`, org time zone): the most specific active one. Equal
 * specificity cannot overlap (refused on save); should it happen through a relationship plan and a
 * tier plan, the later `validFrom`, then the newer plan, wins.
 */
export function selectPlan<P extends Plan>(plans: readonly P[], kos: PlanSubject, day: string): P | null {
  let best: P | null = null;
  let bestScore = -1;
  for (const plan of plans) {
    if (!isActiveOn(plan, day)) continue;
    const score = specificity(plan, kos);
    if (score === null) continue;
    const better =
      score > bestScore ||
      (score === bestScore &&
        best !== null &&
        (plan.validFrom > best.validFrom || (plan.validFrom === best.validFrom && plan.createdAt > best.createdAt)));
    if (better) {
      best = plan;
      bestScore = score;
    }
  }
  return best;
}

/** Two plans that could cover the same KOS at the same specificity on overlapping dates (refused, 409). */
export function plansConflict(
  a: Pick<Plan, 'appliesTo' | 'validFrom' | 'validTo'>,
  b: Pick<Plan, 'appliesTo' | 'validFrom' | 'validTo'>,
): boolean {
  const overlap = a.validFrom <= (b.validTo ?? '9999-12-31') && b.validFrom <= (a.validTo ?? '9999-12-31');
  if (!overlap) return false;
  const shares = <T>(x: T[] | undefined, y: T[] | undefined) => Boolean(x?.some((v) => y?.includes(v)));
  const empty = (p: Pick<Plan, 'appliesTo'>) =>
    !p.appliesTo.kosIds?.length &&
    !p.appliesTo.unitIds?.length &&
    !p.appliesTo.relationships?.length &&
    !p.appliesTo.tiers?.length;
  return (
    shares(a.appliesTo.kosIds, b.appliesTo.kosIds) ||
    shares(a.appliesTo.unitIds, b.appliesTo.unitIds) ||
    shares(a.appliesTo.relationships, b.appliesTo.relationships) ||
    shares(a.appliesTo.tiers, b.appliesTo.tiers) ||
    (empty(a) && empty(b))
  );
}
