import { type Insertable, type Selectable, sql } from 'kysely';
import { bulkInsert, preparedAllValues } from '../../db/bulk-insert.js';
import { type Db, inChunks } from '../../db/database.js';
import { writersAreSerialised } from '../../db/locks.js';
import type { OrderLinesTable } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { parseJson } from '../../lib/json.js';
import type { Platform } from '../../lib/schemas.js';
import { markRollupDays } from './line-day-marks.service.js';
import { lineFingerprint } from './line-fingerprint.js';
import type { HistoryEntry, HistoryEvent } from './line-history.js';
import type { AttributionMethod, ContentType, LineStatus, StoredLine } from './lines.js';

/** The columns of a stored line in storedLineOf's order, for reads that take rows as arrays. */
const LINE_COLUMNS = [
  'id',
  'org_id',
  'source',
  'order_id',
  'line_key',
  'platform',
  'status',
  'raw_status',
  'order_time',
  'completed_time',
  'sku',
  'product_name',
  'category',
  'quantity',
  'gross_minor',
  'net_minor',
  'refund_minor',
  'platform_commission_minor',
  'currency',
  'sub_ids',
  'creator',
  'voucher',
  'content_type',
  'new_buyer',
  'kos_id',
  'attribution',
  'link_id',
  'click_id',
  'session_id',
  'import_id',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof OrderLinesTable)[];

/** A row read as an array of LINE_COLUMNS, built into a stored line as one literal (toStoredLine uses it too). */
const storedLineOf = (v: unknown[]): StoredLine => ({
  id: v[0] as string,
  orgId: v[1] as string,
  source: v[2] as string,
  orderId: v[3] as string,
  lineKey: v[4] as string,
  platform: v[5] as Platform,
  status: v[6] as LineStatus,
  rawStatus: v[7] as string,
  orderTime: v[8] as number,
  completedTime: v[9] as number | null,
  sku: v[10] as string | null,
  productName: v[11] as string | null,
  category: v[12] as string | null,
  quantity: v[13] as number,
  grossMinor: v[14] as number,
  netMinor: v[15] as number,
  refundMinor: v[16] as number,
  platformCommissionMinor: v[17] as number | null,
  currency: v[18] as string,
  subIds: parseJson<string[]>(v[19] as string, []),
  creator: v[20] as string | null,
  voucher: v[21] as string | null,
  contentType: v[22] as ContentType | null,
  newBuyer: v[23] === null ? null : v[23] === 1,
  kosId: v[24] as string | null,
  attribution: v[25] as AttributionMethod,
  linkId: v[26] as string | null,
  clickId: v[27] as string | null,
  sessionId: v[28] as string | null,
  importId: v[29] as string | null,
  createdAt: v[30] as number,
  updatedAt: v[31] as number,
});

/** A stored line from its row as an object: the same mapping, read through LINE_COLUMNS. */
export const toStoredLine = (r: Selectable<OrderLinesTable>): StoredLine => storedLineOf(LINE_COLUMNS.map((c) => r[c]));

export const toRow = (l: StoredLine): Insertable<OrderLinesTable> => ({
  id: l.id,
  org_id: l.orgId,
  source: l.source,
  order_id: l.orderId,
  line_key: l.lineKey,
  platform: l.platform,
  status: l.status,
  raw_status: l.rawStatus,
  order_time: l.orderTime,
  completed_time: l.completedTime,
  sku: l.sku,
  product_name: l.productName,
  category: l.category,
  quantity: l.quantity,
  gross_minor: l.grossMinor,
  net_minor: l.netMinor,
  refund_minor: l.refundMinor,
  platform_commission_minor: l.platformCommissionMinor,
  currency: l.currency,
  sub_ids: JSON.stringify(l.subIds),
  creator: l.creator,
  voucher: l.voucher,
  content_type: l.contentType,
  new_buyer: l.newBuyer === null ? null : l.newBuyer ? 1 : 0,
  kos_id: l.kosId,
  attribution: l.attribution,
  link_id: l.linkId,
  click_id: l.clickId,
  session_id: l.sessionId,
  import_id: l.importId,
  created_at: l.createdAt,
  updated_at: l.updatedAt,
  fingerprint: lineFingerprint(l),
});

/** The stored lines of these orders of one source, keyed `orderId\u0001lineKey`. */
export async function linesOfOrders(db: Db, orgId: string, source: string, orderIds: string[]): Promise<Map<string, StoredLine>> {
  // SQLite in an import's transaction: one prepared statement for the whole chunk, rows as arrays
  // (docs/imports.md, "Speed").
  const values = preparedAllValues(
    db,
    `select ${LINE_COLUMNS.map((c) => `"${c}"`).join(', ')} from "order_lines" where "org_id" = ? and "source" = ? and "order_id" in (select "value" from json_each(?))`,
    [orgId, source, JSON.stringify(orderIds)],
  );
  if (values) {
    const known = new Map<string, StoredLine>();
    for (const row of values) {
      const line = storedLineOf(row);
      known.set(`${line.orderId}\u0001${line.lineKey}`, line);
    }
    return known;
  }
  const rows = writersAreSerialised(db)
    ? await inChunks(orderIds, (slice) =>
        db
          .selectFrom('order_lines')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('source', '=', source)
          .where('order_id', 'in', slice)
          .execute(),
      )
    : // PostgreSQL: the keys as one array parameter, one round trip.
      await db
        .selectFrom('order_lines')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('source', '=', source)
        .where(sql<boolean>`"order_id" = any(${orderIds}::text[])`)
        .execute();
  return new Map(rows.map((row) => [`${row.order_id}\u0001${row.line_key}`, toStoredLine(row)]));
}

