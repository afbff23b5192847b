import type { z } from 'zod';
import type {
  awardOut,
  closeOut,
  contestOut,
  standingRowOut,
  standingsOut,
} from '../../../src/features/contests/contests.schema';

/**
 * Contests (排行榜, PK赛) as the console reads them (`/api/v1/contests`, API.md "Resources for running the
 * matrix"; rules in docs/contests.md): the shapes, the enums and the small pure rules the pages share.
 */
export const CONTEST_METRICS = [
  'netSales',
  'gmv',
  'orders',
  'newBuyers',
  'clicks',
  'sessions',
] as const satisfies readonly Contest['metric'][];
export const CONTEST_STATUSES = ['upcoming', 'running', 'ended', 'closed'] as const satisfies readonly Contest['status'][];
export const CONTEST_SCOPES = ['kos', 'unit'] as const satisfies readonly Contest['scope'][];
export const AWARD_KINDS = ['prize', 'target'] as const satisfies readonly ContestAward['kind'][];
/** At most five targets, strictly increasing. */
export const MAX_TARGETS = 5;

/** `GET /contests/{id}`: a contest with its status, and once closed its awards. */
export type Contest = z.infer<typeof contestOut>;
/** One award booked by closing: a `bonus` ledger entry (`entryId`) of a KOS. */
export type ContestAward = z.infer<typeof awardOut>;
/** One line of the standings: a KOS (`kosId`, `code`) or a unit (`unitId`); equal values share a rank; `target` the highest reached. */
export type StandingRow = z.infer<typeof standingRowOut>;
export type Standings = z.infer<typeof standingsOut>;
/** `POST /contests/{id}/close`. */
export type CloseAnswer = z.infer<typeof closeOut>;
export type ContestMetric = Contest['metric'];
export type ContestStatus = Contest['status'];
export type ContestScope = Contest['scope'];
export type ContestTier = NonNullable<Contest['participants']['tiers']>[number];

/** Values of money metrics are minor units of the org's currency. */
export const isMoneyMetric = (metric: ContestMetric): boolean => metric === 'netSales' || metric === 'gmv';

/** The value of the highest target a row reached, or null. */
export const reachedTarget = (row: StandingRow): number | null => row.target ?? null;

/** A stable key of a standings row (its KOS or unit). */
export const rowKey = (row: StandingRow): string => row.kosId ?? row.unitId ?? row.name;

/** Whether a row's rank is shared with another row (a tie: 1, 1, 3). */
export function isTied(rows: readonly StandingRow[], row: StandingRow): boolean {
  return rows.filter((r) => r.rank === row.rank).length > 1;
}

/**
 * The PK bar between two values: each side's share in whole percent (a value ≤ 0 counts as 0; both 0 is
 * 50/50), and who leads (`a`, `b` or `tie`).
 */
export function pkSplit(a: number, b: number): { a: number; b: number; leader: 'a' | 'b' | 'tie' } {
  const x = Math.max(a, 0);
  const y = Math.max(b, 0);
  const leader = a === b ? 'tie' : a > b ? 'a' : 'b';
  if (x + y === 0) return { a: 50, b: 50, leader };
  const share = Math.round((100 * x) / (x + y));
  return { a: share, b: 100 - share, leader };
}

/** How often the standings of a running contest are asked for again. */
export const LIVE_REFRESH_MS = 10_000;
