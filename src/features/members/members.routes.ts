import type { AppDeps } from '../../deps.js';
import type { Router } from '../../lib/http/route.js';
import { pageQuery, pageSchema } from '../../lib/pagination.js';
import { idParams } from '../../lib/schemas.js';
import type { Principal } from '../access/access.js';
import { memberCreate, memberOut, memberPatch } from './members.schema.js';
import * as service from './members.service.js';

export function registerMemberRoutes(router: Router<Principal>, { database }: AppDeps): void {
  const { db } = database;
  const tags = ['members'];
  router.route({
    method: 'GET',
    url: '/api/v1/members',
    summary: 'List members',
    tags,
    query: pageQuery,
    response: pageSchema(memberOut),
    handler: ({ auth, query }) => service.listMembers(db, auth, query),
  });
  router.route({
    method: 'POST',
    url: '/api/v1/members',
    summary: 'Add a member',
    tags,
    status: 201,
    body: memberCreate,
    response: memberOut,
    handler: ({ auth, body }) => service.createMember(db, auth, body),
  });
  router.route({
    method: 'GET',
    url: '/api/v1/members/:id',
    summary: 'Get a member',
    tags,
    params: idParams,
    response: memberOut,
    handler: ({ auth, params }) => service.getMemberOrThrow(db, auth, params.id),
  });
  router.route({
    method: 'PATCH',
    url: '/api/v1/members/:id',
    summary: 'Change a member',
    tags,
    params: idParams,
    body: memberPatch,
    response: memberOut,
    handler: ({ auth, params, body }) => service.patchMember(db, auth, params.id, body),
  });
  router.route({
    method: 'DELETE',
    url: '/api/v1/members/:id',
    summary: 'Remove a member',
    tags,
    status: 204,
    params: idParams,
    response: null,
    handler: ({ auth, params }) => service.deleteMember(db, auth, params.id),
  });
}
