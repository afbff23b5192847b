import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import type { Router } from '../../lib/http/route.js';
import { pageQuery, pageSchema } from '../../lib/pagination.js';
import { toIso } from '../../lib/schemas.js';
import { PERIOD_PATTERN } from '../../lib/time.js';
import { keyed } from '../../lib/zod-problems.js';
import type { Principal } from '../access/access.js';
import { ENTRY_KINDS, ENTRY_STATUSES, type Entry } from './ledger.js';
import { entryOut } from './ledger.schema.js';
import * as service from './ledger.service.js';

export const presentEntry = (e: Entry) => ({
  ...e,
  eligibleAt: e.eligibleAt === null ? null : toIso(e.eligibleAt),
  createdAt: toIso(e.createdAt),
});

const period = z.string().regex(PERIOD_PATTERN, keyed('field.month', 'must be a month YYYY-MM'));

export function registerLedgerRoutes(router: Router<Principal>, { database }: AppDeps): void {
  const { db } = database;
  const tags = ['ledger'];
  router.route({
    method: 'GET',
    url: '/api/v1/ledger',
    summary: 'Ledger entries (append-only)',
    tags,
    description:
      '`period` (YYYY-MM) selects entries whose cause falls in that month of the org time zone: a sale by its line’s order time, a fee by the session’s end, others by creation.',
    query: pageQuery.extend({
      kosId: z.string().optional(),
      status: z.enum(ENTRY_STATUSES).optional(),
      kind: z.enum(ENTRY_KINDS).optional(),
      period: period.optional(),
    }),
    response: pageSchema(entryOut),
    handler: async ({ auth, query }) => {
      const page = await service.listLedger(db, auth, query);
      return { items: page.items.map(presentEntry), nextCursor: page.nextCursor };
    },
  });
  router.route({
    method: 'POST',
    url: '/api/v1/ledger',
    summary: 'Book a bonus or an adjustment by hand (owner, admin)',
    tags,
    status: 201,
    body: z.object({
      kosId: z.string().min(1),
      kind: z.enum(['bonus', 'adjustment']),
      amountMinor: z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
      reason: z.string().trim().min(1, 'is required').max(500),
    }),
    response: entryOut,
    handler: async ({ auth, body }) => presentEntry(await service.bookManual(db, auth, body)),
  });
}
