import type { AppDeps } from '../../deps.js';
import type { Router } from '../../lib/http/route.js';
import { pageQuery, pageSchema } from '../../lib/pagination.js';
import { idParams } from '../../lib/schemas.js';
import type { Principal } from '../access/access.js';
import { unitCreate, unitListQuery, unitOut, unitPatch } from './units.schema.js';
import * as service from './units.service.js';

export function registerUnitRoutes(router: Router<Principal>, { database }: AppDeps): void {
  const { db } = database;
  const tags = ['units'];
  router.route({
    method: 'GET',
    url: '/api/v1/units',
    summary: 'List organisation units',
    tags,
    query: pageQuery.extend(unitListQuery.shape),
    response: pageSchema(unitOut),
    handler: ({ auth, query }) => service.listUnits(db, auth, query),
  });
  router.route({
    method: 'POST',
    url: '/api/v1/units',
    summary: 'Create a unit',
    tags,
    status: 201,
    body: unitCreate,
    response: unitOut,
    handler: ({ auth, body }) => service.createUnit(db, auth, body),
  });
  router.route({
    method: 'GET',
    url: '/api/v1/units/:id',
    summary: 'Get a unit',
    tags,
    params: idParams,
    response: unitOut,
    handler: ({ auth, params }) => service.getUnitOrThrow(db, auth, params.id),
  });
  router.route({
    method: 'PATCH',
    url: '/api/v1/units/:id',
    summary: 'Rename or move a unit',
    tags,
    params: idParams,
    body: unitPatch,
    response: unitOut,
    handler: ({ auth, params, body }) => service.patchUnit(db, auth, params.id, body),
  });
  router.route({
    method: 'DELETE',
    url: '/api/v1/units/:id',
    summary: 'Delete an empty unit',
    tags,
    status: 204,
    params: idParams,
    response: null,
    handler: ({ auth, params }) => service.deleteUnit(db, auth, params.id),
  });
}
