import { randomBytes } from 'node:crypto';

/** Custom slugs: URL-safe, 3–64 characters. */
export const SLUG_PATTERN = /^[A-Za-z0-9_-]{3,64}$/;

/** First path segments that belong to the product, never to a link (compared case-insensitively). */
export const RESERVED_SLUGS = new Set(['api', 'app', 'assets', 'health', 'favicon.ico', 'robots.txt', 'docs', 'static']);

export const isReservedSlug = (slug: string): boolean => RESERVED_SLUGS.has(slug.toLowerCase()) || slug.startsWith('@');

// No 0/O, 1/l/I: a generated slug survives being read aloud on a livestream or typed from a screen.
const SLUG_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const GENERATED_SLUG_LENGTH = 7;

/** A random slug from the unambiguous alphabet (56^7 ≈ 1.7·10^12 values); callers retry on collision. */
export function generateSlug(length = GENERATED_SLUG_LENGTH): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // 224 = 4 × 56: rejecting higher bytes keeps every character equally likely.
      if (byte < 224 && out.length < length) out += SLUG_ALPHABET[byte % 56];
    }
  }
  return out;
}

/** The tokens a destination may hold; each is replaced by a URL- and header-safe value at redirect time. */
export const DESTINATION_TOKENS = ['{click_id}', '{kos_code}', '{slug}'] as const;

export interface DestinationTokens {
  clickId: string;
  kosCode: string;
  slug: string;
}

/** Replaces `{click_id}`, `{kos_code}` and `{slug}` in a destination (values are URL-safe already). */
export function fillDestination(destination: string, tokens: DestinationTokens): string {
  if (!destination.includes('{')) return destination;
  return destination
    .replaceAll('{click_id}', tokens.clickId)
    .replaceAll('{kos_code}', tokens.kosCode)
    .replaceAll('{slug}', tokens.slug);
}

/** The label a bio page shows for a link: its title, else the product's name, else the destination's host. */
export function linkLabel(link: { title: string | null; destinationUrl: string }, productName: string | null): string {
  if (link.title) return link.title;
  if (productName) return productName;
  try {
    return new URL(link.destinationUrl.replaceAll(/[{}]/g, '')).host;
  } catch {
    return link.destinationUrl;
  }
}

/** Whether a link answers a redirect now (else 410). */
export const isLinkLive = (link: { disabled: boolean; expiresAt: number | null }, now: number): boolean =>
  !link.disabled && (link.expiresAt === null || link.expiresAt > now);
