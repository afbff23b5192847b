import type { Db } from '../../db/database.js';
import { forbidden, invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { cursorAfter, type Page, type PageQuery, toPage } from '../../lib/pagination.js';
import { problem } from '../../lib/problems/problem.js';
import { ADMINS, canGrant, type Principal, requireRole } from '../access/access.js';
import { requireUnitExists } from '../units/units.service.js';
import { newApiKey } from './api-keys.js';
import * as repo from './api-keys.repository.js';
import type { ApiKey, ApiKeyCreate } from './api-keys.schema.js';

export async function listApiKeys(db: Db, principal: Principal, query: PageQuery): Promise<Page<ApiKey>> {
  requireRole(principal, ADMINS);
  return toPage(await repo.listApiKeys(db, principal.orgId, cursorAfter(query.cursor), query.limit + 1), query.limit);
}

/** Creates a key; the answer carries the key itself, which is never shown again. */
export async function createApiKey(
  db: Db,
  principal: Principal,
  input: ApiKeyCreate,
  now = Date.now(),
): Promise<ApiKey & { key: string }> {
  requireRole(principal, ADMINS);
  if (!canGrant(principal.role, input.role))
    throw forbidden(
      problem('api_key.role.grant_denied', { role: principal.role, keyRole: input.role }),
      `role ${principal.role} may not create an ${input.role} key`,
    );
  const unitId = input.unitId ?? null;
  if (unitId && input.role !== 'manager' && input.role !== 'viewer') {
    throw invalid('unitId', problem('api_key.unit_id.not_allowed'), 'only manager and viewer keys are limited to a unit');
  }
  if (unitId) await requireUnitExists(db, principal.orgId, unitId);
  const { key, hash, prefix } = newApiKey();
  const id = newId();
  await repo.insertApiKey(db, principal.orgId, { id, name: input.name, role: input.role, unitId, keyHash: hash, prefix }, now);
  return { ...((await repo.findApiKey(db, principal.orgId, id)) as ApiKey), key };
}

export async function revokeApiKey(db: Db, principal: Principal, id: string): Promise<void> {
  requireRole(principal, ADMINS);
  const key = await repo.findApiKey(db, principal.orgId, id);
  if (!key) throw notFound('api_key');
  if (!canGrant(principal.role, key.role))
    throw forbidden(
      problem('api_key.revoke_denied', { role: principal.role, keyRole: key.role }),
      `role ${principal.role} may not revoke an ${key.role} key`,
    );
  await repo.deleteApiKey(db, principal.orgId, id);
}

/** The key whose SHA-256 this is (authentication of `Authorization: Bearer …`), or undefined. */
export function findApiKeyByHash(db: Db, keyHash: string) {
  return repo.findApiKeyByHash(db, keyHash);
}
