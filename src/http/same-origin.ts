import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../features/auth/auth.js';
import { problem } from '../lib/problems/problem.js';
import { sendProblem } from './error-handler.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The `scheme://host[:port]` of a URL text, or null. */
function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.origin === 'null' ? null : url.origin;
  } catch {
    return null;
  }
}

/**
 * Whether a request's `Origin` (or, without one, its `Referer`) names this server: the configured public
 * URL, or the host the browser addressed (the `Host` header, which a cross-site page cannot set).
 * Undefined when the request names no origin at all.
 */
export function sameOrigin(request: Pick<FastifyRequest, 'headers'>, publicUrl: string): boolean | undefined {
  const named = request.headers.origin ?? request.headers.referer;
  if (named === undefined) return undefined;
  const origin = originOf(named);
  if (!origin) return false;
  if (origin === originOf(publicUrl)) return true;
  const host = request.headers.host;
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}

/**
 * Cross-site request forgery guard (docs/security.md): an unsafe method (POST, PUT, PATCH, DELETE) under
 * `/api/` that a browser could send with the session cookie must come from our own pages — a same-origin
 * `Origin` (or `Referer`), else 403. Requests with a Bearer key carry no ambient credential and pass; so
 * does a request with neither cookie nor Origin (curl signing in). A cross-site Origin is refused even
 * without a cookie, which also stops login CSRF.
 */
export function registerSameOriginGuard(app: FastifyInstance, publicUrl: string): void {
  app.addHook('onRequest', async (request, reply) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
    if (/^Bearer\s/i.test(request.headers.authorization ?? '')) return;
    const same = sameOrigin(request, publicUrl);
    const hasCookie = (request.headers.cookie ?? '').includes(`${SESSION_COOKIE}=`);
    if (same === true || (same === undefined && !hasCookie)) return;
    return sendProblem(
      reply,
      'forbidden',
      same === false
        ? 'cross-site request refused: the Origin is not this server'
        : 'a request with the session cookie must carry an Origin or Referer header of this server',
      undefined,
      problem(same === false ? 'auth.origin.cross_site' : 'auth.origin.missing'),
    );
  });
}
