import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RedirectAnswer, Redirector, RedirectRequest } from '../features/links/redirect.js';
import { slugOf } from '../features/links/redirect.js';

/** The client address: the first X-Forwarded-For hop when a proxy set one, else the socket's. */
export function clientIp(forwardedFor: string | string[] | undefined, socketAddress: string | undefined): string {
  const header = Array.isArray(forwardedFor) ? forwardedFor[0] : forwardedFor;
  const first = header?.split(',')[0]?.trim();
  return first || socketAddress || '';
}

export function redirectRequest(req: IncomingMessage): RedirectRequest {
  return {
    method: req.method ?? 'GET',
    ip: clientIp(req.headers['x-forwarded-for'], req.socket.remoteAddress),
    userAgent: req.headers['user-agent'],
    referer: req.headers.referer,
    acceptLanguage: req.headers['accept-language'],
  };
}

/** Writes a redirect answer on a bare node:http response. */
export function writeAnswer(res: ServerResponse, answer: RedirectAnswer, head: boolean): void {
  if (answer.status === 302) {
    res.writeHead(302, { location: answer.location, 'cache-control': 'private, no-store', 'content-length': '0' });
    res.end();
    return;
  }
  const body = Buffer.from(answer.html);
  res.writeHead(answer.status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': String(body.length),
  });
  res.end(head ? undefined : body);
}

/**
 * The lean front door: `GET`/`HEAD /{slug}` is answered here, straight from node:http, without
 * Fastify's routing; every other request goes to `next` (Fastify). Same core as the Fastify route.
 */
export function redirectFront(redirector: Redirector, next: (req: IncomingMessage, res: ServerResponse) => void) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const method = req.method;
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const slug = method === 'GET' || method === 'HEAD' ? slugOf(query === -1 ? url : url.slice(0, query)) : null;
    if (!slug) {
      next(req, res);
      return;
    }
    const head = method === 'HEAD';
    const answer = redirector.answer(slug, redirectRequest(req));
    if (!(answer instanceof Promise)) {
      writeAnswer(res, answer, head);
      return;
    }
    answer.then(
      (a) => writeAnswer(res, a, head),
      () => {
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '1' });
        res.end('temporarily unavailable');
      },
    );
  };
}
