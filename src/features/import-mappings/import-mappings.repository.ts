import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ImportMappingsTable } from '../../db/schema.js';
import { parseJson } from '../../lib/json.js';
import type { Platform } from '../../lib/schemas.js';
import type { MappingSpec } from './import-mappings.js';

/** A stored mapping: its spec parsed from JSON, times as epoch ms. */
export interface MappingRow {
  id: string;
  orgId: string;
  name: string;
  spec: MappingSpec;
  createdAt: number;
  updatedAt: number;
}

const toRow = (row: Selectable<ImportMappingsTable>): MappingRow => ({
  id: row.id,
  orgId: row.org_id,
  name: row.name,
  spec: { ...parseJson<MappingSpec>(row.spec, {} as MappingSpec), platform: row.platform as Platform },
  createdAt: Number(row.created_at),
  updatedAt: Number(row.updated_at),
});

export async function listMappings(db: Db, orgId: string, f: { after?: string; limit: number }): Promise<MappingRow[]> {
  let query = db.selectFrom('import_mappings').selectAll().where('org_id', '=', orgId);
  if (f.after) query = query.where('id', '>', f.after);
  return (await query.orderBy('id').limit(f.limit).execute()).map(toRow);
}

export async function findMapping(db: Db, orgId: string, id: string): Promise<MappingRow | undefined> {
  const row = await db
    .selectFrom('import_mappings')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toRow(row);
}

export async function findMappingByName(db: Db, orgId: string, name: string): Promise<MappingRow | undefined> {
  const row = await db
    .selectFrom('import_mappings')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('name', '=', name)
    .executeTakeFirst();
  return row && toRow(row);
}

/** The org's mapping names, sorted (the valid sources beside the built-in ones). */
export async function mappingNames(db: Db, orgId: string): Promise<string[]> {
  const rows = await db.selectFrom('import_mappings').select('name').where('org_id', '=', orgId).orderBy('name').execute();
  return rows.map((r) => r.name);
}

/** Which of these names an import of the org has used as its source (reads imports: the name is then fixed). */
export async function usedNames(db: Db, orgId: string, names: readonly string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const rows = await db
    .selectFrom('imports')
    .select('source')
    .distinct()
    .where('org_id', '=', orgId)
    .where('source', 'in', [...names])
    .execute();
  return new Set(rows.map((r) => r.source));
}

export async function insertMapping(db: Db, row: { id: string; orgId: string; name: string; spec: MappingSpec }, now: number) {
  await db
    .insertInto('import_mappings')
    .values({
      id: row.id,
      org_id: row.orgId,
      name: row.name,
      platform: row.spec.platform,
      spec: JSON.stringify(row.spec),
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function updateMapping(db: Db, orgId: string, id: string, name: string, spec: MappingSpec, now: number) {
  await db
    .updateTable('import_mappings')
    .set({ name, platform: spec.platform, spec: JSON.stringify(spec), updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function deleteMapping(db: Db, orgId: string, id: string): Promise<void> {
  await db.deleteFrom('import_mappings').where('org_id', '=', orgId).where('id', '=', id).execute();
}
