import { forbidden } from '../../lib/errors.js';
import { problem } from '../../lib/problems/problem.js';

/**
 * Who may do what (docs/decisions.md, "unit scope", "who changes what"): roles, the caller of a request,
 * and the scope rules every feature applies. Pure: no I/O, no other feature.
 */
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

/**
 * The system acting inside an org — the CLI, the demo loader, a public page reading a KOS, a payout close
 * reading tax profiles: owner rights, no unit scope, nobody as author.
 */
export const systemPrincipal = (orgId: string): Principal => ({
  orgId,
  role: 'owner',
  unitId: null,
  kosId: null,
  memberId: null,
  apiKeyId: null,
});

/** Roles ranked by power; a caller may grant only roles at or below its own. */
const RANK: Record<Role, number> = { owner: 4, admin: 3, manager: 2, viewer: 1, kos: 0 };
export const canGrant = (granter: Role, role: Role): boolean => granter === 'owner' || (granter === 'admin' && role !== 'owner');
export const roleRank = (role: Role): number => RANK[role];

export const ADMINS: readonly Role[] = ['owner', 'admin'];
export const EDITORS: readonly Role[] = ['owner', 'admin', 'manager'];
export const STAFF: readonly Role[] = ['owner', 'admin', 'manager', 'viewer'];

/** Throws 403 unless the caller has one of the roles. */
export function requireRole(principal: Principal, roles: readonly Role[]): void {
  if (!roles.includes(principal.role))
    throw forbidden(problem('access.role.denied', { role: principal.role }), `role ${principal.role} may not do this`);
}

/**
 * What part of the org a caller sees: everything, a unit subtree (managers and viewers with a
 * unit), or one KOS record (role `kos`).
 */
export type Scope = { kind: 'org' } | { kind: 'units'; unitIds: ReadonlySet<string> } | { kind: 'kos'; kosId: string | null };

export function unitInScope(scope: Scope, unitId: string | null): boolean {
  if (scope.kind === 'org') return true;
  if (scope.kind === 'kos') return false;
  return unitId !== null && scope.unitIds.has(unitId);
}

export function kosInScope(scope: Scope, kos: { id: string; unitId: string | null }): boolean {
  if (scope.kind === 'kos') return scope.kosId === kos.id;
  return unitInScope(scope, kos.unitId);
}

export function requireUnitInScope(scope: Scope, unitId: string | null): void {
  if (!unitInScope(scope, unitId)) throw forbidden(problem('access.unit.out_of_scope'), 'that unit is outside your scope');
}

export function requireKosInScope(scope: Scope, kos: { id: string; unitId: string | null }): void {
  if (!kosInScope(scope, kos)) throw forbidden(problem('access.kos.out_of_scope'), 'that KOS is outside your scope');
}
