import type { AppDeps } from '../../deps.js';
import type { Router } from '../../lib/http/route.js';
import { pageQuery, pageSchema } from '../../lib/pagination.js';
import { idParams } from '../../lib/schemas.js';
import type { Principal } from '../access/access.js';
import { planCreate, planListQuery, planOut, planPatch } from './plans.schema.js';
import * as service from './plans.service.js';

export function registerPlanRoutes(router: Router<Principal>, { database }: AppDeps): void {
  const { db } = database;
  const tags = ['plans'];
  router.route({
    method: 'GET',
    url: '/api/v1/plans',
    summary: 'List commission plans (staff); `kosId` keeps those that cover that KOS',
    tags,
    query: pageQuery.extend(planListQuery.shape),
    response: pageSchema(planOut),
    handler: ({ auth, query }) => service.listPlans(db, auth, query),
  });
  router.route({
    method: 'POST',
    url: '/api/v1/plans',
    summary: 'Add a commission plan (owner, admin)',
    description: 'A plan overlapping another of equal specificity for the same KOS on overlapping dates answers 409 naming it.',
    tags,
    status: 201,
    body: planCreate,
    response: planOut,
    handler: ({ auth, body }) => service.createPlan(db, auth, body),
  });
  router.route({
    method: 'GET',
    url: '/api/v1/plans/:id',
    summary: 'Get a commission plan (staff)',
    tags,
    params: idParams,
    response: planOut,
    handler: ({ auth, params }) => service.getPlanOrThrow(db, auth, params.id),
  });
  router.route({
    method: 'PATCH',
    url: '/api/v1/plans/:id',
    summary: 'Change a commission plan (owner, admin)',
    tags,
    params: idParams,
    body: planPatch,
    response: planOut,
    handler: ({ auth, params, body }) => service.patchPlan(db, auth, params.id, body),
  });
}
