import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { parseJson } from '../../lib/json.js';
import { KEPT_STATUSES } from '../orders/lines.js';
import type { Faq, StoredSegment } from './run-sheets.js';

export interface StoredSheet {
  segments: StoredSegment[];
  updatedAt: number;
}

export interface SheetProduct {
  id: string;
  sku: string;
  name: string;
  stock: number | null;
  usp: string | null;
  faqs: Faq[];
}

export async function findSheet(db: Db, orgId: string, sessionId: string): Promise<StoredSheet | null> {
  const row = await db
    .selectFrom('run_sheets')
    .select(['segments', 'updated_at'])
    .where('org_id', '=', orgId)
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  return row ? { segments: parseJson<StoredSegment[]>(row.segments, []), updatedAt: Number(row.updated_at) } : null;
}

/** Stores a first draft unless a sheet is already there (a concurrent first read stored it): one row per session. */
export async function insertDraft(db: Db, orgId: string, sessionId: string, segments: StoredSegment[], now: number) {
  await db
    .insertInto('run_sheets')
    .values({
      session_id: sessionId,
      org_id: orgId,
      segments: JSON.stringify(segments),
      drafted_at: now,
      updated_by: null,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('session_id').doNothing())
    .execute();
}

/** Replaces the segments (stores the sheet when none was drafted yet). */
export async function replaceSegments(
  db: Db,
  orgId: string,
  sessionId: string,
  segments: StoredSegment[],
  by: string | null,
  now: number,
) {
  const text = JSON.stringify(segments);
  await db
    .insertInto('run_sheets')
    .values({ session_id: sessionId, org_id: orgId, segments: text, drafted_at: now, updated_by: by, updated_at: now })
    .onConflict((oc) => oc.column('session_id').doUpdateSet({ segments: text, updated_by: by, updated_at: now }))
    .execute();
}

/** The org's products with these ids (reads the products table). */
export async function productsByIds(db: Db, orgId: string, ids: readonly string[]): Promise<Map<string, SheetProduct>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('products')
    .select(['id', 'sku', 'name', 'stock', 'usp', 'faqs'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        sku: r.sku,
        name: r.name,
        stock: r.stock === null ? null : Number(r.stock),
        usp: r.usp,
        faqs: parseJson<Faq[]>(r.faqs, []),
      },
    ]),
  );
}

const kept = sql.join(KEPT_STATUSES.map((status) => sql.lit(status)));

/** Net sales (Σ net − refund of pending and completed lines) of the org by SKU, order time in [from, to). */
export async function netSalesBySku(
  db: Db,
  orgId: string,
  skus: readonly string[],
  from: number,
  to: number,
): Promise<Map<string, number>> {
  if (!skus.length) return new Map();
  const rows = await db
    .selectFrom('order_lines as l')
    .select(['l.sku', sql<string>`sum(l.net_minor - l.refund_minor)`.as('net')])
    .where('l.org_id', '=', orgId)
    .where('l.sku', 'in', [...skus])
    .where(sql<boolean>`l.status in (${kept})`)
    .where('l.order_time', '>=', from)
    .where('l.order_time', '<', to)
    .groupBy('l.sku')
    .execute();
  return new Map(rows.map((r) => [r.sku ?? '', Number(r.net)]));
}
