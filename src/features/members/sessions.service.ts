import type { Db } from '../../db/database.js';
import * as repo from './sessions.repository.js';

/** A member's sign-in record: what login needs to check the password and open a session. */
export type LoginMember = NonNullable<Awaited<ReturnType<typeof repo.findMemberForLogin>>>;

/** The member an e-mail names, with its password hash (undefined when none). */
export function findMemberForLogin(db: Db, email: string): Promise<LoginMember | undefined> {
  return repo.findMemberForLogin(db, email);
}

/** Opens a session: only the SHA-256 of its token is stored. */
export async function startSession(
  db: Db,
  session: { idHash: string; memberId: string; orgId: string; createdAt: number; expiresAt: number },
): Promise<void> {
  await repo.insertSession(db, session);
}

export async function endSession(db: Db, idHash: string): Promise<void> {
  await repo.deleteSession(db, idHash);
}

/** The member behind a live session, or undefined (unknown or expired). */
export function sessionMember(db: Db, idHash: string, now: number): Promise<LoginMember | undefined> {
  return repo.findSessionMember(db, idHash, now);
}
