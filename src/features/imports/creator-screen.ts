import type { Db } from '../../db/database.js';
import { problem } from '../../lib/problems/problem.js';
import { tiktokLinesOfOrders } from './creator-lines.repository.js';
import type { ParsedRow } from './import-types.js';

/** Why a creator-side line is skipped: the seller-side report already holds it. */
export const SKIP_SELLER_LINE = 'already imported from tiktok_shop';

const BATCH = 500;
const keyOf = (orderId: string, skuId: string) => `${orderId}\u0001${skuId}`;

/**
 * Screens the parsed rows of a `tiktok_creator` import (docs/imports.md, "Creator-side reports"): a line the
 * `tiktok_shop` report already stored (same order id and SKU id) is skipped, never counted twice; a line
 * imported before for another KOS is a row error naming that KOS (a manual reassignment, or a line unassigned
 * by hand, is left to the usual rules).
 */
export async function* screenCreatorRows(
  db: Db,
  orgId: string,
  kosId: string,
  rows: AsyncIterable<ParsedRow>,
): AsyncGenerator<ParsedRow> {
  let batch: ParsedRow[] = [];
  const flush = async function* (): AsyncGenerator<ParsedRow> {
    const orderIds = [...new Set(batch.flatMap((r) => ('line' in r ? [r.line.orderId] : [])))];
    const facts = await tiktokLinesOfOrders(db, orgId, orderIds);
    const seller = new Set<string>();
    const others = new Map<string, string>();
    for (const fact of facts) {
      // A tiktok_shop line key is `skuId:creator`.
      if (fact.source === 'tiktok_shop') seller.add(keyOf(fact.orderId, fact.lineKey.split(':')[0] as string));
      else if (fact.kosId !== null && fact.kosId !== kosId && fact.attribution !== 'manual')
        others.set(keyOf(fact.orderId, fact.lineKey), fact.kosCode ?? fact.kosId);
    }
    for (const row of batch) {
      if (!('line' in row)) {
        yield row;
        continue;
      }
      const key = keyOf(row.line.orderId, row.line.lineKey);
      const other = others.get(key);
      if (seller.has(key)) yield { row: row.row, skip: SKIP_SELLER_LINE };
      else if (other !== undefined)
        yield {
          row: row.row,
          error: {
            field: 'kosId',
            message: `this line was imported for KOS ${other}; import it for that KOS, or reassign the line first`,
            ...problem('import.row.other_kos', { kos: other }),
          },
        };
      else yield row;
    }
    batch = [];
  };
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= BATCH) yield* flush();
  }
  if (batch.length) yield* flush();
}
