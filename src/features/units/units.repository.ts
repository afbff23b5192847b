import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { UnitsTable } from '../../db/schema.js';
import { toIso } from '../../lib/schemas.js';
import type { UnitKind } from './units.js';
import type { Unit } from './units.schema.js';

const toUnit = (row: Selectable<UnitsTable>): Unit => ({
  id: row.id,
  name: row.name,
  kind: row.kind as UnitKind,
  parentId: row.parent_id,
  createdAt: toIso(row.created_at),
  updatedAt: toIso(row.updated_at),
});

export async function listOrgUnits(db: Db, orgId: string): Promise<Unit[]> {
  const rows = await db.selectFrom('units').selectAll().where('org_id', '=', orgId).orderBy('id').execute();
  return rows.map(toUnit);
}

export async function findUnit(db: Db, orgId: string, id: string): Promise<Unit | undefined> {
  const row = await db.selectFrom('units').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return row && toUnit(row);
}

export async function insertUnit(
  db: Db,
  orgId: string,
  unit: { id: string; name: string; kind: UnitKind; parentId: string | null },
  now: number,
): Promise<void> {
  await db
    .insertInto('units')
    .values({
      id: unit.id,
      org_id: orgId,
      name: unit.name,
      kind: unit.kind,
      parent_id: unit.parentId,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function updateUnit(
  db: Db,
  orgId: string,
  id: string,
  patch: { name?: string; kind?: UnitKind; parentId?: string | null },
  now: number,
): Promise<void> {
  await db
    .updateTable('units')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
      ...(patch.parentId !== undefined ? { parent_id: patch.parentId } : {}),
      updated_at: now,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function deleteUnit(db: Db, orgId: string, id: string): Promise<void> {
  await db.deleteFrom('units').where('org_id', '=', orgId).where('id', '=', id).execute();
}

/** How many child units, KOS and members still point at the unit. */
export async function unitDependants(
  db: Db,
  orgId: string,
  id: string,
): Promise<{ children: number; kos: number; members: number }> {
  const count = async (table: 'units' | 'kos' | 'members' | 'api_keys', column: 'parent_id' | 'unit_id') => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', orgId)
      .where(column, '=', id)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return {
    children: await count('units', 'parent_id'),
    kos: await count('kos', 'unit_id'),
    members: (await count('members', 'unit_id')) + (await count('api_keys', 'unit_id')),
  };
}
