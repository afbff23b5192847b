import { describe, expect, test } from 'vitest';
import { ADMINS, EDITORS, ROLES, type Role, STAFF } from '../../src/features/access/access.js';
import { webModule } from './web-module.js';

/** useCan's table (web/src/access/can.ts) against the server's own role groups. */
type Caller = { role: Role; unitId: string | null; kosId: string | null };
const access = await webModule<{
  ACTIONS: string[];
  canDo(caller: Caller, action: string, subject?: { unitId?: string | null; role?: Role }): boolean;
}>('access/can.ts');

describe('useCan mirrors the server’s role rules', () => {
  const caller = (role: Role, unitId: string | null = null): Caller => ({ role, unitId, kosId: role === 'kos' ? 'k1' : null });
  const allowed = (action: string) => ROLES.filter((r) => access.canDo(caller(r), action));
  const EVERYONE = [...ROLES];
  // Each action with the server's group that decides it (access.ts and the features' requireRole calls).
  const SERVER_RULE: Record<string, readonly Role[]> = {
    'dashboard.view': STAFF,
    'kos.view': STAFF,
    'links.view': STAFF,
    'lines.view': STAFF,
    'livestreams.view': STAFF,
    'livestreams.read': EVERYONE,
    'ledger.view': STAFF,
    'payouts.view': STAFF,
    'settings.view': STAFF,
    'plans.view': STAFF,
    'units.view': STAFF,
    'advisor.view': STAFF,
    'matrix.view': STAFF,
    'products.view': EVERYONE,
    'recruitment.view': STAFF,
    'tiers.view': STAFF,
    'tiers.recompute': ADMINS,
    'training.view': STAFF,
    'contests.view': STAFF,
    'contests.read': EVERYONE,
    'me.view': ['kos'],
    'kos.create': EDITORS,
    'kos.edit': EDITORS,
    'kos.editOwnProfile': ['kos'],
    'accounts.edit': EDITORS,
    'links.create': EDITORS,
    'links.edit': EDITORS,
    'lines.assign': EDITORS,
    'livestreams.create': EDITORS,
    'livestreams.edit': EDITORS,
    'recruitment.edit': EDITORS,
    'units.create': EDITORS,
    'units.edit': EDITORS,
    'units.delete': EDITORS,
    'products.edit': ADMINS,
    'plans.edit': ADMINS,
    'imports.view': ADMINS,
    'imports.create': ADMINS,
    'ledger.book': ADMINS,
    'payouts.close': ADMINS,
    'payouts.approve': ADMINS,
    'payouts.markPaid': ADMINS,
    'payouts.export': ADMINS,
    'org.edit': ADMINS,
    'members.manage': ADMINS,
    'members.grant': ADMINS,
    'apiKeys.manage': ADMINS,
    'training.edit': ADMINS,
    'training.moveDue': ADMINS,
    'contests.edit': ADMINS,
    'contests.close': ADMINS,
  };
  const sorted = (roles: readonly Role[]) => [...roles].sort();

  test('every action of the table states its server rule here', () => {
    expect(sorted(access.ACTIONS as Role[])).toEqual(sorted(Object.keys(SERVER_RULE) as Role[]));
  });

  test.each(Object.entries(SERVER_RULE))('%s', (action, roles) => {
    expect(sorted(allowed(action))).toEqual(sorted(roles));
  });

  test('a manager edits the units below their scope, not its root (units.service patchUnit, deleteUnit)', () => {
    const manager = caller('manager', 'u-root');
    expect(access.canDo(manager, 'units.edit', { unitId: 'u-child' })).toBe(true);
    expect(access.canDo(manager, 'units.edit', { unitId: 'u-root' })).toBe(false);
    expect(access.canDo(manager, 'units.delete', { unitId: 'u-root' })).toBe(false);
    expect(access.canDo(caller('admin'), 'units.delete', { unitId: 'u-root' })).toBe(true);
  });

  test('only an owner grants the owner role (access.ts canGrant)', () => {
    expect(access.canDo(caller('owner'), 'members.grant', { role: 'owner' })).toBe(true);
    expect(access.canDo(caller('admin'), 'members.grant', { role: 'owner' })).toBe(false);
    expect(access.canDo(caller('admin'), 'members.grant', { role: 'manager' })).toBe(true);
  });

  test('a KOS member opens only the /me pages and what the server lets role kos read (docs/portal.md)', async () => {
    const { ROUTES } = await webModule<{ ROUTES: { path: string; can?: string }[] }>('routes.ts');
    for (const route of ROUTES) {
      if (route.path === '/me' || route.path.startsWith('/me/')) expect(route.can, route.path).toBe('me.view');
      else if (route.can && access.canDo(caller('kos'), route.can)) expect(SERVER_RULE[route.can], route.path).toContain('kos');
      else expect(route.can, `${route.path} must name what it needs`).toBeTruthy();
    }
  });
});
