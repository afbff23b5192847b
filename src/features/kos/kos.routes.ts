import type { AppDeps } from '../../deps.js';
import type { Router } from '../../lib/http/route.js';
import { pageQuery, pageSchema } from '../../lib/pagination.js';
import { idParams } from '../../lib/schemas.js';
import type { Principal } from '../access/access.js';
import { kosCreate, kosListQuery, kosOut, kosPatch, onboardingOut } from './kos.schema.js';
import * as service from './kos.service.js';

export function registerKosRoutes(router: Router<Principal>, { database, config }: AppDeps): void {
  const { db } = database;
  const { publicUrl } = config;
  const tags = ['kos'];
  router.route({
    method: 'GET',
    url: '/api/v1/kos',
    summary: 'List the KOS roster',
    tags,
    description: '`q` searches code, name and handle; `unitId` covers the unit subtree.',
    query: pageQuery.extend(kosListQuery.shape),
    response: pageSchema(kosOut),
    handler: ({ auth, query }) => service.listKos(db, auth, query),
  });
  router.route({
    method: 'POST',
    url: '/api/v1/kos',
    summary: 'Add a KOS',
    tags,
    status: 201,
    body: kosCreate,
    response: kosOut,
    handler: ({ auth, body }) => service.createKos(db, auth, body),
  });
  router.route({
    method: 'GET',
    url: '/api/v1/kos/:id',
    summary: 'Get a KOS',
    tags,
    params: idParams,
    response: kosOut,
    handler: ({ auth, params }) => service.getKosOut(db, auth, params.id),
  });
  router.route({
    method: 'PATCH',
    url: '/api/v1/kos/:id',
    summary: 'Change a KOS (a KOS member may change their own bio, avatar and contacts)',
    tags,
    params: idParams,
    body: kosPatch,
    response: kosOut,
    handler: ({ auth, params, body }) => service.patchKos(db, auth, params.id, body, Date.now(), publicUrl),
  });
  router.route({
    method: 'GET',
    url: '/api/v1/kos/:id/onboarding',
    summary: "A KOS's onboarding checklist (five steps; all done moves an onboarding KOS to active)",
    tags,
    params: idParams,
    response: onboardingOut,
    handler: ({ auth, params }) => service.getOnboarding(db, auth, params.id, publicUrl),
  });
}
