import type { Db } from '../../db/database.js';
import { pickLocale } from '../../lib/locale.js';
import { foldText } from '../../lib/text.js';
import { type Principal, requireRole, STAFF, systemPrincipal } from '../access/access.js';
import { matrixView } from '../accounts/accounts.service.js';
import { deriveMetrics } from '../analytics/analytics.js';
import { getOrgOrThrow } from '../orgs/orgs.service.js';
import {
  ADVISED_PLATFORMS,
  type AdvisedPlatform,
  advisorPeriod,
  marketOf,
  type PlatformFigures,
  rankPlatforms,
} from './advisor.js';
import * as repo from './advisor.repository.js';
import type { Advice, AdvisorQuery } from './advisor.schema.js';
import { reasonsFor } from './advisor-reasons.js';

/**
 * The seven platforms ranked for a goal over the org's last 90 days (docs/advisor.md).
 * Org-wide figures, so staff only (the same roles that read the dashboard); a KOS member gets 403.
 */
export async function platformAdvice(db: Db, principal: Principal, q: AdvisorQuery, now = Date.now()): Promise<Advice> {
  requireRole(principal, STAFF);
  const org = await getOrgOrThrow(db, principal.orgId);
  const window = { orgId: org.id, ...advisorPeriod(now, org.timezone) };
  const categories = q.category ? await matchingCategories(db, window, q.category) : null;
  const orders = await repo.platformOrderSums(db, window, categories);
  // Accounts, KOS and followers per platform, org-wide whatever the caller's unit (docs/advisor.md).
  const matrix = await matrixView(db, systemPrincipal(org.id), {});
  const accounts = new Map(matrix.platforms.map((p) => [p.platform, p]));
  const figures: Partial<Record<AdvisedPlatform, PlatformFigures>> = {};
  for (const platform of ADVISED_PLATFORMS) {
    const o = orders.get(platform);
    const a = accounts.get(platform);
    figures[platform] = {
      orders: o?.orders ?? 0,
      netSalesMinor: o?.netSalesMinor ?? 0,
      // docs/metrics.md's return rate, from the same order-level sums the dashboard uses.
      returnRate: o ? deriveMetrics(o, null, 0).returnRate : null,
      knownBuyerOrders: o?.knownBuyerOrders ?? 0,
      newBuyerOrders: o?.newBuyers ?? 0,
      accounts: a?.accounts ?? 0,
      kos: a?.kos ?? 0,
      followers: a?.followers ?? 0,
    };
  }
  const market = marketOf(org.currency);
  const ranked = rankPlatforms(q.goal, market, figures);
  const values = ranked.flatMap((r) => (r.basis === 'org' && r.value !== null ? [r.value] : []));
  const context = {
    goal: q.goal,
    market,
    locale: pickLocale(q.lang, pickLocale(org.locale)),
    currency: org.currency,
    category: q.category ?? null,
    best: values.length ? Math.max(...values) : null,
  };
  return {
    rows: ranked.map((r) => ({ platform: r.platform, score: r.score, basis: r.basis, reasons: reasonsFor(r, context) })),
  };
}

/** The stored categories equal to `wanted` once folded (§7: case, tones and `đ` ignored). */
async function matchingCategories(db: Db, window: repo.Window, wanted: string): Promise<string[]> {
  const folded = foldText(wanted);
  return (await repo.lineCategories(db, window)).filter((c) => foldText(c) === folded);
}
