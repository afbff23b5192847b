import { addDays, dayInZone } from '../../lib/time.js';
import { queryPeriod } from '../analytics/analytics.js';

/**
 * The platform advisor's rules (docs/advisor.md): which of the seven selling platforms
 * suits a goal, judged on the org's own last 90 days where it has enough orders, else on the built-in
 * priors of its market. Pure: figures in, ranked rows out.
 */
export const GOALS = ['sales', 'new_customers', 'awareness'] as const;
export type Goal = (typeof GOALS)[number];

export const ADVISED_PLATFORMS = ['tiktok_shop', 'shopee', 'lazada', 'facebook', 'youtube', 'douyin', 'xiaohongshu'] as const;
export type AdvisedPlatform = (typeof ADVISED_PLATFORMS)[number];

export type Market = 'VN' | 'CN';
export type Basis = 'org' | 'prior';

/** Orders a platform needs over the period to be judged on the org's own figures. */
export const MIN_ORDERS = 30;
/** The period looked at: the last 90 calendar days of the org's time zone, today included. */
export const ADVISOR_DAYS = 90;

type Scores = Readonly<Record<Goal, number>>;
const s = (sales: number, newCustomers: number, awareness: number): Scores => ({
  sales,
  new_customers: newCustomers,
  awareness,
});

/**
 * Prior scores 0–100 per market, platform and goal (docs/advisor.md "Priors" gives their sources):
 * VN from the 2024 livestream-selling shares (Facebook 31.9 %, Shopee 30.9 %, TikTok 17.2 % — AccessTrade)
 * and which platforms have an in-app cart; CN where Douyin and Xiaohongshu are the selling platforms.
 */
export const PRIORS: Readonly<Record<Market, Readonly<Record<AdvisedPlatform, Scores>>>> = {
  VN: {
    tiktok_shop: s(90, 80, 85),
    shopee: s(85, 60, 60),
    lazada: s(65, 50, 40),
    facebook: s(70, 70, 90),
    youtube: s(40, 40, 70),
    douyin: s(0, 0, 0),
    xiaohongshu: s(0, 0, 0),
  },
  CN: {
    tiktok_shop: s(0, 0, 0),
    shopee: s(0, 0, 0),
    lazada: s(0, 0, 0),
    facebook: s(0, 0, 0),
    youtube: s(0, 0, 0),
    douyin: s(90, 80, 90),
    xiaohongshu: s(70, 70, 85),
  },
};

/** The org's market: CN when it keeps its books in CNY, else VN. */
export const marketOf = (currency: string): Market => (currency.toUpperCase() === 'CNY' ? 'CN' : 'VN');

/** `[from, to)` of the last 90 days in the org's time zone (the analytics period rule, docs/metrics.md). */
export function advisorPeriod(now: number, timeZone: string): { from: number; to: number } {
  return queryPeriod({ from: addDays(dayInZone(now, timeZone), -(ADVISOR_DAYS - 1)) }, timeZone, now);
}

/** What the org did on one platform over the period (orders in the category when one is asked for). */
export interface PlatformFigures {
  /** Orders as docs/metrics.md counts them (not unpaid). */
  orders: number;
  netSalesMinor: number;
  /** docs/metrics.md return rate; null when no order reached its end. */
  returnRate: number | null;
  /** Orders whose buyer is known to be new or returning, and those of them with a new buyer. */
  knownBuyerOrders: number;
  newBuyerOrders: number;
  /** The org's accounts on the platform, the KOS owning them, and their followers. */
  accounts: number;
  kos: number;
  followers: number;
}

export const NO_FIGURES: PlatformFigures = {
  orders: 0,
  netSalesMinor: 0,
  returnRate: null,
  knownBuyerOrders: 0,
  newBuyerOrders: 0,
  accounts: 0,
  kos: 0,
  followers: 0,
};

export interface RankedPlatform {
  platform: AdvisedPlatform;
  score: number;
  basis: Basis;
  /** The orders that count for the basis switch (for new customers, those with a known buyer). */
  counted: number;
  /** The org-based value v (null for a prior row). */
  value: number | null;
  /** The prior before any cap (null for an org row), and the cap applied when it lowered it. */
  prior: number | null;
  cappedAt: number | null;
  figures: PlatformFigures;
}

/** The orders that decide the basis: for new customers only those whose buyer is known. */
export const countedOrders = (goal: Goal, f: PlatformFigures): number =>
  goal === 'new_customers' ? f.knownBuyerOrders : f.orders;

/**
 * v of an org-based platform: sales = net sales ÷ max(KOS with an account there, 1) × (1 − return rate,
 * null read as 0); new customers = share of the known-buyer orders with a new buyer; awareness = followers
 * per account (0 without accounts).
 */
export function platformValue(goal: Goal, f: PlatformFigures): number {
  if (goal === 'sales') return (f.netSalesMinor / Math.max(f.kos, 1)) * (1 - (f.returnRate ?? 0));
  if (goal === 'new_customers') return f.knownBuyerOrders ? f.newBuyerOrders / f.knownBuyerOrders : 0;
  return f.accounts ? f.followers / f.accounts : 0;
}

/**
 * The seven platforms ranked for a goal. A platform with ≥ MIN_ORDERS counted orders scores
 * round(100 × v ÷ best v of those) (0 when the best is ≤ 0); the others take their market's prior, capped
 * at the lowest org-based score when there is one. Best first; on a tie org-based first, then by name.
 */
export function rankPlatforms(
  goal: Goal,
  market: Market,
  figures: Readonly<Partial<Record<AdvisedPlatform, PlatformFigures>>>,
): RankedPlatform[] {
  const all = ADVISED_PLATFORMS.map((platform) => ({ platform, f: figures[platform] ?? NO_FIGURES }));
  const org = all.filter((p) => countedOrders(goal, p.f) >= MIN_ORDERS).map((p) => ({ ...p, v: platformValue(goal, p.f) }));
  const best = Math.max(...org.map((p) => p.v));
  const rows: RankedPlatform[] = org.map((p) => ({
    platform: p.platform,
    score: best > 0 ? Math.round((100 * p.v) / best) : 0,
    basis: 'org',
    counted: countedOrders(goal, p.f),
    value: p.v,
    prior: null,
    cappedAt: null,
    figures: p.f,
  }));
  const lowest = rows.length ? Math.min(...rows.map((r) => r.score)) : null;
  for (const p of all.filter((x) => countedOrders(goal, x.f) < MIN_ORDERS)) {
    const prior = PRIORS[market][p.platform][goal];
    const capped = lowest !== null && prior > lowest;
    rows.push({
      platform: p.platform,
      score: capped ? lowest : prior,
      basis: 'prior',
      counted: countedOrders(goal, p.f),
      value: null,
      prior,
      cappedAt: capped ? lowest : null,
      figures: p.f,
    });
  }
  return rows.sort(
    (a, b) =>
      b.score - a.score ||
      (a.basis === b.basis ? 0 : a.basis === 'org' ? -1 : 1) ||
      (a.platform < b.platform ? -1 : a.platform > b.platform ? 1 : 0),
  );
}
