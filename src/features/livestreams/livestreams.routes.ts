import type { AppDeps } from '../../deps.js';
import type { Router } from '../../lib/http/route.js';
import { pageQuery, pageSchema } from '../../lib/pagination.js';
import { idParams } from '../../lib/schemas.js';
import type { Principal } from '../access/access.js';
import {
  livestreamCreate,
  livestreamListQuery,
  livestreamMetricsOut,
  livestreamOut,
  livestreamPatch,
} from './livestreams.schema.js';
import * as service from './livestreams.service.js';

export function registerLivestreamRoutes(router: Router<Principal>, { database }: AppDeps): void {
  const { db } = database;
  const tags = ['livestreams'];
  router.route({
    method: 'GET',
    url: '/api/v1/livestreams',
    summary: 'List livestream sessions',
    description:
      '`from`/`to` bound `scheduledStart` as `[from, to)`; a date `YYYY-MM-DD` means the start of that day in the org time zone.',
    tags,
    query: pageQuery.extend(livestreamListQuery.shape),
    response: pageSchema(livestreamOut),
    handler: ({ auth, query }) => service.listLivestreams(db, auth, query),
  });
  router.route({
    method: 'POST',
    url: '/api/v1/livestreams',
    summary: 'Schedule or record a livestream session',
    description:
      'Times may lie in the past (sessions are often recorded after the fact). `status` defaults to `scheduled`, missing `stats` keys to 0.',
    tags,
    status: 201,
    body: livestreamCreate,
    response: livestreamOut,
    handler: ({ auth, body }) => service.createLivestream(db, auth, body),
  });
  router.route({
    method: 'GET',
    url: '/api/v1/livestreams/:id',
    summary: 'Get a livestream session',
    tags,
    params: idParams,
    response: livestreamOut,
    handler: ({ auth, params }) => service.getLivestreamOrThrow(db, auth, params.id),
  });
  router.route({
    method: 'PATCH',
    url: '/api/v1/livestreams/:id',
    summary: 'Change a session, record its stats, or move its status',
    description:
      'Status moves scheduled → live | ended | cancelled, live → ended | cancelled; ended and cancelled are final (422 at `status`). ' +
      'Going live sets a missing `actualStart` to now; ending a live session sets a missing `actualEnd` to now. ' +
      '`stats` keys not sent keep their values; `productIds` and `flashOffers` replace the lists.',
    tags,
    params: idParams,
    body: livestreamPatch,
    response: livestreamOut,
    handler: ({ auth, params, body }) => service.patchLivestream(db, auth, params.id, body),
  });
  router.route({
    method: 'GET',
    url: '/api/v1/livestreams/:id/metrics',
    summary: 'Funnel metrics of a session (GPM, CTR, CTOR, add-to-cart and response rates)',
    tags,
    params: idParams,
    response: livestreamMetricsOut,
    handler: ({ auth, params }) => service.getLivestreamMetrics(db, auth, params.id),
  });
}
