import type { Db } from '../../db/database.js';
import type { Fingerprint } from './live-room.js';

/**
 * Reads only: the live room writes nothing. It reads the tied lines (orders), the session (livestreams)
 * and its products' stock in SQL, one round trip each, as docs/architecture.md allows for reads.
 */

/**
 * The change fingerprint of one session (docs/live-room.md), in one query of scalar subqueries: the
 * tied-lines part is answered from the partial index `order_lines_session` (migration 0015) alone.
 * Undefined when the session does not exist.
 */
export async function fingerprint(db: Db, orgId: string, sessionId: string): Promise<Fingerprint | undefined> {
  return db
    .selectFrom('livestreams as s')
    .select((eb) => {
      const lines = () => eb.selectFrom('order_lines as l').where('l.session_id', '=', sessionId).where('l.org_id', '=', orgId);
      const products = () =>
        eb
          .selectFrom('livestream_products as lp')
          .innerJoin('products as p', 'p.id', 'lp.product_id')
          .where('lp.session_id', '=', sessionId);
      return [
        's.updated_at as sessionUpdatedAt',
        lines()
          .select((x) => x.fn.countAll<number>().as('n'))
          .as('lines'),
        lines()
          .select((x) => x.fn.max('l.updated_at').as('u'))
          .as('linesUpdatedAt'),
        // Gross, unpaid lines and the latest order time change with a line's content even when an import
        // chunk writes it with the same `updated_at` as an earlier chunk (one `now` per import).
        lines()
          .select((x) => x.fn.sum<number>('l.gross_minor').as('g'))
          .as('linesGross'),
        lines()
          .select((x) => x.fn.sum<number>(x.case().when('l.status', '=', 'unpaid').then(1).else(0).end()).as('unpaid'))
          .as('linesUnpaid'),
        lines()
          .select((x) => x.fn.max('l.order_time').as('t'))
          .as('lastOrderTime'),
        products()
          .select((x) => x.fn.max('p.updated_at').as('u'))
          .as('productsUpdatedAt'),
        products()
          .select((x) => x.fn.sum<number>(x.fn.coalesce('p.stock', x.lit(-1))).as('s'))
          .as('productsStock'),
      ];
    })
    .where('s.id', '=', sessionId)
    .where('s.org_id', '=', orgId)
    .executeTakeFirst();
}

/** The count and the latest order time of the lines tied to a session (any status). */
export async function tiedLines(
  db: Db,
  orgId: string,
  sessionId: string,
): Promise<{ lines: number; lastOrderTime: number | null }> {
  const row = await db
    .selectFrom('order_lines')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('order_time').as('t')])
    .where('org_id', '=', orgId)
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  return { lines: Number(row?.n ?? 0), lastOrderTime: row?.t == null ? null : Number(row.t) };
}

/** The current stock of these products of the org, by id (null = not tracked). */
export async function stockOf(db: Db, orgId: string, productIds: readonly string[]): Promise<Map<string, number | null>> {
  if (productIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('products')
    .select(['id', 'stock'])
    .where('org_id', '=', orgId)
    .where('id', 'in', productIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r.stock === null ? null : Number(r.stock)]));
}
