import type { AppDeps } from '../../deps.js';
import { clientAddress } from '../../lib/client-address.js';
import type { Router } from '../../lib/http/route.js';
import { RateLimiter } from '../../lib/rate-limiter.js';
import { type Principal, systemPrincipal } from '../access/access.js';
import { getMemberOrThrow } from '../members/members.service.js';
import { HashBudget } from '../members/password.js';
import { getOrgOrThrow } from '../orgs/orgs.service.js';
import { SESSION_COOKIE } from './auth.js';
import { loginBody, meOut } from './auth.schema.js';
import * as service from './auth.service.js';
import { databaseWindows } from './login-attempts.repository.js';
import { LOGIN_LIMITS } from './login-guard.js';

export function registerAuthRoutes(router: Router<Principal>, { database, config }: AppDeps): void {
  const { db } = database;
  const tags = ['auth'];
  // Several processes on one database count attempts together; one process counts in memory.
  const windows = database.dialect.sharedByProcesses
    ? databaseWindows(db, LOGIN_LIMITS.windowMs)
    : new RateLimiter(Number.POSITIVE_INFINITY, LOGIN_LIMITS.windowMs);
  const budget = new HashBudget(config.loginHashRate);
  const secure = config.publicUrl.startsWith('https:');

  const me = async (auth: Principal) => ({
    kind: auth.memberId ? ('member' as const) : ('api_key' as const),
    role: auth.role,
    orgId: auth.orgId,
    unitId: auth.unitId,
    kosId: auth.kosId,
    apiKeyId: auth.apiKeyId,
    member: auth.memberId ? await getMemberOrThrow(db, systemPrincipal(auth.orgId), auth.memberId) : null,
    org: await getOrgOrThrow(db, auth.orgId),
  });

  router.route({
    method: 'POST',
    url: '/api/v1/auth/login',
    summary: 'Log in; sets the httpOnly session cookie',
    tags,
    auth: false,
    body: loginBody,
    response: meOut,
    description:
      `Failed sign-ins are limited per client address (${LOGIN_LIMITS.perAddress}), per e-mail and address (${LOGIN_LIMITS.perAccountAtAddress}) ` +
      `and per e-mail (${LOGIN_LIMITS.perAccount}) in 15 minutes, and password checks per second per server process; beyond either → 429. ` +
      'Successful sign-ins do not count. Wrong password and unknown e-mail answer alike.',
    handler: async ({ body, reply, request }) => {
      const address = clientAddress(request.headers['x-forwarded-for'], request.socket.remoteAddress, config.trustProxy);
      const { cookie, principal, expiresAt } = await service.login(db, body, config.secret, Date.now(), {
        windows,
        budget,
        address,
      });
      reply.setCookie(SESSION_COOKIE, cookie, {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: '/',
        expires: new Date(expiresAt),
      });
      return me(principal);
    },
  });
  router.route({
    method: 'POST',
    url: '/api/v1/auth/logout',
    summary: 'End the session',
    tags,
    auth: false,
    status: 204,
    response: null,
    handler: async ({ request, reply }) => {
      await service.logout(db, request.cookies[SESSION_COOKIE], config.secret);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    },
  });
  router.route({
    method: 'GET',
    url: '/api/v1/me',
    summary: 'The caller: member or API key, role, scope and org',
    tags,
    response: meOut,
    handler: ({ auth }) => me(auth),
  });
}
