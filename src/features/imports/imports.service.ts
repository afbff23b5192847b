import type { Db } from '../../db/database.js';
import { withRetriedTransaction } from '../../db/database.js';
import { withImportSettings } from '../../db/import-settings.js';
import { plannerStatsKeeper, preferIndexLookups } from '../../db/planner-stats.js';
import { notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { cursorAfter, type Page, type PageQuery, toPage } from '../../lib/pagination.js';
import type { Principal } from '../access/access.js';
import { ADMINS, requireRole } from '../access/access.js';
import { bookLineChanges } from '../ledger/book-lines.js';
import type { CanonicalLine } from '../orders/lines.js';
import { ledgerChange } from '../orders/lines.js';
import { lineStoreContext } from '../orders/lines.service.js';
import { storeLines } from '../orders/store-lines.js';
import { getOrgOrThrow } from '../orgs/orgs.service.js';
import { ImportStopped } from './import-failure.js';
import type { ParsedRow, Source } from './import-types.js';
import * as repo from './imports.repository.js';
import { type ImportReport, MAX_STORED_ERRORS } from './imports.schema.js';

/**
 * Lines per committed chunk: the first 1 000 (its progress shows soon), then 5 000 — on SQLite commits (WAL
 * syncs) dominate small chunks; on PostgreSQL round trips do (docs/imports.md, "Speed").
 */
const FIRST_CHUNK = 1000;
const CHUNK = 5000;

export interface ImportOptions {
  now?: number;
  /** Called after each stored chunk with rows done and rows in all (the CLI's progress bar). */
  onProgress?(done: number, total: number): void;
  /** Stops the import after its current chunk (the server is stopping); committed rows stay. */
  signal?: AbortSignal;
}

type Org = { id: string; attributionWindowDays: number; postLiveWindowHours: number };

/** Stores canonical lines pushed to the signed webhook (source `webhook`), like an import. */
export async function importWebhookLines(
  db: Db,
  principal: Principal,
  rows: ParsedRow[],
  now = Date.now(),
): Promise<ImportReport> {
  const org = await getOrgOrThrow(db, principal.orgId);
  const id = newId();
  const createdBy = principal.memberId ?? principal.apiKeyId;
  await repo.insertImport(db, { id, orgId: org.id, source: 'webhook', fileName: null, createdBy, status: 'running', now });
  await repo.setRowsTotal(db, id, rows.length);
  async function* each() {
    yield* rows;
  }
  return storeImportRows(db, org, { id, source: 'webhook', total: rows.length, rows: each() }, { now });
}

/**
 * Stores an import's parsed rows in chunks, each chunk and the import's counts committed together — a
 * crash loses no committed chunk, and running the file again finishes it without duplicates. The last
 * commit marks the import `done`.
 */
export function storeImportRows(db: Db, org: Org, input: ImportInput, options: ImportOptions): Promise<ImportReport> {
  return withImportSettings(db, () => storeRows(db, org, input, options));
}

interface ImportInput {
  id: string;
  /** A built-in source, a saved mapping's name, or `webhook`. */
  source: Source | 'webhook' | string;
  total: number;
  rows: AsyncIterable<ParsedRow>;
  /** A creator-side report's KOS: every new line is attributed `report` to it. */
  reportKosId?: string | null;
}

async function storeRows(db: Db, org: Org, input: ImportInput, options: ImportOptions): Promise<ImportReport> {
  const { id } = input;
  const store = {
    ...(await lineStoreContext(db, org, input.source, id, options.now ?? Date.now())),
    reportKosId: input.reportKosId,
  };
  const progress: repo.ImportProgress = { rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0, errors: [] };
  let chunkSize = FIRST_CHUNK;
  let chunk: CanonicalLine[] = [];
  let pending = 0;
  const stats = plannerStatsKeeper(db, {
    order_lines: ['org_id', 'source', 'order_id'],
    ledger_entries: ['org_id', 'line_id'],
  });
  const commit = async (finished: boolean) => {
    const lines = chunk;
    const rows = pending;
    chunk = [];
    pending = 0;
    // One transaction per chunk: the lines, their ledger entries and the import's counts commit together.
    // Retried whole on a busy lock or a deadlock: the counts are applied only once the chunk committed.
    const next = await withRetriedTransaction(db, async (trx) => {
      await preferIndexLookups(trx);
      const { counts, changes } = await storeLines(trx, store, lines);
      // Only lines attributed before or after can move the ledger (bookLineChanges skips the others too).
      const booked = changes.filter(([before, after]) => before?.kosId || after.kosId);
      await bookLineChanges(trx, booked.map(ledgerChange), store.now);
      const after = {
        ...progress,
        inserted: progress.inserted + counts.inserted,
        updated: progress.updated + counts.updated,
        unchanged: progress.unchanged + counts.unchanged,
        rows: progress.rows + rows,
      };
      await repo.saveProgress(trx, org.id, id, after, finished ? Date.now() : null);
      return after;
    });
    const inserted = next.inserted - progress.inserted;
    Object.assign(progress, next);
    await stats.afterCommit(inserted);
    options.onProgress?.(progress.rows, input.total);
  };
  for await (const row of input.rows) {
    pending += 1;
    if ('line' in row) chunk.push(row.line);
    else if ('error' in row) {
      progress.rejected += 1;
      if (progress.errors.length < MAX_STORED_ERRORS) progress.errors.push({ row: row.row, ...row.error });
    } else progress.skipped += 1;
    if (chunk.length >= chunkSize) {
      await commit(false);
      chunkSize = CHUNK;
      if (options.signal?.aborted) throw new ImportStopped(progress.rows);
    }
  }
  await commit(true);
  return (await repo.findImport(db, org.id, id)) as ImportReport;
}

export async function getImportOrThrow(db: Db, principal: Principal, id: string): Promise<ImportReport> {
  requireRole(principal, ADMINS);
  const report = await repo.findImport(db, principal.orgId, id);
  if (!report) throw notFound('import');
  return report;
}

export async function listImports(db: Db, principal: Principal, query: PageQuery): Promise<Page<ImportReport>> {
  requireRole(principal, ADMINS);
  const rows = await repo.listImports(db, principal.orgId, cursorAfter(query.cursor), query.limit + 1);
  return toPage(rows, query.limit);
}
