import type { AppDeps } from '../../deps.js';
import type { Router } from '../../lib/http/route.js';
import type { Principal } from '../access/access.js';
import { orgOut, orgPatch } from './orgs.schema.js';
import * as service from './orgs.service.js';

export function registerOrgRoutes(router: Router<Principal>, { database, config }: AppDeps): void {
  const { db } = database;
  const tags = ['org'];
  router.route({
    method: 'GET',
    url: '/api/v1/org',
    summary: "The caller's organisation and its settings",
    tags,
    response: orgOut,
    handler: ({ auth }) => service.getOrgOrThrow(db, auth.orgId),
  });
  router.route({
    method: 'PATCH',
    url: '/api/v1/org',
    summary: 'Change organisation settings (owner, admin)',
    tags,
    body: orgPatch,
    response: orgOut,
    description: '`webhookSecret` is write-only: answers show only `webhookSecretSet`.',
    handler: ({ auth, body }) => service.patchOrg(db, auth, body, Date.now(), config.publicUrl),
  });
}