export async function insertLines(db: Db, lines: StoredLine[]): Promise<void> {
  await bulkInsert(db, 'order_lines', lines.map(toRow));
  // docs/rollups.md "Freshness": the days these lines fall on are stale until refreshed.
  await markRollupDays(db, lines);
}

export async function replaceLine(db: Db, line: StoredLine): Promise<void> {
  const { id, org_id, created_at, ...rest } = toRow(line);
  // docs/rollups.md "Freshness": the line's day before and after the update.
  await markRollupDays(db, [line], id);
  await db.updateTable('order_lines').set(rest).where('org_id', '=', org_id).where('id', '=', id).execute();
}

export async function insertHistory(db: Db, events: HistoryEvent[]): Promise<void> {
  await bulkInsert(
    db,
    'order_line_history',
    events.map((e) => ({
      id: newId(),
      org_id: e.orgId,
      line_id: e.lineId,
      import_id: e.importId,
      at: e.at,
      change: JSON.stringify(e.change),
    })),
  );
}

/** The ids among `lineIds` that have history rows (a line without any is as it was created: line-history.ts). */
export async function linesWithHistory(db: Db, orgId: string, lineIds: readonly string[]): Promise<Set<string>> {
  const rows = await inChunks([...new Set(lineIds)], (slice) =>
    db
      .selectFrom('order_line_history')
      .select('line_id')
      .distinct()
      .where('org_id', '=', orgId)
      .where('line_id', 'in', slice)
      .execute(),
  );
  return new Set(rows.map((r) => r.line_id));
}

/** A line's history rows, oldest first (see line-history.ts `historyOf` for what is shown). */
export async function lineHistory(db: Db, orgId: string, lineId: string): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom('order_line_history')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('line_id', '=', lineId)
    .orderBy('id')
    .limit(500)
    .execute();
  return rows.map((r) => ({ at: r.at, importId: r.import_id, change: parseJson<Record<string, unknown>>(r.change, {}) }));
}

export async function findLine(db: Db, orgId: string, id: string): Promise<StoredLine | undefined> {
  const row = await db.selectFrom('order_lines').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return row && toStoredLine(row);
}

export interface LineFilter {
  after?: string;
  limit: number;
  from?: number;
  to?: number;
  kosIds?: readonly string[];
  platform?: string;
  source?: string;
  sku?: string;
  status?: string;
  attributed?: boolean;
}

export async function listLines(db: Db, orgId: string, f: LineFilter): Promise<StoredLine[]> {
  let query = db.selectFrom('order_lines').selectAll().where('org_id', '=', orgId);
  if (f.after) query = query.where('id', '>', f.after);
  if (f.from !== undefined) query = query.where('order_time', '>=', f.from);
  if (f.to !== undefined) query = query.where('order_time', '<', f.to);
  if (f.kosIds) query = f.kosIds.length ? query.where('kos_id', 'in', f.kosIds) : query.where((eb) => eb.lit(false));
  if (f.platform) query = query.where('platform', '=', f.platform);
  if (f.source) query = query.where('source', '=', f.source);
  if (f.sku) query = query.where('sku', '=', f.sku);
  if (f.status) query = query.where('status', '=', f.status);
  if (f.attributed !== undefined) query = query.where('attribution', f.attributed ? '!=' : '=', 'none');
  return (await query.orderBy('id').limit(f.limit).execute()).map(toStoredLine);
}

/**
 * Which of these lines are completed now. Lines looked up by id go by the primary key alone, and the org is checked on the rows: with `org_id = ?`
 * in the query, SQLite's planner (no statistics) walked the org's lines through an org index instead —
 * 35–70 ms a chunk of 500 ids, most of a month close (docs/benchmarks.md "Ledger").
 */
export async function completedAmong(db: Db, orgId: string, ids: readonly string[]): Promise<Set<string>> {
  const rows = await inChunks(ids, (slice) =>
    db.selectFrom('order_lines').select(['id', 'org_id', 'status']).where('id', 'in', slice).execute(),
  );
  return new Set(rows.filter((r) => r.org_id === orgId && r.status === 'completed').map((r) => r.id));
}

export async function labelFacts(db: Db, orgId: string, ids: readonly string[]) {
  const rows = await inChunks(ids, (slice) =>
    db.selectFrom('order_lines').select(['id', 'org_id', 'order_id', 'platform', 'sku']).where('id', 'in', slice).execute(),
  );
  return rows.filter((r) => r.org_id === orgId).map(({ org_id: _, ...facts }) => facts);
}
