import type { FastifyInstance } from 'fastify';

/** The kinds of response that need different policies; chosen by path, then by content type. */
export type ResponseKind = 'api' | 'console' | 'docs' | 'bio' | 'html';

type HeaderSet = Readonly<Record<string, string>>;

/** Every response: no MIME sniffing, and no framing (XFO for browsers older than `frame-ancestors`). */
const COMMON = { 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY' } as const;
/** Pages link out to shops and platforms: those see our origin, never the path (which may hold ids). */
const PAGE_REFERRER = { 'referrer-policy': 'strict-origin-when-cross-origin' } as const;

const csp = (...directives: string[]): string => directives.join('; ');

const SCRIPT_FREE_PAGE: HeaderSet = Object.freeze({
  ...COMMON,
  ...PAGE_REFERRER,
  'content-security-policy': csp(
    "default-src 'none'",
    "img-src 'self' https: data:",
    "style-src 'unsafe-inline'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ),
});

/** Per kind, the whole header set. Each CSP allows only what that page is known to load. */
export const SECURITY_HEADERS: Readonly<Record<ResponseKind, HeaderSet>> = Object.freeze({
  // JSON, CSV, images and problem documents: nothing in them may run or load anything.
  api: Object.freeze({
    ...COMMON,
    'referrer-policy': 'no-referrer',
    'content-security-policy': csp("default-src 'none'", "frame-ancestors 'none'"),
  }),
  // The Vite-built React console: its own module scripts and CSS only (web/dist/index.html has no inline
  // script). Inline styles stay allowed: without them Chromium blocks the styles the console and ECharts
  // apply inline (checked in test/browser/console.test.ts). https: images are KOS avatars.
  console: Object.freeze({
    ...COMMON,
    ...PAGE_REFERRER,
    'content-security-policy': csp(
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: https:",
      // Video lessons of training courses (docs/training.md) are files on the org's https CDN.
      "media-src 'self' https:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ),
  }),
  // Swagger UI: the bundle and its start script are files served from /api/docs/ (no inline script); it
  // fetches /api/openapi.json and, with "Try it out", the API; its CSS embeds data: icons; React sets
  // inline styles through the DOM, which style-src does not restrict, so no 'unsafe-inline' is needed.
  docs: Object.freeze({
    ...COMMON,
    ...PAGE_REFERRER,
    'content-security-policy': csp(
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ),
  }),
  // Bio pages and other server-rendered HTML (the 404 page, link error pages, printable statements,
  // forms) run no JavaScript: inline <style> blocks (and a style attribute on the 404) and images such as
  // a KOS's avatar, an https URL of their choosing.
  bio: SCRIPT_FREE_PAGE,
  html: SCRIPT_FREE_PAGE,
});

/**
 * The headers for a plain, script-free HTML page answered outside Fastify, such as the short-link front
 * door's 404/410 pages: spread them into `writeHead`. (A 302 needs none.)
 */
export const HTML_PAGE_HEADERS: HeaderSet = SECURITY_HEADERS.html;

const under = (path: string, prefix: string): boolean => path === prefix || path.startsWith(`${prefix}/`);

/** Which policy a response gets, from its path (without the query) and its content type. */
export function responseKind(path: string, contentType: string | undefined): ResponseKind {
  if (under(path, '/app')) return 'console';
  if (path.startsWith('/@')) return 'bio';
  if (under(path, '/api/docs')) return 'docs';
  if (contentType?.startsWith('text/html')) return 'html';
  return 'api';
}

/**
 * Adds the security headers to every response Fastify sends, errors and 404s included. An `onSend`
 * hook, so the content type is known; a header a route set itself is kept. Register it before any
 * route or encapsulated plugin, so every context inherits it.
 */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const query = request.url.indexOf('?');
    const path = query === -1 ? request.url : request.url.slice(0, query);
    const contentType = reply.getHeader('content-type');
    const headers = SECURITY_HEADERS[responseKind(path, typeof contentType === 'string' ? contentType : undefined)];
    for (const [name, value] of Object.entries(headers)) if (!reply.hasHeader(name)) reply.header(name, value);
    return payload;
  });
}
