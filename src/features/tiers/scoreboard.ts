import type { Db } from '../../db/database.js';
import { foldText } from '../../lib/text.js';
import { addDays, dayStart } from '../../lib/time.js';
import { computeRpg, type Rpg, type RpgFacts, type RpgValues, rpgValues } from './rpg.js';
import { categoriesSeen, type FollowerFacts, followers, type KosFacts, netSales, orgKos } from './tiers.repository.js';

/**
 * Every KOS of an org on a date d, with what its scorecard and the tiers need (docs/tiers.md): net sales
 * in W = [d − 30, d) and P = [d − 60, d − 30), followers, raw RPG values and — for the population, the
 * org's active KOS — the RPG percentiles. Three grouped queries for the whole org.
 */
export interface BoardRow {
  kos: KosFacts;
  netW: number;
  netP: number;
  followers: FollowerFacts;
  values: RpgValues;
  /** Null outside the population. */
  rpg: Rpg | null;
}

export interface OrgFacts {
  id: string;
  timezone: string;
  targetCategories: readonly string[];
}

/** The instants of W and P for a date in the org's time zone. */
export function windowsOf(date: string, timezone: string): { pFrom: number; wFrom: number; wTo: number } {
  return {
    pFrom: dayStart(addDays(date, -60), timezone),
    wFrom: dayStart(addDays(date, -30), timezone),
    wTo: dayStart(date, timezone),
  };
}

export async function scoreBoard(db: Db, org: OrgFacts, date: string): Promise<Map<string, BoardRow>> {
  const { pFrom, wFrom, wTo } = windowsOf(date, org.timezone);
  const targets = new Set(org.targetCategories.map(foldText));
  // Categories are compared folded; the database cannot fold tones, so the texts that match are found here.
  const targetTexts = targets.size
    ? (await categoriesSeen(db, org.id, wFrom, wTo)).filter((c) => targets.has(foldText(c)))
    : null;
  const [kos, sums, counts] = await Promise.all([
    orgKos(db, org.id),
    netSales(db, org.id, { pFrom, wFrom, wTo }, targetTexts),
    followers(db, org.id, wFrom),
  ]);
  const noFollowers: FollowerFacts = { now: 0, largest: 0, start: 0 };
  const facts = new Map<string, RpgFacts>();
  for (const k of kos) {
    const s = sums.get(k.id) ?? { w: 0, p: 0, target: 0 };
    const f = counts.get(k.id) ?? noFollowers;
    facts.set(k.id, { kosId: k.id, netW: s.w, netP: s.p, netTargetW: s.target, followersNow: f.now, followersStart: f.start });
  }
  const rpg = computeRpg(kos.filter((k) => k.status === 'active').map((k) => facts.get(k.id) as RpgFacts));
  const out = new Map<string, BoardRow>();
  for (const k of kos) {
    const f = facts.get(k.id) as RpgFacts;
    const scored = rpg.get(k.id);
    out.set(k.id, {
      kos: k,
      netW: f.netW,
      netP: f.netP,
      followers: counts.get(k.id) ?? noFollowers,
      values: scored?.values ?? rpgValues(f),
      rpg: scored?.rpg ?? null,
    });
  }
  return out;
}
