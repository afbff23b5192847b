import type { AppDeps } from '../../deps.js';
import type { Router } from '../../lib/http/route.js';
import { idParams } from '../../lib/schemas.js';
import type { Principal } from '../access/access.js';
import { distribution, trend } from './tier-reports.js';
import {
  dateQuery,
  distributionOut,
  distributionQuery,
  recomputeBody,
  recomputeOut,
  scorecardOut,
  scorecardsOut,
  scorecardsQuery,
  tierHistoryOut,
  trendOut,
  trendQuery,
} from './tiers.schema.js';
import * as service from './tiers.service.js';

/** What runs a recompute off the serving event loop (src/background/). */
export interface TierRecomputer {
  recomputeTiers(principal: Principal, date: string | undefined): Promise<service.TierRecompute>;
}

export function registerTierRoutes(router: Router<Principal>, { database }: AppDeps, background: TierRecomputer): void {
  const { db } = database;
  const tags = ['tiers'];
  router.route({
    method: 'GET',
    url: '/api/v1/kos/:id/scorecard',
    summary: "A KOS's scorecard on a date: the KPIs of the 30 days before it, followers, tier and RPG",
    description:
      'W = the 30 days before `date` (default today, org time zone). `rpg` holds percentiles among the org’s active KOS (null outside them), `rpgValues` the raw values. A KOS member reads their own. docs/tiers.md.',
    tags,
    params: idParams,
    query: dateQuery,
    response: scorecardOut,
    handler: ({ auth, params, query }) => service.scorecard(db, auth, params.id, query.date),
  });
  router.route({
    method: 'GET',
    url: '/api/v1/kos/:id/scorecard/trend',
    summary: "Weekly points of a KOS's sales and RPG score",
    description: 'Each point: the week ending at `date` (exclusive) and the RPG score on that date. docs/tiers.md.',
    tags,
    params: idParams,
    query: trendQuery,
    response: trendOut,
    handler: ({ auth, params, query }) => trend(db, auth, params.id, query.weeks),
  });
  router.route({
    method: 'GET',
    url: '/api/v1/kos/:id/tier-history',
    summary: "A KOS's tier changes, oldest first",
    tags,
    params: idParams,
    response: tierHistoryOut,
    handler: ({ auth, params }) => service.tierHistory(db, auth, params.id),
  });
  router.route({
    method: 'GET',
    url: '/api/v1/scorecards',
    summary: 'Scorecards of every KOS the caller sees (staff), by code',
    tags,
    query: scorecardsQuery,
    response: scorecardsOut,
    handler: ({ auth, query }) => service.scorecards(db, auth, query),
  });
  router.route({
    method: 'GET',
    url: '/api/v1/tiers/distribution',
    summary: 'Active KOS by tier for each unit directly under `unitId` (or the top units), subtrees counted',
    tags,
    query: distributionQuery,
    response: distributionOut,
    handler: ({ auth, query }) => distribution(db, auth, query),
  });
  router.route({
    method: 'POST',
    url: '/api/v1/tiers/recompute',
    summary: 'Recompute the performance tiers now (owner, admin)',
    description: 'With `date` d (default today): net sales in the 30 days before d, cut-offs of the org. docs/tiers.md.',
    tags,
    body: recomputeBody,
    response: recomputeOut,
    handler: ({ auth, body }) => background.recomputeTiers(auth, body.date),
  });
}
