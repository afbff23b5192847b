import type { Kos } from '../../types';

const TIER_RANK: Record<string, number> = { S: 0, A: 1, B: 2, C: 3 };
const KEYS: Record<string, (a: Kos, b: Kos, locale: string) => number> = {
  name: (a, b, locale) => a.name.localeCompare(b.name, locale),
  code: (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  // S before A before B before C; a KOS without a tier last.
  tier: (a, b) => (TIER_RANK[a.tier ?? ''] ?? 9) - (TIER_RANK[b.tier ?? ''] ?? 9),
};

/**
 * The roster's rows in the order `sort` names (`name`, `-name`, `code`, `tier`…; '' keeps the API's order).
 * GET /kos has no sort parameter, so this orders the rows loaded so far.
 */
export function sortKos(rows: Kos[], sort: string, locale: string): Kos[] {
  const desc = sort.startsWith('-');
  const compare = KEYS[desc ? sort.slice(1) : sort];
  if (!compare) return rows;
  const key = desc ? sort.slice(1) : sort;
  // A KOS without a tier stays last in both directions.
  const untiered = (k: Kos) => (key === 'tier' && k.tier === null ? 1 : 0);
  return [...rows].sort(
    (a, b) => untiered(a) - untiered(b) || (desc ? -1 : 1) * compare(a, b, locale) || a.code.localeCompare(b.code),
  );
}
