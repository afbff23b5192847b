import { randomBytes } from 'node:crypto';
import { type Locale, pickLocale } from '../../lib/locale.js';
import { isHeaderSafe } from '../../lib/url.js';
import { linkFieldsJson } from '../clicks/click-log-format.js';
import type { ClickSink } from '../clicks/click-sink.js';
import type { LinkCache } from './link-cache.js';
import { linkErrorPage } from './link-pages.js';
import { fillDestination, isLinkLive, isReservedSlug, SLUG_PATTERN } from './links.js';
import type { LinkTarget } from './links.repository.js';

export interface RedirectRequest {
  method: string;
  ip: string;
  userAgent: string | undefined;
  referer: string | undefined;
  acceptLanguage: string | undefined;
}

export type RedirectAnswer = { status: 302; location: string } | { status: 404 | 410 | 500; html: string };

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
let pool = randomBytes(0);
let offset = 0;

/** A click id: 12 characters A–Z a–z 0–9 from a CSPRNG (pooled bytes, unbiased by rejection). */
export function newClickId(): string {
  let id = '';
  while (id.length < 12) {
    if (offset >= pool.length) {
      pool = randomBytes(8192);
      offset = 0;
    }
    const byte = pool[offset++] as number;
    if (byte < 248) id += ALPHABET[byte % 62];
  }
  return id;
}

/**
 * A cached link with what each of its redirects needs worked out once (docs/clicks.md "The serving
 * thread's share"): the destination with `{kos_code}` and `{slug}` filled and cut at each `{click_id}`
 * (null when it is not header-safe: such a link answers the broken-link page), and the link's fields of a
 * click record, serialised.
 */
export interface RedirectTarget extends LinkTarget {
  locationParts: string[] | null;
  linkJson: string;
}

export function prepareTarget(target: LinkTarget): RedirectTarget {
  // Filling `{click_id}` with itself keeps the token where fillDestination would put the id.
  const filled = fillDestination(target.destinationUrl, { clickId: '{click_id}', kosCode: target.kosCode, slug: target.slug });
  // Click ids are A–Z a–z 0–9, so the location is header-safe exactly when its fixed parts are.
  const locationParts = isHeaderSafe(filled) ? filled.split('{click_id}') : null;
  return { ...target, locationParts, linkJson: linkFieldsJson(target) };
}

/** The location of one redirect: the destination's parts joined by the click id. */
function locationOf(parts: string[], clickId: string): string {
  if (parts.length === 1) return parts[0] as string;
  if (parts.length === 2) return (parts[0] as string) + clickId + (parts[1] as string);
  return parts.join(clickId);
}

/** The 500 page of a link that cannot be followed; the process lives on. */
export const brokenLink = (request: Pick<RedirectRequest, 'acceptLanguage'>): RedirectAnswer => ({
  status: 500,
  html: linkErrorPage('broken', pickLocale(request.acceptLanguage)),
});

/** True when a request path could be a short link (`/slug`); anything else is the app's. */
export function slugOf(path: string): string | null {
  if (path.length < 4 || path.indexOf('/', 1) !== -1) return null;
  const slug = path.slice(1);
  return SLUG_PATTERN.test(slug) && !isReservedSlug(slug) ? slug : null;
}

/**
 * Answers `GET /{slug}`: on a cache hit synchronously, without awaiting the database; the click goes
 * to the batched writer. `HEAD` answers the same redirect without counting.
 */
export class Redirector {
  constructor(
    private readonly cache: LinkCache<RedirectTarget>,
    private readonly writer: ClickSink,
    private readonly now: () => number = Date.now,
  ) {}

  answer(slug: string, request: RedirectRequest): RedirectAnswer | Promise<RedirectAnswer> {
    const at = this.now();
    const target = this.cache.peek(slug, at);
    if (target === undefined) return this.cache.fetch(slug).then((loaded) => this.respond(loaded, request, this.now()));
    return this.respond(target, request, at);
  }

  private respond(target: RedirectTarget | null, request: RedirectRequest, at: number): RedirectAnswer | Promise<RedirectAnswer> {
    if (!target) return { status: 404, html: linkErrorPage('notFound', pickLocale(request.acceptLanguage)) };
    if (!isLinkLive(target, at)) {
      return { status: 410, html: linkErrorPage('gone', pickLocale(request.acceptLanguage, target.locale as Locale)) };
    }
    // Destinations are stored normalised (ASCII); a row that is not, answers a page and counts no click.
    if (target.locationParts === null) return brokenLink(request);
    const clickId = newClickId();
    const answer = { status: 302 as const, location: locationOf(target.locationParts, clickId) };
    if (request.method === 'HEAD') return answer;
    const full = this.writer.push({
      clickId,
      orgId: target.orgId,
      linkId: target.linkId,
      kosId: target.kosId,
      timezone: target.timezone,
      at,
      ip: request.ip,
      userAgent: request.userAgent,
      referer: request.referer,
      linkJson: target.linkJson,
    });
    return full ? full.then(() => answer) : answer;
  }
}
