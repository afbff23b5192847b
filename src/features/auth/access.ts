import { forbidden } from '../../lib/errors.js';
import type { Principal, Role } from './auth.js';

export const ADMINS: readonly Role[] = ['owner', 'admin'];
export const EDITORS: readonly Role[] = ['owner', 'admin', 'manager'];
export const STAFF: readonly Role[] = ['owner', 'admin', 'manager', 'viewer'];

/** Throws 403 unless the caller has one of the roles. */
export function requireRole(principal: Principal, roles: readonly Role[]): void {
  if (!roles.includes(principal.role)) throw forbidden(`role ${principal.role} may not do this`);
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
  if (!unitInScope(scope, unitId)) throw forbidden('that unit is outside your scope');
}

export function requireKosInScope(scope: Scope, kos: { id: string; unitId: string | null }): void {
  if (!kosInScope(scope, kos)) throw forbidden('that KOS is outside your scope');
}
