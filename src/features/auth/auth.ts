import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { randomAlphanumeric } from '../../lib/ids.js';

export const ROLES = ['owner', 'admin', 'manager', 'kos', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: a member (session) or an API key, always inside one org. */
export interface Principal {
  orgId: string;
  role: Role;
  /** Managers and viewers with a unit see only its subtree; null = the whole org. */
  unitId: string | null;
  /** For role `kos`: the only KOS record the caller may see. */
  kosId: string | null;
  memberId: string | null;
  apiKeyId: string | null;
}

/** Roles ranked by power; a caller may grant only roles at or below its own. */
const RANK: Record<Role, number> = { owner: 4, admin: 3, manager: 2, viewer: 1, kos: 0 };
export const canGrant = (granter: Role, role: Role): boolean => granter === 'owner' || (granter === 'admin' && role !== 'owner');
export const roleRank = (role: Role): number => RANK[role];

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/** A new API key: shown once, stored only as its SHA-256. */
export function newApiKey(): { key: string; hash: string; prefix: string } {
  const key = `kos_${randomAlphanumeric(40)}`;
  return { key, hash: sha256(key), prefix: key.slice(0, 10) };
}

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
