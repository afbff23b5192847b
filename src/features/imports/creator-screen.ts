import type { Db } from '../../db/database.js';
import { problem } from '../../lib/problems/problem.js';
import { type TiktokLineFact, tiktokLinesOfOrders } from './creator-lines.repository.js';
import type { ParsedRow } from './import-types.js';

/** Why a creator-side line is skipped: the seller-side report already holds it. */
export const SKIP_SELLER_LINE = 'already imported from tiktok_shop';
/** Why a seller-side line is skipped: a creator-side report already holds it. */
export const SKIP_CREATOR_LINE = 'already imported from tiktok_creator';

const BATCH = 500;
const keyOf = (orderId: string, skuId: string) => `${orderId}\u0001${skuId}`;
// A tiktok_shop line key is `skuId:creator`; a tiktok_creator line key is the SKU id.
const skuIdOf = (fact: { lineKey: string }) => fact.lineKey.split(':')[0] as string;

type Verdict = (row: ParsedRow & { line: unknown }, key: string) => ParsedRow;

/**
 * Screens parsed rows in batches against the TikTok lines already stored for their orders: `judge` sees a
 * batch's stored facts once and answers how each row with a line goes on (as it is, skipped or a row error).
 */
async function* screenInBatches(
  db: Db,
  orgId: string,
  rows: AsyncIterable<ParsedRow>,
  judge: (facts: TiktokLineFact[]) => Verdict,
): AsyncGenerator<ParsedRow> {
  let batch: ParsedRow[] = [];
  const flush = async function* (): AsyncGenerator<ParsedRow> {
    const orderIds = [...new Set(batch.flatMap((r) => ('line' in r ? [r.line.orderId] : [])))];
    const verdict = judge(await tiktokLinesOfOrders(db, orgId, orderIds));
    for (const row of batch) yield 'line' in row ? verdict(row, keyOf(row.line.orderId, skuIdOf(row.line))) : row;
    batch = [];
  };
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= BATCH) yield* flush();
  }
  if (batch.length) yield* flush();
}

/**
 * Screens the parsed rows of a `tiktok_creator` import (docs/imports.md, "Creator-side reports"): a line the
 * `tiktok_shop` report already stored (same order id and SKU id) is skipped, never counted twice; a line
 * imported before for another KOS is a row error naming that KOS (a manual reassignment, or a line unassigned
 * by hand, is left to the usual rules).
 */
export function screenCreatorRows(
  db: Db,
  orgId: string,
  kosId: string,
  rows: AsyncIterable<ParsedRow>,
): AsyncGenerator<ParsedRow> {
  return screenInBatches(db, orgId, rows, (facts) => {
    const seller = new Set<string>();
    const others = new Map<string, string>();
    for (const fact of facts) {
      if (fact.source === 'tiktok_shop') seller.add(keyOf(fact.orderId, skuIdOf(fact)));
      else if (fact.kosId !== null && fact.kosId !== kosId && fact.attribution !== 'manual')
        others.set(keyOf(fact.orderId, fact.lineKey), fact.kosCode ?? fact.kosId);
    }
    return (row, key) => {
      const other = others.get(key);
      if (seller.has(key)) return { row: row.row, skip: SKIP_SELLER_LINE };
      if (other === undefined) return row;
      return {
        row: row.row,
        error: {
          field: 'kosId',
          message: `this line was imported for KOS ${other}; import it for that KOS, or reassign the line first`,
          ...problem('import.row.other_kos', { kos: other }),
        },
      };
    };
  });
}

/**
 * Screens the parsed rows of a `tiktok_shop` import the other way round (docs/imports.md, "Creator-side
 * reports"): a line a `tiktok_creator` report stored first (same order id and SKU id) is skipped, so the
 * sale is counted once whichever report arrives first.
 */
export function screenSellerRows(db: Db, orgId: string, rows: AsyncIterable<ParsedRow>): AsyncGenerator<ParsedRow> {
  return screenInBatches(db, orgId, rows, (facts) => {
    const creator = new Set(facts.filter((f) => f.source === 'tiktok_creator').map((f) => keyOf(f.orderId, f.lineKey)));
    return (row, key) => (creator.has(key) ? { row: row.row, skip: SKIP_CREATOR_LINE } : row);
  });
}
