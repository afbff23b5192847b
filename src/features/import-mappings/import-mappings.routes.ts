import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import type { Router } from '../../lib/http/route.js';
import { pageQuery, pageSchema } from '../../lib/pagination.js';
import { idParams } from '../../lib/schemas.js';
import type { Principal } from '../access/access.js';
import { mappingCreate, mappingOut, mappingPatch, presetOut } from './import-mappings.schema.js';
import * as service from './import-mappings.service.js';

/** Saved column mappings (docs/import-mappings.md); the preview is served by imports (it reads files). */
export function registerImportMappingRoutes(router: Router<Principal>, { database }: AppDeps): void {
  const { db } = database;
  const tags = ['import-mappings'];
  router.route({
    method: 'GET',
    url: '/api/v1/import-mappings',
    summary: "The org's saved column mappings (staff)",
    tags,
    query: pageQuery,
    response: pageSchema(mappingOut),
    handler: ({ auth, query }) => service.listMappings(db, auth, query),
  });
  router.route({
    method: 'POST',
    url: '/api/v1/import-mappings',
    summary: 'Save a column mapping (owner, admin); its name becomes an import source',
    tags,
    status: 201,
    body: mappingCreate,
    response: mappingOut,
    handler: ({ auth, body }) => service.createMapping(db, auth, body),
  });
  router.route({
    method: 'GET',
    url: '/api/v1/import-mappings/presets',
    summary: 'Ready mappings (Douyin 精选联盟, Xiaohongshu) to start from',
    tags,
    response: z.array(presetOut),
    handler: async ({ auth }) => [...service.listPresets(auth)],
  });
  router.route({
    method: 'GET',
    url: '/api/v1/import-mappings/:id',
    summary: 'A saved column mapping',
    tags,
    params: idParams,
    response: mappingOut,
    handler: ({ auth, params }) => service.getMappingOrThrow(db, auth, params.id),
  });
  router.route({
    method: 'PATCH',
    url: '/api/v1/import-mappings/:id',
    summary: 'Change a mapping (owner, admin); its name is fixed once an import used it (409)',
    tags,
    params: idParams,
    body: mappingPatch,
    response: mappingOut,
    handler: ({ auth, params, body }) => service.patchMapping(db, auth, params.id, body),
  });
  router.route({
    method: 'DELETE',
    url: '/api/v1/import-mappings/:id',
    summary: 'Delete a mapping (owner, admin); lines it imported keep their source',
    tags,
    status: 204,
    params: idParams,
    response: null,
    handler: ({ auth, params }) => service.deleteMapping(db, auth, params.id),
  });
}
