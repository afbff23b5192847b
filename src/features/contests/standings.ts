import type { Prize, Target } from './contests.js';

/** One competitor of a contest: a KOS (with its code) or a unit, with its metric value. */
export interface Competitor {
  kosId?: string;
  unitId?: string;
  code?: string;
  name: string;
  value: number;
}

/** A row of the standings: `target` is the value of the highest target reached (absent when none). */
export interface StandingRow extends Competitor {
  rank: number;
  target?: number;
}

const sortKey = (c: Competitor): string => c.code ?? c.name;
const byCodepoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The highest target a value reaches, or null; a value ≤ 0 reaches none (it wins nothing). */
export function highestTarget(targets: readonly Target[], value: number): Target | null {
  if (value <= 0) return null;
  let best: Target | null = null;
  for (const t of targets) if (value >= t.value && (best === null || t.value > best.value)) best = t;
  return best;
}

/** The prize of a rank, or null (prize ranges do not overlap). */
export const prizeOf = (prizes: readonly Prize[], rank: number): Prize | null =>
  prizes.find((p) => p.rankFrom <= rank && rank <= p.rankTo) ?? null;

/**
 * Standings (docs/contests.md): value descending, then KOS code or unit name (then id, so the order is
 * total); equal values share the rank of the first of them (1, 1, 3).
 */
export function rankStandings(competitors: readonly Competitor[], targets: readonly Target[]): StandingRow[] {
  const sorted = [...competitors].sort(
    (a, b) =>
      b.value - a.value ||
      byCodepoint(sortKey(a), sortKey(b)) ||
      byCodepoint(a.kosId ?? a.unitId ?? '', b.kosId ?? b.unitId ?? ''),
  );
  let rank = 0;
  return sorted.map((c, i) => {
    if (i === 0 || c.value !== (sorted[i - 1] as Competitor).value) rank = i + 1;
    const target = highestTarget(targets, c.value);
    return target ? { ...c, rank, target: target.value } : { ...c, rank };
  });
}

/** A unit that may compete: its id, name, kind and parent. */
export interface UnitFacts {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
}

/**
 * The units of a unit contest (docs/contests.md): every unit of `kind` (inside one of `within`'s subtrees
 * when given), each with the sum of the values of the participating KOS of its subtree, and who they are.
 */
export function unitCompetitors(
  units: readonly UnitFacts[],
  kind: string,
  within: readonly string[] | undefined,
  participants: readonly { kosId: string; unitPath: readonly string[]; value: number }[],
): { competitors: Competitor[]; members: Map<string, string[]> } {
  const parent = new Map(units.map((u) => [u.id, u.parentId]));
  const inside = (unitId: string): boolean => {
    if (!within?.length) return true;
    for (let id: string | null = unitId, hops = 0; id !== null && hops <= units.length; id = parent.get(id) ?? null, hops++)
      if (within.includes(id)) return true;
    return false;
  };
  const competing = units.filter((u) => u.kind === kind && inside(u.id));
  const members = new Map<string, string[]>(competing.map((u) => [u.id, []]));
  const sums = new Map<string, number>(competing.map((u) => [u.id, 0]));
  for (const p of participants)
    for (const unitId of p.unitPath) {
      const list = members.get(unitId);
      if (!list) continue;
      list.push(p.kosId);
      sums.set(unitId, (sums.get(unitId) ?? 0) + p.value);
    }
  return {
    competitors: competing.map((u) => ({ unitId: u.id, name: u.name, value: sums.get(u.id) ?? 0 })),
    members,
  };
}
