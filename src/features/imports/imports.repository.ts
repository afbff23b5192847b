import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ImportsTable } from '../../db/schema.js';
import { parseJson } from '../../lib/json.js';
import { toIso } from '../../lib/schemas.js';
import type { ImportReport, RowErrorOut } from './imports.schema.js';

const toReport = (r: Selectable<ImportsTable>): ImportReport => ({
  id: r.id,
  source: r.source as ImportReport['source'],
  fileName: r.file_name,
  status: r.status as ImportReport['status'],
  rows: r.rows,
  inserted: r.inserted,
  updated: r.updated,
  unchanged: r.unchanged,
  rejected: r.rejected,
  skipped: r.skipped,
  errors: parseJson<RowErrorOut[]>(r.errors, []),
  createdAt: toIso(r.created_at),
  finishedAt: r.finished_at === null ? null : toIso(r.finished_at),
});

export async function insertImport(
  db: Db,
  row: { id: string; orgId: string; source: string; fileName: string | null; createdBy: string | null; now: number },
): Promise<void> {
  await db
    .insertInto('imports')
    .values({
      id: row.id,
      org_id: row.orgId,
      source: row.source,
      file_name: row.fileName,
      status: 'running',
      rows: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      skipped: 0,
      errors: '[]',
      created_by: row.createdBy,
      created_at: row.now,
      finished_at: null,
    })
    .execute();
}

export interface ImportProgress {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  skipped: number;
  errors: RowErrorOut[];
}

/** Records the counts so far (in the same transaction as the chunk they count); `finishedAt` closes it. */
export async function saveProgress(
  db: Db,
  orgId: string,
  id: string,
  p: ImportProgress,
  finishedAt: number | null,
): Promise<void> {
  await db
    .updateTable('imports')
    .set({
      rows: p.rows,
      inserted: p.inserted,
      updated: p.updated,
      unchanged: p.unchanged,
      rejected: p.rejected,
      skipped: p.skipped,
      errors: JSON.stringify(p.errors),
      ...(finishedAt !== null ? { status: 'done', finished_at: finishedAt } : {}),
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function findImport(db: Db, orgId: string, id: string): Promise<ImportReport | undefined> {
  const row = await db.selectFrom('imports').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return row && toReport(row);
}

export async function listImports(db: Db, orgId: string, after: string | undefined, limit: number): Promise<ImportReport[]> {
  let query = db.selectFrom('imports').selectAll().where('org_id', '=', orgId);
  if (after) query = query.where('id', '<', after);
  return (await query.orderBy('id', 'desc').limit(limit).execute()).map(toReport);
}
