import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import type { Router } from '../../lib/http/route.js';
import type { Locale } from '../../lib/locale.js';
import { pageQuery, pageSchema } from '../../lib/pagination.js';
import { idParams, toIso } from '../../lib/schemas.js';
import { PERIOD_PATTERN } from '../../lib/time.js';
import { keyed } from '../../lib/zod-problems.js';
import type { Principal } from '../access/access.js';
import { getKosOrThrow } from '../kos/kos.service.js';
import { entriesOfPayout } from '../ledger/ledger.service.js';
import { lineLabels } from '../orders/lines.service.js';
import { getOrgOrThrow } from '../orgs/orgs.service.js';
import { PAYOUT_STATUSES, type Payout } from './payouts.js';
import { closePeriodOut, payoutOut } from './payouts.schema.js';
import * as service from './payouts.service.js';
import { renderStatement } from './statement-page.js';

const period = z.string().regex(PERIOD_PATTERN, keyed('field.month', 'must be a month YYYY-MM'));
const present = (p: Payout) => ({
  ...p,
  createdAt: toIso(p.createdAt),
  approvedAt: p.approvedAt === null ? null : toIso(p.approvedAt),
  paidAt: p.paidAt === null ? null : toIso(p.paidAt),
});
/** Bank/payroll cells: a text cell starting with `= + - @` gets a leading `'` (formula injection). */
const defuse = (value: string) => (/^[=+\-@]/.test(value) ? `'${value}` : value);
const EXPORT_COLUMNS = [
  'kosCode',
  'name',
  'taxCode',
  'grossMinor',
  'withheldMinor',
  'netMinor',
  'currency',
  'status',
  'reference',
] as const;

export function registerPayoutRoutes(router: Router<Principal>, { database }: AppDeps): void {
  const { db } = database;
  const tags = ['payouts'];
  router.route({
    method: 'POST',
    url: '/api/v1/payouts/close',
    summary: 'Close an ended month: one draft payout per KOS',
    tags,
    status: 201,
    description:
      '201 with the payouts made; closing the same month again answers 200 with the same payouts and books nothing; a month that has not ended → 409.',
    body: z.object({ period }),
    response: closePeriodOut,
    handler: async ({ auth, body, setStatus }) => {
      const result = await service.closePeriod(db, auth, body.period);
      if (!result.created) setStatus(200);
      return { period: body.period, payouts: result.payouts.map(present) };
    },
  });
  router.route({
    method: 'GET',
    url: '/api/v1/payouts',
    summary: 'Payouts',
    tags,
    query: pageQuery.extend({
      period: period.optional(),
      kosId: z.string().optional(),
      status: z.enum(PAYOUT_STATUSES).optional(),
    }),
    response: pageSchema(payoutOut),
    handler: async ({ auth, query }) => {
      const page = await service.listPayouts(db, auth, query);
      return { items: page.items.map(present), nextCursor: page.nextCursor };
    },
  });
  router.route({
    method: 'GET',
    url: '/api/v1/payouts/export.csv',
    summary: 'Bank/payroll export of a month (approved and paid payouts)',
    tags,
    description: 'UTF-8 with a byte-order mark, so spreadsheet programs show Vietnamese and Chinese names as written.',
    query: z.object({ period }),
    response: null,
    produces: 'text/csv',
    status: 200,
    handler: async ({ auth, query, reply }) => {
      const rows = await service.exportRows(db, auth, query.period);
      const csv = stringify(
        rows.map((r) => EXPORT_COLUMNS.map((c) => (typeof r[c] === 'string' ? defuse(r[c] as string) : (r[c] ?? '')))),
        { header: true, columns: [...EXPORT_COLUMNS], bom: true },
      );
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="payouts-${query.period}.csv"`)
        .send(csv);
    },
  });
  router.route({
    method: 'GET',
    url: '/api/v1/payouts/:id',
    summary: 'A payout with its entry ids',
    tags,
    params: idParams,
    response: payoutOut,
    handler: async ({ auth, params }) => present(await service.getPayoutOrThrow(db, auth, params.id)),
  });
  router.route({
    method: 'POST',
    url: '/api/v1/payouts/:id/approve',
    summary: 'Approve a draft payout',
    tags,
    params: idParams,
    response: payoutOut,
    handler: async ({ auth, params }) => present(await service.approvePayout(db, auth, params.id)),
  });
  router.route({
    method: 'POST',
    url: '/api/v1/payouts/:id/mark-paid',
    summary: 'Mark an approved payout paid (its entries become paid)',
    tags,
    params: idParams,
    body: z.object({ reference: z.string().trim().min(1, 'is required').max(200) }),
    response: payoutOut,
    handler: async ({ auth, params, body }) => present(await service.markPayoutPaid(db, auth, params.id, body.reference)),
  });
  router.route({
    method: 'GET',
    url: '/api/v1/payouts/:id/statement',
    summary: 'Printable statement (HTML): every entry behind the payout',
    tags,
    params: idParams,
    query: z.object({ lang: z.enum(['vi', 'zh-CN', 'en']).optional() }),
    response: null,
    produces: 'text/html',
    status: 200,
    handler: async ({ auth, params, query, reply }) => {
      const payout = await service.getPayoutOrThrow(db, auth, params.id);
      const org = await getOrgOrThrow(db, auth.orgId);
      const kos = await getKosOrThrow(db, auth, payout.kosId);
      const entries = await entriesOfPayout(db, org.id, payout.id);
      const byLine = await lineLabels(
        db,
        org.id,
        entries.flatMap((x) => (x.lineId ? [x.lineId] : [])),
      );
      const html = renderStatement({
        locale: (query.lang ?? org.locale) as Locale,
        orgName: org.name,
        timeZone: org.timezone,
        kos: { code: kos.code, name: kos.name, taxCode: kos.taxProfile.taxCode },
        payout,
        entries: entries.map((x) => ({
          kind: x.kind,
          amountMinor: x.amountMinor,
          cause: x.lineId ? (byLine.get(x.lineId) ?? x.lineId) : x.sessionId ? `livestream ${x.sessionId}` : (x.reason ?? ''),
          eligibleAt: x.eligibleAt === null ? null : toIso(x.eligibleAt),
        })),
      });
      reply.type('text/html; charset=utf-8').send(html);
    },
  });
}
