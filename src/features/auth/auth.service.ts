import type { Db } from '../../db/database.js';
import { DomainError } from '../../lib/errors.js';
import { sha256 } from '../../lib/hash.js';
import { type Problem, problem } from '../../lib/problems/problem.js';
import type { AttemptWindows } from '../../lib/rate-limiter.js';
import { DAY_MS } from '../../lib/time.js';
import type { Principal, Role } from '../access/access.js';
import { findApiKeyByHash } from '../api-keys/api-keys.service.js';
import { type HashBudget, verifyPassword } from '../members/password.js';
import { endSession, findMemberForLogin, sessionMember, startSession } from '../members/sessions.service.js';
import { newSessionCookie, SESSION_DAYS, sessionIdHash } from './auth.js';
import { admitLogin } from './login-guard.js';

const unauthorized = (keyed: Problem, detail: string) => new DomainError('unauthorized', keyed, detail);

/**
 * Checks e-mail and password; wrong password and unknown e-mail fail alike. Attempts are counted per
 * client address and e-mail first (429 beyond the limits, without hashing: see login-guard.ts).
 */
export async function login(
  db: Db,
  input: { email: string; password: string },
  secret: string,
  now: number,
  guard: { windows: AttemptWindows; budget: HashBudget; address: string },
): Promise<{ cookie: string; principal: Principal; expiresAt: number }> {
  const email = input.email.trim().toLowerCase();
  const attempt = await admitLogin(guard.windows, email, guard.address);
  const member = await findMemberForLogin(db, email);
  const valid = (await verifyPassword(input.password, member?.password_hash ?? null, guard.budget)) && member !== undefined;
  await attempt.settle(valid);
  if (!valid || !member) throw unauthorized(problem('auth.credentials.wrong'), 'wrong e-mail or password');
  const { cookie, idHash } = newSessionCookie(secret);
  const expiresAt = now + SESSION_DAYS * DAY_MS;
  await startSession(db, { idHash, memberId: member.id, orgId: member.org_id, createdAt: now, expiresAt });
  return { cookie, principal: memberPrincipal(member), expiresAt };
}

export async function logout(db: Db, cookie: string | undefined, secret: string): Promise<void> {
  const idHash = cookie ? sessionIdHash(cookie, secret) : null;
  if (idHash) await endSession(db, idHash);
}

/** Resolves the caller from `Authorization: Bearer <key>` or the session cookie; 401 otherwise. */
export async function authenticate(
  db: Db,
  secret: string,
  credentials: { authorization?: string; cookie?: string },
  now: number,
): Promise<Principal> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(credentials.authorization ?? '')?.[1];
  if (bearer) {
    const key = await findApiKeyByHash(db, sha256(bearer));
    if (!key) throw unauthorized(problem('auth.api_key.invalid'), 'invalid API key');
    return {
      orgId: key.org_id,
      role: key.role as Role,
      unitId: key.unit_id,
      kosId: null,
      memberId: null,
      apiKeyId: key.id,
    };
  }
  if (credentials.authorization)
    throw unauthorized(problem('auth.authorization.malformed'), 'Authorization must be "Bearer <apiKey>"');
  const idHash = credentials.cookie ? sessionIdHash(credentials.cookie, secret) : null;
  const member = idHash ? await sessionMember(db, idHash, now) : undefined;
  if (!member) throw unauthorized(problem('auth.credentials.missing'), 'missing or invalid credentials');
  return memberPrincipal(member);
}

function memberPrincipal(member: {
  id: string;
  org_id: string;
  role: string;
  unit_id: string | null;
  kos_id: string | null;
}): Principal {
  return {
    orgId: member.org_id,
    role: member.role as Role,
    unitId: member.unit_id,
    kosId: member.kos_id,
    memberId: member.id,
    apiKeyId: null,
  };
}
