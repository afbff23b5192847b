import type { Db } from '../../db/database.js';

/** Sessions are members' (they end with a new password, a narrower role, or the member's removal). */
export async function insertSession(
  db: Db,
  row: { idHash: string; memberId: string; orgId: string; createdAt: number; expiresAt: number },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id_hash: row.idHash,
      member_id: row.memberId,
      org_id: row.orgId,
      created_at: row.createdAt,
      expires_at: row.expiresAt,
    })
    .execute();
}

/** The member behind a live session, or undefined. */
export const findSessionMember = (db: Db, idHash: string, now: number) =>
  db
    .selectFrom('sessions')
    .innerJoin('members', 'members.id', 'sessions.member_id')
    .selectAll('members')
    .where('sessions.id_hash', '=', idHash)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export async function deleteMemberSessions(db: Db, memberId: string): Promise<void> {
  await db.deleteFrom('sessions').where('member_id', '=', memberId).execute();
}

/** The member signing in with an e-mail (unique in the instance), with its password hash. */
export const findMemberForLogin = (db: Db, email: string) =>
  db.selectFrom('members').selectAll().where('email', '=', email).executeTakeFirst();
