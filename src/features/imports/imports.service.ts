import type { Db } from '../../db/database.js';
import { withTransaction } from '../../db/database.js';
import { notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { cursorAfter, type Page, type PageQuery, toPage } from '../../lib/pagination.js';
import { ADMINS, requireRole } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import { lineStoreContext } from '../orders/lines.service.js';
import { storeLines } from '../orders/store-lines.js';
import { getOrgOrThrow } from '../orgs/orgs.service.js';
import { skuByPlatformId } from '../products/products.service.js';
import type { CanonicalLine, ParseContext, ParsedRow, Source } from './import-types.js';
import * as repo from './imports.repository.js';
import { type ImportReport, MAX_STORED_ERRORS } from './imports.schema.js';
import { PARSERS } from './parsers/registry.js';
import { openTable } from './read/table.js';

const CHUNK = 1000;

export interface ImportOptions {
  now?: number;
  /** Called after each stored chunk with rows done and rows in all (the CLI's progress bar). */
  onProgress?(done: number, total: number): void;
}

/**
 * Imports a report file. First the whole file is read (a file error throws before anything is stored),
 * then its lines are stored in chunks, each chunk and the import's counts committed together — a crash
 * loses no committed chunk, and running the file again finishes it without duplicates.
 */
export async function importFile(
  db: Db,
  principal: Principal,
  input: { source: Source; path: string; fileName: string | null },
  options: ImportOptions = {},
): Promise<ImportReport> {
  requireRole(principal, ADMINS);
  const org = await getOrgOrThrow(db, principal.orgId);
  const shopeeSkus = input.source === 'shopee' ? await skuByPlatformId(db, org.id, 'shopee') : new Map<string, string>();
  const ctx: ParseContext = { currency: org.currency, timezone: org.timezone, skuForShopeeItem: (id) => shopeeSkus.get(id) };
  const table = await openTable(input.path);
  const mapRow = PARSERS[input.source].prepare(table, ctx);
  let total = 0;
  for await (const _row of table.rows()) total += 1;
  async function* parsed(): AsyncGenerator<ParsedRow> {
    for await (const row of table.rows()) yield mapRow(row);
  }
  return runImport(db, principal, org, { source: input.source, fileName: input.fileName, total, rows: parsed() }, options);
}

/** Stores canonical lines pushed to the signed webhook (source `webhook`), like an import. */
export async function importWebhookLines(
  db: Db,
  principal: Principal,
  rows: ParsedRow[],
  now = Date.now(),
): Promise<ImportReport> {
  const org = await getOrgOrThrow(db, principal.orgId);
  async function* each() {
    yield* rows;
  }
  return runImport(db, principal, org, { source: 'webhook', fileName: null, total: rows.length, rows: each() }, { now });
}

async function runImport(
  db: Db,
  principal: Principal,
  org: { id: string; attributionWindowDays: number; postLiveWindowHours: number },
  input: { source: Source | 'webhook'; fileName: string | null; total: number; rows: AsyncIterable<ParsedRow> },
  options: ImportOptions,
): Promise<ImportReport> {
  const now = options.now ?? Date.now();
  const id = newId();
  await repo.insertImport(db, {
    id,
    orgId: org.id,
    source: input.source,
    fileName: input.fileName,
    createdBy: principal.memberId ?? principal.apiKeyId,
    now,
  });
  const store = await lineStoreContext(db, org, input.source, id, now);
  const progress: repo.ImportProgress = { rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0, errors: [] };
  let chunk: CanonicalLine[] = [];
  let pending = 0;
  const commit = async (finished: boolean) => {
    const lines = chunk;
    const rows = pending;
    chunk = [];
    pending = 0;
    await withTransaction(db, async (trx) => {
      const counts = await storeLines(trx, store, lines);
      progress.inserted += counts.inserted;
      progress.updated += counts.updated;
      progress.unchanged += counts.unchanged;
      progress.rows += rows;
      await repo.saveProgress(trx, org.id, id, progress, finished ? Date.now() : null);
    });
    options.onProgress?.(progress.rows, input.total);
  };
  for await (const row of input.rows) {
    pending += 1;
    if ('line' in row) chunk.push(row.line);
    else if ('error' in row) {
      progress.rejected += 1;
      if (progress.errors.length < MAX_STORED_ERRORS) progress.errors.push({ row: row.row, ...row.error });
    } else progress.skipped += 1;
    if (chunk.length >= CHUNK) await commit(false);
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
