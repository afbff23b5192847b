import type { AppDeps } from '../../deps.js';
import type { Router } from '../../lib/http/route.js';
import type { Locale } from '../../lib/locale.js';
import { idParams } from '../../lib/schemas.js';
import type { Principal } from '../access/access.js';
import { getOrgOrThrow } from '../orgs/orgs.service.js';
import { renderRunSheet } from './run-sheet-page.js';
import { streamMinutes } from './run-sheets.js';
import { runSheetHtmlQuery, runSheetOut, runSheetPut } from './run-sheets.schema.js';
import * as service from './run-sheets.service.js';

export function registerRunSheetRoutes(router: Router<Principal>, { database }: AppDeps): void {
  const { db } = database;
  const tags = ['livestreams'];
  router.route({
    method: 'GET',
    url: '/api/v1/livestreams/:id/run-sheet',
    summary: "A session's run-sheet (drafted and stored on the first read)",
    description:
      'The first read drafts the sheet from the session (best sellers of the last 30 days first, equal whole minutes, ' +
      'the remainder on the last segment, USP and FAQs of each product, its earliest flash offer) and stores it. ' +
      '`stockWarning` is recomputed from the current stock at every read.',
    tags,
    params: idParams,
    response: runSheetOut,
    handler: async ({ auth, params }) => (await service.getRunSheet(db, auth, params.id)).sheet,
  });
  router.route({
    method: 'PUT',
    url: '/api/v1/livestreams/:id/run-sheet',
    summary: "Replace a session's run-sheet segments",
    description:
      'Positions run 1…n, each once; products must be products of the session; a segment must end within the stream. ' +
      '`stockWarning` is ignored on input. Owner, admin and managers in scope.',
    tags,
    params: idParams,
    body: runSheetPut,
    response: runSheetOut,
    handler: async ({ auth, params, body }) => (await service.putRunSheet(db, auth, params.id, body)).sheet,
  });
  router.route({
    method: 'GET',
    url: '/api/v1/livestreams/:id/run-sheet.html',
    summary: 'Printable run-sheet (HTML, A4, one page per hour of stream)',
    description: '`lang` picks the language (vi, zh-CN, en); without it the org locale.',
    tags,
    params: idParams,
    query: runSheetHtmlQuery,
    response: null,
    produces: 'text/html',
    status: 200,
    handler: async ({ auth, params, query, reply }) => {
      const { session, sheet, products } = await service.getRunSheet(db, auth, params.id);
      const org = await getOrgOrThrow(db, auth.orgId);
      const scheduledStart = Date.parse(session.scheduledStart);
      const scheduledEnd = Date.parse(session.scheduledEnd);
      const html = renderRunSheet({
        locale: (query.lang ?? org.locale) as Locale,
        timeZone: org.timezone,
        orgName: org.name,
        session: { title: session.title, scheduledStart, scheduledEnd, currency: session.currency },
        minutes: streamMinutes({ scheduledStart, scheduledEnd }),
        segments: sheet.segments,
        products,
      });
      reply.type('text/html; charset=utf-8').send(html);
    },
  });
}
