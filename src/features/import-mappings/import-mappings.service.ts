import type { Db } from '../../db/database.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { conflict, notFound } from '../../lib/errors.js';
import { validationError } from '../../lib/http/route.js';
import { newId } from '../../lib/ids.js';
import { cursorAfter, type Page, type PageQuery, toPage } from '../../lib/pagination.js';
import { problem } from '../../lib/problems/problem.js';
import { toIso } from '../../lib/schemas.js';
import type { Principal } from '../access/access.js';
import { ADMINS, requireRole, STAFF } from '../access/access.js';
import { DEFAULT_DATE_FORMAT, type MappingSpec } from './import-mappings.js';
import * as repo from './import-mappings.repository.js';
import { type ImportMapping, type MappingCreate, type MappingPatch, mappingCreate } from './import-mappings.schema.js';
import { MAPPING_PRESETS, type MappingPreset } from './presets.js';

/**
 * Saved column mappings (docs/import-mappings.md): staff read them, owners and admins change them. A name is
 * fixed once an import used it, because the lines it stored carry it as their `source`.
 */

const toOut = (row: repo.MappingRow, used: boolean): ImportMapping => ({
  id: row.id,
  name: row.name,
  ...row.spec,
  used,
  createdAt: toIso(row.createdAt),
  updatedAt: toIso(row.updatedAt),
});

const specOf = (m: MappingCreate): MappingSpec => ({
  platform: m.platform,
  format: m.format,
  delimiter: m.format === 'csv' ? (m.delimiter ?? null) : null,
  headerRow: m.headerRow,
  columns: m.columns,
  statuses: m.statuses,
  amountUnit: m.amountUnit,
  decimalMark: m.amountUnit === 'major' ? (m.decimalMark ?? '.') : null,
  currency: m.currency ?? null,
  timezone: m.timezone ?? null,
  dateFormat: m.dateFormat ?? DEFAULT_DATE_FORMAT,
});

export async function listMappings(db: Db, principal: Principal, query: PageQuery): Promise<Page<ImportMapping>> {
  requireRole(principal, STAFF);
  const rows = await repo.listMappings(db, principal.orgId, { after: cursorAfter(query.cursor), limit: query.limit + 1 });
  const used = await repo.usedNames(
    db,
    principal.orgId,
    rows.map((r) => r.name),
  );
  return toPage(
    rows.map((r) => toOut(r, used.has(r.name))),
    query.limit,
  );
}

async function rowOrThrow(db: Db, orgId: string, id: string): Promise<repo.MappingRow> {
  const row = await repo.findMapping(db, orgId, id);
  if (!row) throw notFound('import_mapping');
  return row;
}

async function withUsed(db: Db, row: repo.MappingRow): Promise<ImportMapping> {
  return toOut(row, (await repo.usedNames(db, row.orgId, [row.name])).has(row.name));
}

export async function getMappingOrThrow(db: Db, principal: Principal, id: string): Promise<ImportMapping> {
  requireRole(principal, STAFF);
  return withUsed(db, await rowOrThrow(db, principal.orgId, id));
}

const taken = (name: string) =>
  conflict(problem('import_mapping.name.taken', { name }), `a mapping named "${name}" already exists`, 'name');

async function requireFreeName(db: Db, orgId: string, name: string, selfId: string | null): Promise<void> {
  const other = await repo.findMappingByName(db, orgId, name);
  if (other && other.id !== selfId) throw taken(name);
}

export async function createMapping(
  db: Db,
  principal: Principal,
  input: MappingCreate,
  now = Date.now(),
): Promise<ImportMapping> {
  requireRole(principal, ADMINS);
  await requireFreeName(db, principal.orgId, input.name, null);
  const id = newId();
  try {
    await repo.insertMapping(db, { id, orgId: principal.orgId, name: input.name, spec: specOf(input) }, now);
  } catch (error) {
    if (isUniqueViolation(error)) throw taken(input.name);
    throw error;
  }
  return getMappingOrThrow(db, principal, id);
}

/** Changes fields; `columns` and `statuses` are replaced whole. The result is validated as a whole mapping. */
export async function patchMapping(
  db: Db,
  principal: Principal,
  id: string,
  patch: MappingPatch,
  now = Date.now(),
): Promise<ImportMapping> {
  requireRole(principal, ADMINS);
  const row = await rowOrThrow(db, principal.orgId, id);
  if (patch.name !== undefined && patch.name !== row.name) {
    if ((await repo.usedNames(db, principal.orgId, [row.name])).has(row.name))
      throw conflict(
        problem('import_mapping.name.used', { name: row.name }),
        `the name "${row.name}" is fixed: an import has already used it as its source`,
        'name',
      );
    await requireFreeName(db, principal.orgId, patch.name, id);
  }
  const merged = mappingCreate.safeParse({ ...row.spec, name: row.name, ...patch }, { reportInput: true });
  if (!merged.success) throw validationError(merged.error);
  try {
    await repo.updateMapping(db, principal.orgId, id, merged.data.name, specOf(merged.data), now);
  } catch (error) {
    if (isUniqueViolation(error)) throw taken(merged.data.name);
    throw error;
  }
  return getMappingOrThrow(db, principal, id);
}

export async function deleteMapping(db: Db, principal: Principal, id: string): Promise<void> {
  requireRole(principal, ADMINS);
  await rowOrThrow(db, principal.orgId, id);
  await repo.deleteMapping(db, principal.orgId, id);
}

export function listPresets(principal: Principal): readonly MappingPreset[] {
  requireRole(principal, STAFF);
  return MAPPING_PRESETS;
}

/** The org's mapping of this name (an import's `source`), or undefined. */
export async function findMappingSpec(db: Db, orgId: string, name: string): Promise<MappingSpec | undefined> {
  return (await repo.findMappingByName(db, orgId, name))?.spec;
}

/** The names of the org's mappings, sorted: sources an import accepts beside the built-in ones. */
export function mappingNames(db: Db, orgId: string): Promise<string[]> {
  return repo.mappingNames(db, orgId);
}
