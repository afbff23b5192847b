import { addDays } from '../../lib/time.js';
import type { Relationship, Tier } from '../kos/kos.js';

/** The metrics a contest ranks on (docs/contests.md); `sessions` counts ended livestreams. */
export const CONTEST_METRICS = ['netSales', 'gmv', 'orders', 'newBuyers', 'clicks', 'sessions'] as const;
export type ContestMetric = (typeof CONTEST_METRICS)[number];
/** Metrics whose values are money in minor units. */
export const MONEY_METRICS: readonly ContestMetric[] = ['netSales', 'gmv'];

export const CONTEST_SCOPES = ['kos', 'unit'] as const;
export type ContestScope = (typeof CONTEST_SCOPES)[number];

export const CONTEST_STATUSES = ['upcoming', 'running', 'ended', 'closed'] as const;
export type ContestStatus = (typeof CONTEST_STATUSES)[number];

export const MAX_TARGETS = 5;

export interface Participants {
  kosIds?: string[];
  unitIds?: string[];
  relationships?: Relationship[];
  tiers?: Tier[];
}
export interface Prize {
  rankFrom: number;
  rankTo: number;
  amountMinor: number;
}
export interface Target {
  value: number;
  bonusMinor: number;
}

/**
 * A contest's status on the org's day `today`: closed once closed; else upcoming before `from`, running
 * from `from` to `to` (inclusive), ended after `to` until someone closes it.
 */
export function contestStatus(c: { from: string; to: string; closedAt: number | null }, today: string): ContestStatus {
  if (c.closedAt !== null) return 'closed';
  if (today < c.from) return 'upcoming';
  return today <= c.to ? 'running' : 'ended';
}

/** The first day the contest may be closed: the day after its last day (org time zone). */
export const closableFrom = (to: string): string => addDays(to, 1);

/** What participation knows of a KOS: its unit with the unit's ancestors (nearest first), relationship, tier. */
export interface ParticipantFacts {
  id: string;
  status: string;
  unitPath: readonly string[];
  relationship: string;
  tier: string | null;
}

/**
 * Whether a KOS takes part: `active`, and matching every non-empty list (a unit covers its subtree);
 * empty lists everywhere = every active KOS.
 */
export function takesPart(p: Participants, kos: ParticipantFacts): boolean {
  if (kos.status !== 'active') return false;
  if (p.kosIds?.length && !p.kosIds.includes(kos.id)) return false;
  if (p.unitIds?.length && !kos.unitPath.some((u) => p.unitIds?.includes(u))) return false;
  if (p.relationships?.length && !p.relationships.includes(kos.relationship as Relationship)) return false;
  if (p.tiers?.length && !(kos.tier !== null && p.tiers.includes(kos.tier as Tier))) return false;
  return true;
}

/** Problems of a prize list: ranks from ≥ 1, rankFrom ≤ rankTo, ranges not overlapping (index and reason). */
export function prizeProblems(prizes: readonly Prize[]): { index: number; reason: 'range' | 'overlap' }[] {
  const out: { index: number; reason: 'range' | 'overlap' }[] = [];
  prizes.forEach((p, i) => {
    if (p.rankFrom > p.rankTo) out.push({ index: i, reason: 'range' });
    else if (prizes.some((q, j) => j < i && q.rankFrom <= q.rankTo && q.rankFrom <= p.rankTo && p.rankFrom <= q.rankTo))
      out.push({ index: i, reason: 'overlap' });
  });
  return out;
}

/** The index of the first target whose value is not above the previous one's, or -1 (strictly increasing). */
export function targetsOutOfOrder(targets: readonly Target[]): number {
  return targets.findIndex((t, i) => i > 0 && t.value <= (targets[i - 1] as Target).value);
}
