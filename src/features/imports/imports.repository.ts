import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import { isUniqueViolation } from '../../db/dialect.js';
import type { ImportsTable } from '../../db/schema.js';
import { parseJson } from '../../lib/json.js';
import type { Problem, ProblemParams } from '../../lib/problems/problem.js';
import { toIso } from '../../lib/schemas.js';
import { storableMessage } from '../../lib/storable-text.js';
import type { ImportReport, ImportStatus, RowErrorOut } from './imports.schema.js';

/** A failure's stored problem as `failedKey` and `failedParams`; none for imports failed before it was stored. */
function failedProblem(text: string | null): { failedKey?: string; failedParams?: ProblemParams } {
  const stored = parseJson<Partial<Problem> | null>(text, null);
  if (!stored || typeof stored.key !== 'string') return {};
  return { failedKey: stored.key, failedParams: stored.params ?? {} };
}

const toReport = (r: Selectable<ImportsTable>): ImportReport => ({
  id: r.id,
  source: r.source as ImportReport['source'],
  fileName: r.file_name,
  status: r.status as ImportStatus,
  ...(r.failed_reason !== null ? { failedReason: r.failed_reason } : {}),
  ...failedProblem(r.failed_problem),
  rowsDone: r.rows,
  rows: r.rows_total ?? r.rows,
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
  row: {
    id: string;
    orgId: string;
    source: string;
    fileName: string | null;
    createdBy: string | null;
    status: 'queued' | 'running';
    now: number;
  },
): Promise<void> {
  await db
    .insertInto('imports')
    .values({
      id: row.id,
      org_id: row.orgId,
      source: row.source,
      file_name: row.fileName,
      status: row.status,
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
      heartbeat_at: row.now,
    })
    .execute();
}

/**
 * Moves a queued import to `running` unless another file import of its org runs (the partial unique
 * index `imports_one_running` refuses a second: atomic on both databases). True when claimed.
 */
export async function claimImport(db: Db, id: string, now: number): Promise<boolean> {
  try {
    const result = await db
      .updateTable('imports')
      .set({ status: 'running', heartbeat_at: now })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export async function setRowsTotal(db: Db, id: string, total: number): Promise<void> {
  await db.updateTable('imports').set({ rows_total: total }).where('id', '=', id).execute();
}

/**
 * Marks an unfinished import failed with its reason, in English and as a problem (`{key, params}` as JSON,
 * answered as `failedKey` and `failedParams`); the rows it committed stay.
 */
export async function markFailed(db: Db, id: string, reason: string, now: number, problem?: Problem): Promise<void> {
  await db
    .updateTable('imports')
    .set({
      status: 'failed',
      failed_reason: storableMessage(reason).slice(0, 1000),
      failed_problem: problem ? JSON.stringify({ key: problem.key, params: problem.params }) : null,
      finished_at: now,
    })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .execute();
}

/** Signs of life for the unfinished imports a process holds. */
export async function touchImports(db: Db, ids: string[], now: number): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('imports')
    .set({ heartbeat_at: now })
    .where('id', 'in', ids)
    .where('status', 'in', ['queued', 'running'])
    .execute();
}

/** Unfinished imports whose process gave no sign of life since `staleBefore` (killed, crashed, lost). */
export async function findStaleImports(db: Db, staleBefore: number): Promise<{ id: string; status: string; rows: number }[]> {
  return db
    .selectFrom('imports')
    .select(['id', 'status', 'rows'])
    .where('status', 'in', ['queued', 'running'])
    .where((eb) => eb(eb.fn.coalesce('heartbeat_at', 'created_at'), '<', staleBefore))
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
      heartbeat_at: Date.now(),
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
