import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { DomainError } from '../../lib/errors.js';
import type { Router } from '../../lib/http/route.js';
import { RateLimiter } from '../../lib/rate-limiter.js';
import { email } from '../../lib/schemas.js';
import { memberOut } from '../members/members.schema.js';
import { getMemberOrThrow } from '../members/members.service.js';
import { orgOut } from '../orgs/orgs.schema.js';
import { getOrgOrThrow } from '../orgs/orgs.service.js';
import { type Principal, ROLES, SESSION_COOKIE } from './auth.js';
import * as service from './auth.service.js';

const meOut = z.object({
  kind: z.enum(['member', 'api_key']),
  role: z.enum(ROLES),
  orgId: z.string(),
  unitId: z.string().nullable(),
  kosId: z.string().nullable(),
  apiKeyId: z.string().nullable(),
  member: memberOut.nullable(),
  org: orgOut,
});

export function registerAuthRoutes(router: Router<Principal>, { database, config }: AppDeps): void {
  const { db } = database;
  const tags = ['auth'];
  const attempts = new RateLimiter(10, 15 * 60_000);
  const secure = config.publicUrl.startsWith('https:');

  const me = async (auth: Principal) => ({
    kind: auth.memberId ? ('member' as const) : ('api_key' as const),
    role: auth.role,
    orgId: auth.orgId,
    unitId: auth.unitId,
    kosId: auth.kosId,
    apiKeyId: auth.apiKeyId,
    member: auth.memberId ? await getMemberOrThrow(db, { ...auth, role: 'owner' }, auth.memberId) : null,
    org: await getOrgOrThrow(db, auth.orgId),
  });

  router.route({
    method: 'POST',
    url: '/api/v1/auth/login',
    summary: 'Log in; sets the httpOnly session cookie',
    tags,
    auth: false,
    body: z.object({ email, password: z.string().min(1).max(200) }),
    response: meOut,
    description: 'At most 10 attempts per e-mail in 15 minutes (then 429). Wrong password and unknown e-mail answer alike.',
    handler: async ({ body, reply }) => {
      if (!attempts.take(body.email)) throw new DomainError('rate_limited', 'too many login attempts; try again in 15 minutes');
      const { cookie, principal, expiresAt } = await service.login(db, body, config.secret, Date.now());
      attempts.reset(body.email);
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
