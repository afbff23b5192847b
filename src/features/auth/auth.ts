import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { sha256 } from '../../lib/hash.js';

/** A session cookie value `token.signature`; the token's SHA-256 is the stored session id. */
export function newSessionCookie(secret: string): { cookie: string; idHash: string } {
  const token = randomBytes(24).toString('base64url');
  return { cookie: `${token}.${sign(token, secret)}`, idHash: sha256(token) };
}

/** The stored session id of a cookie value, or null when its signature does not hold. */
export function sessionIdHash(cookie: string, secret: string): string | null {
  const [token, signature] = cookie.split('.');
  if (!token || !signature) return null;
  const expected = Buffer.from(sign(token, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return sha256(token);
}

const sign = (token: string, secret: string) => createHmac('sha256', secret).update(token).digest('base64url');

export const SESSION_COOKIE = 'kos_session';
export const SESSION_DAYS = 30;
