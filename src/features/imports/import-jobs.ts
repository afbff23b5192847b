import { setTimeout as sleep } from 'node:timers/promises';
import { type Db, withRetriedTransaction } from '../../db/database.js';
import { invalid } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { problem } from '../../lib/problems/problem.js';
import type { Principal } from '../access/access.js';
import { ADMINS, requireRole } from '../access/access.js';
import { findMappingSpec, mappingNames } from '../import-mappings/import-mappings.service.js';
import { requireKosExists } from '../kos/kos.service.js';
import { getOrgOrThrow } from '../orgs/orgs.service.js';
import { skuByPlatformId } from '../products/products.service.js';
import { screenCreatorRows, screenSellerRows } from './creator-screen.js';
import { importFailure, STOPPED_BEFORE_START, stoppedDuring } from './import-failure.js';
import { type ParseContext, type ParsedRow, SOURCES, type Source } from './import-types.js';
import * as repo from './imports.repository.js';
import type { ImportReport } from './imports.schema.js';
import { type ImportOptions, storeImportRows } from './imports.service.js';
import { mappedParser } from './parsers/mapped.js';
import type { ReportParser } from './parsers/parser.js';
import { PARSERS } from './parsers/registry.js';
import { openTable, type TableLayout } from './read/table.js';
import { stageRows } from './staged-rows.js';

/**
 * Import jobs (docs/imports.md): a file import is recorded `queued`, claimed `running` when no other file
 * import of its org runs (one at a time per org), then read, stored and booked — off the event loop that
 * serves requests (src/background/). A failure marks it `failed` with the reason, in English and as a problem
 * (import-failure.ts); the rows it committed stay. An import whose process stops giving signs of life is failed by the sweep.
 */
export interface FileJob {
  id: string;
  orgId: string;
  principal: Principal;
  /** A built-in source or the name of one of the org's saved mappings (docs/import-mappings.md). */
  source: string;
  path: string;
  fileName: string | null;
  /** The KOS a `tiktok_creator` report belongs to (docs/imports.md, "Creator-side reports"). */
  kosId?: string | null;
}

/** Records a file import as `queued` (owners and admins only) and returns its job. */
export async function queueFileImport(
  db: Db,
  principal: Principal,
  input: { source: string; path: string; fileName: string | null; kosId?: string | null },
  now = Date.now(),
): Promise<FileJob> {
  requireRole(principal, ADMINS);
  await requireKnownSource(db, principal.orgId, input.source);
  const kosId = await reportKos(db, principal.orgId, input.source, input.kosId);
  const id = newId();
  const createdBy = principal.memberId ?? principal.apiKeyId;
  await repo.insertImport(db, {
    id,
    orgId: principal.orgId,
    source: input.source,
    fileName: input.fileName,
    createdBy,
    status: 'queued',
    now,
  });
  return { id, orgId: principal.orgId, principal, ...input, kosId };
}

const isBuiltIn = (source: string): source is Source => (SOURCES as readonly string[]).includes(source);

/** A built-in source or one of the org's mapping names; else 422 naming `source` and listing the valid ones. */
async function requireKnownSource(db: Db, orgId: string, source: string): Promise<void> {
  if (isBuiltIn(source)) return;
  const names = await mappingNames(db, orgId);
  if (names.includes(source)) return;
  const options = [...SOURCES, ...names];
  throw invalid('source', problem('field.invalid_option', { options }), `must be one of ${options.join(', ')}`);
}

/** The parser of a source and how its file is laid out: a built-in parser, or the org's saved mapping. */
async function parserOf(db: Db, orgId: string, source: string): Promise<{ parser: ReportParser; layout: TableLayout }> {
  if (isBuiltIn(source)) return { parser: PARSERS[source], layout: {} };
  const spec = await findMappingSpec(db, orgId, source);
  if (!spec) {
    await requireKnownSource(db, orgId, source); // deleted since it was queued: 422 listing the valid sources
    throw new Error(`mapping ${source} vanished`);
  }
  return { parser: mappedParser(source, spec), layout: { headerRow: spec.headerRow, delimiter: spec.delimiter ?? undefined } };
}

