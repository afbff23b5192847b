/** One link's counts on one day of its org's calendar: a `link_daily` row, or what a batch adds to one. */
export interface DailyDelta {
  linkId: string;
  day: string;
  orgId: string;
  kosId: string;
  clicks: number;
  uniqueClicks: number;
  bots: number;
}

/** What the rollup needs to know of a recorded click. */
export interface RollupClick {
  orgId: string;
  linkId: string;
  kosId: string;
  /** The click's day in the org's time zone (`dayInZone`), not the UTC day. */
  day: string;
  isBot: boolean;
  isUnique: boolean;
}

/**
 * Sums clicks into per-(link, day) counts. The one definition of what a click adds to `link_daily`:
 * the batched writer adds it for the clicks it inserts, the rebuild recomputes it from raw clicks, and
 * the two must agree. Bots are counted apart; `clicks` counts repeats, `uniqueClicks` does not.
 */
export class DailyRollup {
  private readonly byKey = new Map<string, DailyDelta>();

  add(click: RollupClick): void {
    const key = `${click.linkId}|${click.day}`;
    let delta = this.byKey.get(key);
    if (!delta) {
      delta = {
        linkId: click.linkId,
        day: click.day,
        orgId: click.orgId,
        kosId: click.kosId,
        clicks: 0,
        uniqueClicks: 0,
        bots: 0,
      };
      this.byKey.set(key, delta);
    }
    if (click.isBot) delta.bots += 1;
    else {
      delta.clicks += 1;
      if (click.isUnique) delta.uniqueClicks += 1;
    }
  }

  /** How many (link, day) rows the sums fill. */
  get days(): number {
    return this.byKey.size;
  }

  deltas(): DailyDelta[] {
    return [...this.byKey.values()];
  }
}

/** The rollup of a set of clicks in one pass. */
export function dailyDeltas(clicks: Iterable<RollupClick>): DailyDelta[] {
  const rollup = new DailyRollup();
  for (const click of clicks) rollup.add(click);
  return rollup.deltas();
}

/**
 * Daily sums summed again per link and month of the org's calendar (`YYYY-MM`, the day's first seven
 * characters): the rows `link_monthly` adds, with `day` holding the month.
 */
export function monthlyDeltas(deltas: Iterable<DailyDelta>): DailyDelta[] {
  const byKey = new Map<string, DailyDelta>();
  for (const d of deltas) {
    const month = d.day.slice(0, 7);
    const key = `${d.linkId}|${month}`;
    const sum = byKey.get(key);
    if (sum) {
      sum.clicks += d.clicks;
      sum.uniqueClicks += d.uniqueClicks;
      sum.bots += d.bots;
    } else byKey.set(key, { ...d, day: month });
  }
  return [...byKey.values()];
}
