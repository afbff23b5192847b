import type { AppDeps } from '../../deps.js';
import type { Router } from '../../lib/http/route.js';
import { pageQuery, pageSchema } from '../../lib/pagination.js';
import { idParams } from '../../lib/schemas.js';
import type { Principal } from '../access/access.js';
import { apiKeyCreate, apiKeyCreated, apiKeyOut } from './api-keys.schema.js';
import * as service from './api-keys.service.js';

export function registerApiKeyRoutes(router: Router<Principal>, { database }: AppDeps): void {
  const { db } = database;
  const tags = ['api-keys'];
  router.route({
    method: 'GET',
    url: '/api/v1/api-keys',
    summary: 'List API keys (never the keys themselves)',
    tags,
    query: pageQuery,
    response: pageSchema(apiKeyOut),
    handler: ({ auth, query }) => service.listApiKeys(db, auth, query),
  });
  router.route({
    method: 'POST',
    url: '/api/v1/api-keys',
    summary: 'Create an API key; `key` is shown only in this answer',
    tags,
    status: 201,
    body: apiKeyCreate,
    response: apiKeyCreated,
    handler: ({ auth, body }) => service.createApiKey(db, auth, body),
  });
  router.route({
    method: 'DELETE',
    url: '/api/v1/api-keys/:id',
    summary: 'Revoke an API key',
    tags,
    status: 204,
    params: idParams,
    response: null,
    handler: ({ auth, params }) => service.revokeApiKey(db, auth, params.id),
  });
}
