import type { Kos } from '../../types';

const TIER_RANK: Record<string, number> = { S: 0, A: 1, B: 2, C: 3 };
/** What a sort may read beside the KOS itself: its RPG score from `GET /scorecards` (null: none). */
export type RpgOf = (k: Kos) => number | null;
type Compare = (a: Kos, b: Kos, locale: string, rpg: RpgOf) => number;
const KEYS: Record<string, Compare> = {
  name: (a, b, locale) => a.name.localeCompare(b.name, locale),
  code: (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  // S before A before B before C; a KOS without a tier last.
  tier: (a, b) => (TIER_RANK[a.tier ?? ''] ?? 9) - (TIER_RANK[b.tier ?? ''] ?? 9),
  // The best score first, like the tier.
  rpg: (a, b, _locale, rpg) => (rpg(b) ?? 0) - (rpg(a) ?? 0),
};

/**
 * The roster's rows in the order `sort` names (`name`, `-name`, `code`, `tier`, `rpg`…; '' keeps the API's
 * order). GET /kos has no sort parameter, so this orders the rows loaded so far. A KOS without a tier (or
 * without an RPG score) stays last in both directions of that sort.
 */
export function sortKos(rows: Kos[], sort: string, locale: string, rpg: RpgOf = () => null): Kos[] {
  const desc = sort.startsWith('-');
  const key = desc ? sort.slice(1) : sort;
  const compare = KEYS[key];
  if (!compare) return rows;
  const missing = (k: Kos) => (key === 'tier' && k.tier === null) || (key === 'rpg' && rpg(k) === null);
  const last = (k: Kos) => (missing(k) ? 1 : 0);
  return [...rows].sort(
    (a, b) => last(a) - last(b) || (desc ? -1 : 1) * compare(a, b, locale, rpg) || a.code.localeCompare(b.code),
  );
}
