import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RedirectAnswer, Redirector, RedirectRequest } from '../features/links/redirect.js';
import { brokenLink, slugOf } from '../features/links/redirect.js';
import { clientAddress, type TrustProxy } from '../lib/client-address.js';
import { HTML_PAGE_HEADERS } from './security-headers.js';

export function redirectRequest(req: IncomingMessage, trust: TrustProxy): RedirectRequest {
  return {
    method: req.method ?? 'GET',
    ip: clientAddress(req.headers['x-forwarded-for'], req.socket.remoteAddress, trust),
    userAgent: req.headers['user-agent'],
    referer: req.headers.referer,
    acceptLanguage: req.headers['accept-language'],
  };
}

/** Headers of the small HTML pages (404/410/500): the script-free page policy, never cached. */
const PAGE_HEADERS = { ...HTML_PAGE_HEADERS, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };

/** Writes a redirect answer on a bare node:http response. */
export function writeAnswer(res: ServerResponse, answer: RedirectAnswer, head: boolean): void {
  if (answer.status === 302) {
    res.writeHead(302, { location: answer.location, 'cache-control': 'private, no-store', 'content-length': '0' });
    res.end();
    return;
  }
  const body = Buffer.from(answer.html);
  res.writeHead(answer.status, { ...PAGE_HEADERS, 'content-length': String(body.length) });
  res.end(head ? undefined : body);
}

/**
 * The lean front door: `GET`/`HEAD /{slug}` is answered here, straight from node:http, without
 * Fastify's routing; every other request goes to `next` (Fastify). Same core as the Fastify route.
 * Whatever goes wrong while answering becomes a 500 page: the process, and the clicks it has queued,
 * live on.
 */
export function redirectFront(
  redirector: Redirector,
  next: (req: IncomingMessage, res: ServerResponse) => void,
  options: { trustProxy: TrustProxy; onError(error: unknown): void },
) {
  const fail = (req: IncomingMessage, res: ServerResponse, error: unknown) => {
    options.onError(error);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    try {
      writeAnswer(res, brokenLink({ acceptLanguage: req.headers['accept-language'] }), req.method === 'HEAD');
    } catch {
      res.destroy();
    }
  };
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
    try {
      const answer = redirector.answer(slug, redirectRequest(req, options.trustProxy));
      if (!(answer instanceof Promise)) {
        writeAnswer(res, answer, head);
        return;
      }
      answer.then(
        (a) => {
          try {
            writeAnswer(res, a, head);
          } catch (error) {
            fail(req, res, error);
          }
        },
        () => {
          res.writeHead(503, { ...HTML_PAGE_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'retry-after': '1' });
          res.end('temporarily unavailable');
        },
      );
    } catch (error) {
      fail(req, res, error);
    }
  };
}
