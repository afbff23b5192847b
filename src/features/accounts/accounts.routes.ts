import type { AppDeps } from '../../deps.js';
import type { Router } from '../../lib/http/route.js';
import { pageQuery, pageSchema } from '../../lib/pagination.js';
import { idParams } from '../../lib/schemas.js';
import type { Principal } from '../access/access.js';
import {
  accountCreate,
  accountOut,
  accountPatch,
  followerPointCreate,
  followerPointOut,
  matrixOut,
  matrixQuery,
} from './accounts.schema.js';
import * as service from './accounts.service.js';

export function registerAccountRoutes(router: Router<Principal>, { database, config }: AppDeps): void {
  const { db } = database;
  const ctx = { publicUrl: config.publicUrl };
  const tags = ['accounts'];
  router.route({
    method: 'GET',
    url: '/api/v1/kos/:id/accounts',
    summary: "A KOS's platform accounts",
    tags,
    params: idParams,
    query: pageQuery,
    response: pageSchema(accountOut),
    handler: ({ auth, params, query }) => service.listAccounts(db, auth, params.id, query, ctx),
  });
  router.route({
    method: 'POST',
    url: '/api/v1/kos/:id/accounts',
    summary: 'Add a platform account to a KOS',
    tags,
    status: 201,
    params: idParams,
    body: accountCreate,
    response: accountOut,
    handler: ({ auth, params, body }) => service.createAccount(db, auth, params.id, body, Date.now(), ctx),
  });
  router.route({
    method: 'GET',
    url: '/api/v1/accounts/:id',
    summary: 'Get a platform account with its brand-consistency audit',
    tags,
    params: idParams,
    response: accountOut,
    handler: ({ auth, params }) => service.getAccountOrThrow(db, auth, params.id, ctx),
  });
  router.route({
    method: 'PATCH',
    url: '/api/v1/accounts/:id',
    summary: 'Change a platform account (a new follower count is kept in its history)',
    description: 'A KOS member may change `displayName, bio, linkInBio, followers` of their own accounts.',
    tags,
    params: idParams,
    body: accountPatch,
    response: accountOut,
    handler: ({ auth, params, body }) => service.patchAccount(db, auth, params.id, body, Date.now(), ctx),
  });
  router.route({
    method: 'DELETE',
    url: '/api/v1/accounts/:id',
    summary: 'Remove a platform account',
    tags,
    status: 204,
    params: idParams,
    response: null,
    handler: ({ auth, params }) => service.deleteAccount(db, auth, params.id, Date.now(), ctx),
  });
  router.route({
    method: 'GET',
    url: '/api/v1/accounts/:id/follower-history',
    summary: 'Follower counts over time',
    tags,
    params: idParams,
    query: pageQuery,
    response: pageSchema(followerPointOut),
    handler: ({ auth, params, query }) => service.listFollowerHistory(db, auth, params.id, query),
  });
  router.route({
    method: 'POST',
    url: '/api/v1/accounts/:id/follower-history',
    summary: 'Record a follower count (recordedAt defaults to now and may not be later)',
    tags,
    status: 201,
    params: idParams,
    body: followerPointCreate,
    response: followerPointOut,
    handler: ({ auth, params, body }) => service.recordFollowerPoint(db, auth, params.id, body),
  });
  router.route({
    method: 'GET',
    url: '/api/v1/matrix',
    summary: 'The matrix view: accounts per platform, follower tiers, average audit score, accounts needing attention',
    tags: ['matrix'],
    query: matrixQuery,
    response: matrixOut,
    handler: ({ auth, query }) => service.matrixView(db, auth, query, ctx),
  });
}
