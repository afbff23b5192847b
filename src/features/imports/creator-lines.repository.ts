import type { Db } from '../../db/database.js';

/** A stored TikTok line of an order, as the creator-side import screens against it. */
export interface TiktokLineFact {
  orderId: string;
  lineKey: string;
  source: string;
  kosId: string | null;
  kosCode: string | null;
  attribution: string;
}

/** The org's stored `tiktok_shop` and `tiktok_creator` lines of these orders (read only: the orders feature writes them). */
export async function tiktokLinesOfOrders(db: Db, orgId: string, orderIds: string[]): Promise<TiktokLineFact[]> {
  if (orderIds.length === 0) return [];
  const rows = await db
    .selectFrom('order_lines')
    .leftJoin('kos', 'kos.id', 'order_lines.kos_id')
    .select([
      'order_lines.order_id',
      'order_lines.line_key',
      'order_lines.source',
      'order_lines.kos_id',
      'kos.code',
      'order_lines.attribution',
    ])
    .where('order_lines.org_id', '=', orgId)
    .where('order_lines.source', 'in', ['tiktok_shop', 'tiktok_creator'])
    .where('order_lines.order_id', 'in', orderIds)
    .execute();
  return rows.map((r) => ({
    orderId: r.order_id,
    lineKey: r.line_key,
    source: r.source,
    kosId: r.kos_id,
    kosCode: r.code,
    attribution: r.attribution,
  }));
}
