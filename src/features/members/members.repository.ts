import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { MembersTable } from '../../db/schema.js';
import { toIso } from '../../lib/schemas.js';
import type { Role } from '../access/access.js';
import type { Member } from './members.schema.js';
import { deleteMemberSessions } from './sessions.repository.js';

const toMember = (row: Selectable<MembersTable>): Member => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role as Role,
  unitId: row.unit_id,
  kosId: row.kos_id,
  hasPassword: row.password_hash !== null,
  createdAt: toIso(row.created_at),
  updatedAt: toIso(row.updated_at),
});

export async function listMembers(db: Db, orgId: string, after: string | undefined, limit: number): Promise<Member[]> {
  let query = db.selectFrom('members').selectAll().where('org_id', '=', orgId);
  if (after) query = query.where('id', '>', after);
  return (await query.orderBy('id').limit(limit).execute()).map(toMember);
}

export async function findMember(db: Db, orgId: string, id: string): Promise<Member | undefined> {
  const row = await db.selectFrom('members').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return row && toMember(row);
}

export async function emailTaken(db: Db, email: string): Promise<boolean> {
  return (await db.selectFrom('members').select('id').where('email', '=', email).executeTakeFirst()) !== undefined;
}

/** Owners of the org other than `exceptId`. */
export async function countOtherOwners(db: Db, orgId: string, exceptId: string): Promise<number> {
  const row = await db
    .selectFrom('members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('role', '=', 'owner')
    .where('id', '<>', exceptId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface MemberRow {
  id: string;
  email: string;
  name: string;
  passwordHash: string | null;
  role: Role;
  unitId: string | null;
  kosId: string | null;
}

export async function insertMember(db: Db, orgId: string, m: MemberRow, now: number): Promise<void> {
  await db
    .insertInto('members')
    .values({
      id: m.id,
      org_id: orgId,
      email: m.email,
      name: m.name,
      password_hash: m.passwordHash,
      role: m.role,
      unit_id: m.unitId,
      kos_id: m.kosId,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function updateMember(
  db: Db,
  orgId: string,
  id: string,
  m: Partial<Omit<MemberRow, 'id' | 'email'>>,
  now: number,
): Promise<void> {
  await db
    .updateTable('members')
    .set({
      ...(m.name !== undefined ? { name: m.name } : {}),
      ...(m.passwordHash !== undefined ? { password_hash: m.passwordHash } : {}),
      ...(m.role !== undefined ? { role: m.role } : {}),
      ...(m.unitId !== undefined ? { unit_id: m.unitId } : {}),
      ...(m.kosId !== undefined ? { kos_id: m.kosId } : {}),
      updated_at: now,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function deleteMember(db: Db, orgId: string, id: string): Promise<void> {
  await deleteMemberSessions(db, id);
  await db.deleteFrom('members').where('org_id', '=', orgId).where('id', '=', id).execute();
}
