import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ApiKeysTable } from '../../db/schema.js';
import { toIso } from '../../lib/schemas.js';
import type { Role } from '../access/access.js';
import type { ApiKey } from './api-keys.schema.js';

const toApiKey = (row: Selectable<ApiKeysTable>): ApiKey => ({
  id: row.id,
  name: row.name,
  role: row.role as Role,
  unitId: row.unit_id,
  prefix: row.prefix,
  createdAt: toIso(row.created_at),
});

export async function listApiKeys(db: Db, orgId: string, after: string | undefined, limit: number): Promise<ApiKey[]> {
  let query = db.selectFrom('api_keys').selectAll().where('org_id', '=', orgId);
  if (after) query = query.where('id', '>', after);
  return (await query.orderBy('id').limit(limit).execute()).map(toApiKey);
}

export async function findApiKey(db: Db, orgId: string, id: string): Promise<ApiKey | undefined> {
  const row = await db.selectFrom('api_keys').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return row && toApiKey(row);
}

export async function insertApiKey(
  db: Db,
  orgId: string,
  key: { id: string; name: string; role: Role; unitId: string | null; keyHash: string; prefix: string },
  now: number,
): Promise<void> {
  await db
    .insertInto('api_keys')
    .values({
      id: key.id,
      org_id: orgId,
      name: key.name,
      role: key.role,
      unit_id: key.unitId,
      key_hash: key.keyHash,
      prefix: key.prefix,
      created_at: now,
      last_used_at: null,
    })
    .execute();
}

export async function deleteApiKey(db: Db, orgId: string, id: string): Promise<void> {
  await db.deleteFrom('api_keys').where('org_id', '=', orgId).where('id', '=', id).execute();
}

export const findApiKeyByHash = (db: Db, keyHash: string) =>
  db.selectFrom('api_keys').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
