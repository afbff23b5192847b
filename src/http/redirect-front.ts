import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RedirectAnswer, Redirector, RedirectRequest } from '../features/links/redirect.js';
import { brokenLink, slugOf } from '../features/links/redirect.js';
import { clientAddress, type TrustProxy } from '../lib/client-address.js';
import { HTML_PAGE_HEADERS } from './security-headers.js';

/** The fields a redirect reads, from node's header object (the Fastify route's way; the front door reads the raw list). */
export function redirectRequest(req: IncomingMessage, trust: TrustProxy): RedirectRequest {
  return {
    method: req.method ?? 'GET',
    ip: clientAddress(req.headers['x-forwarded-for'], req.socket.remoteAddress, trust),
    userAgent: req.headers['user-agent'],
    referer: req.headers.referer,
    acceptLanguage: req.headers['accept-language'],
  };
}

/** True when a raw header name is `lower` in any case (header names are tokens: no character but A–Z changes). */
function isName(name: string, lower: string): boolean {
  for (let i = 0; i < lower.length; i++) {
    const c = name.charCodeAt(i);
    const l = lower.charCodeAt(i);
    if (c !== l && !(c >= 65 && c <= 90 && c + 32 === l)) return false;
  }
  return true;
}

const joined = (before: string | undefined, value: string) => (before === undefined ? value : `${before}, ${value}`);

/**
 * The same fields as `redirectRequest`, read in one pass over `req.rawHeaders` so that node never builds
 * the object of every header (docs/clicks.md "The serving thread's share"). Node's rules for repeats: the
 * first user-agent and referer count, repeated x-forwarded-for and accept-language are joined with ", "
 * (a test holds both readings equal).
 */
export function rawRedirectRequest(req: IncomingMessage, trust: TrustProxy): RedirectRequest {
  const raw = req.rawHeaders;
  let userAgent: string | undefined;
  let referer: string | undefined;
  let acceptLanguage: string | undefined;
  let forwardedFor: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    const value = raw[i + 1] as string;
    if (name.length === 10) {
      if (userAgent === undefined && isName(name, 'user-agent')) userAgent = value;
    } else if (name.length === 7) {
      if (referer === undefined && isName(name, 'referer')) referer = value;
    } else if (name.length === 15) {
      if (isName(name, 'x-forwarded-for')) forwardedFor = joined(forwardedFor, value);
      else if (isName(name, 'accept-language')) acceptLanguage = joined(acceptLanguage, value);
    }
  }
  return {
    method: req.method ?? 'GET',
    ip: clientAddress(forwardedFor, req.socket.remoteAddress, trust),
    userAgent,
    referer,
    acceptLanguage,
  };
}

/** Headers of the small HTML pages (404/410/500): the script-free page policy, never cached. */
const PAGE_HEADERS = { ...HTML_PAGE_HEADERS, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };

/** Writes a redirect answer on a bare node:http response. */
export function writeAnswer(res: ServerResponse, answer: RedirectAnswer, head: boolean): void {
  if (answer.status === 302) {
    // The flat [name, value, …] form: node writes it without walking an object's keys.
    res.writeHead(302, ['location', answer.location, 'cache-control', 'private, no-store', 'content-length', '0']);
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
      const answer = redirector.answer(slug, rawRedirectRequest(req, options.trustProxy));
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
