import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import type { Router } from '../../lib/http/route.js';
import { id, isoDate, isoDateTime, PLATFORMS } from '../../lib/schemas.js';
import { keyed } from '../../lib/zod-problems.js';
import type { Principal } from '../access/access.js';
import { breakdownOut, leaderboardOut, metricsOut } from './analytics.schema.js';
import * as service from './analytics.service.js';

const filters = z.object({
  from: z.union([isoDate, isoDateTime]).optional(),
  to: z.union([isoDate, isoDateTime]).optional(),
  kosId: id.optional(),
  unitId: id.optional(),
  platform: z.enum(PLATFORMS).optional(),
  // A built-in source, `webhook`, or a saved mapping's name (docs/import-mappings.md).
  source: z
    .string()
    .regex(
      /^[a-z0-9_]{3,40}$/,
      keyed('field.format', 'must be a source name such as shopee, webhook or a mapping name', { format: '[a-z0-9_]{3,40}' }),
    )
    .optional(),
});

export function registerAnalyticsRoutes(router: Router<Principal>, { database }: AppDeps): void {
  const { db } = database;
  const tags = ['analytics'];
  const periodNote =
    '`[from, to)` days of the org time zone (or ISO date-times), by order time (clicks by click time); default: the last 30 days.';
  router.route({
    method: 'GET',
    url: '/api/v1/analytics/summary',
    summary: 'GMV, net sales, orders, clicks, AOV, conversion, cancel/return rates, commission',
    tags,
    description: `${periodNote} The org-wide scope includes unattributed lines; a KOS, unit or platform scope only its own. Clicks are null for a platform or source scope.`,
    query: filters,
    response: metricsOut,
    handler: ({ auth, query }) => service.summary(db, auth, query),
  });
  router.route({
    method: 'GET',
    url: '/api/v1/analytics/breakdown',
    summary: 'The summary metrics per KOS, unit, platform, product, source or day',
    tags,
    description: `${periodNote} \`key\` is the kosId, unitId, platform, product sku, source or YYYY-MM-DD ('' for unattributed / none).`,
    query: filters.extend({ by: z.enum(['kos', 'unit', 'platform', 'product', 'source', 'day']) }),
    response: breakdownOut,
    handler: ({ auth, query }) => service.breakdown(db, auth, query.by, query),
  });
  router.route({
    method: 'GET',
    url: '/api/v1/analytics/leaderboard',
    summary: 'KOS ranked by net sales, GMV or orders over a week or month',
    tags,
    query: z.object({
      metric: z.enum(['netSales', 'gmv', 'orders']).default('netSales'),
      period: z.enum(['week', 'month']).default('month'),
      date: isoDate.optional(),
      limit: z.coerce.number().int().min(1).max(500).default(10),
    }),
    response: leaderboardOut,
    handler: ({ auth, query }) => service.leaderboard(db, auth, query),
  });
}