/** A creator-side report's KOS: required (422 naming `kosId`) and of the org; other sources take none. */
async function reportKos(db: Db, orgId: string, source: string, kosId: string | null | undefined): Promise<string | null> {
  if (source !== 'tiktok_creator') return null;
  if (!kosId)
    throw invalid('kosId', problem('field.required'), 'is required for a tiktok_creator import: the file names no creator');
  return (await requireKosExists(db, orgId, kosId)).id;
}

/**
 * Reads and stores a claimed file import. The whole file is read once and its rows staged (a file error
 * stores no line), then stored in chunks. Any failure marks the import failed with its reason before it is rethrown.
 */
export async function runFileImport(db: Db, job: FileJob, options: ImportOptions = {}): Promise<ImportReport> {
  try {
    const org = await getOrgOrThrow(db, job.orgId);
    const shopeeSkus = job.source === 'shopee' ? await skuByPlatformId(db, org.id, 'shopee') : new Map<string, string>();
    const tiktokSkus =
      job.source === 'tiktok_creator' ? await skuByPlatformId(db, org.id, 'tiktok_shop') : new Map<string, string>();
    const ctx: ParseContext = {
      currency: org.currency,
      timezone: org.timezone,
      skuForShopeeItem: (id) => shopeeSkus.get(id),
      skuForTiktokSku: (id) => tiktokSkus.get(id),
    };
    const { parser, layout } = await parserOf(db, org.id, job.source);
    const table = await openTable(job.path, layout);
    const mapRow = parser.prepare(table, ctx);
    async function* mapped(): AsyncGenerator<ParsedRow> {
      for await (const row of table.rows()) yield mapRow(row);
    }
    // One pass over the file: its rows are staged, and stored only once it was read whole (a file error
    // part-way stores nothing: docs/imports.md).
    const staged = await stageRows(mapped());
    try {
      const total = staged.total;
      await withRetriedTransaction(db, (trx) => repo.setRowsTotal(trx, job.id, total));
      const kosId = job.source === 'tiktok_creator' ? (job.kosId ?? null) : null;
      // Creator-side and seller-side TikTok reports hold the same sales: whichever came first keeps a line.
      const rows = kosId
        ? screenCreatorRows(db, org.id, kosId, staged.replay())
        : job.source === 'tiktok_shop'
          ? screenSellerRows(db, org.id, staged.replay())
          : staged.replay();
      return await storeImportRows(db, org, { id: job.id, source: job.source, total, rows, reportKosId: kosId }, options);
    } finally {
      await staged.dispose();
    }
  } catch (error) {
    const failure = importFailure(error);
    await repo.markFailed(db, job.id, failure.reason, Date.now(), failure.problem);
    throw error;
  }
}

/** Claims the job, waiting while another file import of the org runs (the CLI; servers use the runner). */
export async function claimWhenFree(db: Db, id: string, onWait: () => void = () => {}): Promise<void> {
  let waited = false;
  while (!(await repo.claimImport(db, id, Date.now()))) {
    if (!waited) onWait();
    waited = true;
    await repo.touchImports(db, [id], Date.now());
    await sleep(500);
  }
}

/** Queues, claims (waiting for the org's running import) and runs a file import in this process. */
export async function importFile(
  db: Db,
  principal: Principal,
  input: { source: string; path: string; fileName: string | null; kosId?: string | null },
  options: ImportOptions & { onWait?(): void } = {},
): Promise<ImportReport> {
  const job = await queueFileImport(db, principal, input, options.now);
  await claimWhenFree(db, job.id, options.onWait);
  return runFileImport(db, job, options);
}

/** How long an unfinished import may go without a sign of life before the sweep fails it. */
export const STALE_AFTER_MS = 30_000;

/** Fails every unfinished import whose process stopped (killed, crashed): at start-up and now and then. */
export async function failStaleImports(db: Db, now = Date.now(), staleAfterMs = STALE_AFTER_MS): Promise<number> {
  const stale = await repo.findStaleImports(db, now - staleAfterMs);
  for (const item of stale) {
    const failure = item.status === 'queued' ? STOPPED_BEFORE_START : stoppedDuring(item.rows);
    await repo.markFailed(db, item.id, failure.reason, now, failure.problem);
  }
  return stale.length;
}
