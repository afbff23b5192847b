import type { Prize, Target } from './contests.js';
import { highestTarget, prizeOf, type StandingRow } from './standings.js';

/** One award of a closed contest, before it is booked: who, for which unit (unit contests), what. */
export interface PlannedAward {
  kosId: string;
  unitId: string | null;
  kind: 'prize' | 'target';
  rank: number;
  amountMinor: number;
}

/**
 * The awards of final standings (docs/contests.md): the prize of each row's (shared) rank, and the bonus
 * of the highest target it reached — not their sum; both may be won; a row whose value is ≤ 0 wins
 * nothing. A unit's awards go, each in full, to every participating KOS of the unit (`members`).
 */
export function contestAwards(
  rows: readonly StandingRow[],
  prizes: readonly Prize[],
  targets: readonly Target[],
  members: ReadonlyMap<string, readonly string[]>,
): PlannedAward[] {
  const out: PlannedAward[] = [];
  for (const row of rows) {
    if (row.value <= 0) continue;
    const winners = row.kosId ? [row.kosId] : [...(members.get(row.unitId ?? '') ?? [])].sort();
    const prize = prizeOf(prizes, row.rank);
    const target = highestTarget(targets, row.value);
    for (const kosId of winners) {
      const unitId = row.unitId ?? null;
      if (prize && prize.amountMinor > 0)
        out.push({ kosId, unitId, kind: 'prize', rank: row.rank, amountMinor: prize.amountMinor });
      if (target && target.bonusMinor > 0)
        out.push({ kosId, unitId, kind: 'target', rank: row.rank, amountMinor: target.bonusMinor });
    }
  }
  return out;
}
