import { type Db, withTransaction } from '../../db/database.js';
import { lockRows } from '../../db/locks.js';
import { conflict, forbidden, invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { cursorAfter, type Page, type PageQuery, toPage } from '../../lib/pagination.js';
import { problem } from '../../lib/problems/problem.js';
import { ADMINS, canGrant, type Principal, type Role, requireRole } from '../access/access.js';
import { requireKosExists } from '../kos/kos.service.js';
import { requireUnitExists } from '../units/units.service.js';
import * as repo from './members.repository.js';
import type { Member, MemberCreate, MemberPatch } from './members.schema.js';
import { hashPassword } from './password.js';
import { deleteMemberSessions } from './sessions.repository.js';

export async function listMembers(db: Db, principal: Principal, query: PageQuery): Promise<Page<Member>> {
  requireRole(principal, ADMINS);
  return toPage(await repo.listMembers(db, principal.orgId, cursorAfter(query.cursor), query.limit + 1), query.limit);
}

export async function getMemberOrThrow(db: Db, principal: Principal, id: string): Promise<Member> {
  requireRole(principal, ADMINS);
  const member = await repo.findMember(db, principal.orgId, id);
  if (!member) throw notFound('member');
  return member;
}

/** Creates a member. Used by the API (with a principal) and by org creation (owner bootstrap). */
export async function createMember(db: Db, principal: Principal, input: MemberCreate, now = Date.now()): Promise<Member> {
  requireRole(principal, ADMINS);
  if (!canGrant(principal.role, input.role))
    throw forbidden(
      problem('member.role.grant_denied', { role: principal.role, grant: input.role }),
      `role ${principal.role} may not grant ${input.role}`,
    );
  const unitId = input.unitId ?? null;
  const kosId = input.kosId ?? null;
  await checkLinks(db, principal.orgId, input.role, unitId, kosId);
  if (await repo.emailTaken(db, input.email))
    throw conflict(problem('member.email.taken'), 'a member with this e-mail already exists', 'email');
  const id = newId();
  await repo.insertMember(
    db,
    principal.orgId,
    {
      id,
      email: input.email,
      name: input.name ?? input.email.split('@')[0] ?? input.email,
      passwordHash: input.password ? await hashPassword(input.password) : null,
      role: input.role,
      unitId,
      kosId,
    },
    now,
  );
  return (await repo.findMember(db, principal.orgId, id)) as Member;
}

export async function patchMember(
  db: Db,
  principal: Principal,
  id: string,
  patch: MemberPatch,
  now = Date.now(),
): Promise<Member> {
  const member = await getMemberOrThrow(db, principal, id);
  const role = patch.role ?? member.role;
  if (!canGrant(principal.role, member.role) || !canGrant(principal.role, role)) {
    throw forbidden(
      problem('member.role.change_denied', { role: principal.role, from: member.role, to: role }),
      `role ${principal.role} may not change an ${member.role} into ${role}`,
    );
  }
  // A new role that cannot carry the old unit or KOS link drops it, unless the request sets one.
  const unitId = patch.unitId !== undefined ? patch.unitId : role === 'manager' || role === 'viewer' ? member.unitId : null;
  const kosId = patch.kosId !== undefined ? patch.kosId : role === 'kos' ? member.kosId : null;
  await checkLinks(db, principal.orgId, role, unitId, kosId);
  // Hashed before the transaction: a write transaction never waits on the thread pool.
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  await withTransaction(db, async (trx) => {
    if (member.role === 'owner' && role !== 'owner') await requireAnotherOwner(trx, principal.orgId, id);
    await repo.updateMember(
      trx,
      principal.orgId,
      id,
      {
        name: patch.name,
        role,
        unitId,
        kosId,
        ...(passwordHash ? { passwordHash } : {}),
      },
      now,
    );
    // A new password or a narrower role ends every open session of that member.
    if (patch.password || role !== member.role) await deleteMemberSessions(trx, id);
  });
  return (await repo.findMember(db, principal.orgId, id)) as Member;
}

export async function deleteMember(db: Db, principal: Principal, id: string): Promise<void> {
  const member = await getMemberOrThrow(db, principal, id);
  if (!canGrant(principal.role, member.role))
    throw forbidden(
      problem('member.remove_denied', { role: principal.role, target: member.role }),
      `role ${principal.role} may not remove an ${member.role}`,
    );
  await withTransaction(db, async (trx) => {
    if (member.role === 'owner') await requireAnotherOwner(trx, principal.orgId, id);
    await repo.deleteMember(trx, principal.orgId, id);
  });
}

/** 409 unless an owner other than `memberId` remains; call inside the transaction that changes it. */
async function requireAnotherOwner(trx: Db, orgId: string, memberId: string): Promise<void> {
  // Serialises changes to the org's owners: two concurrent demotions cannot both see another owner.
  await lockRows(trx, 'orgs', [orgId]);
  if ((await repo.countOtherOwners(trx, orgId, memberId)) < 1)
    throw conflict(problem('member.owner.last'), 'an organisation keeps at least one owner');
}

async function checkLinks(db: Db, orgId: string, role: Role, unitId: string | null, kosId: string | null): Promise<void> {
  if (role === 'kos' && !kosId) throw invalid('kosId', problem('member.kos_id.required'), 'is required for role kos');
  if (role !== 'kos' && kosId)
    throw invalid('kosId', problem('member.kos_id.not_allowed'), 'only a member with role kos is linked to a KOS');
  if (unitId && role !== 'manager' && role !== 'viewer')
    throw invalid('unitId', problem('member.unit_id.not_allowed'), 'only managers and viewers are limited to a unit');
  if (unitId) await requireUnitExists(db, orgId, unitId);
  if (kosId) await requireKosExists(db, orgId, kosId);
}
