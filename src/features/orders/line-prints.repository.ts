import { sql } from 'kysely';
import { preparedAllValues, sqliteTransactionHandle } from '../../db/bulk-insert.js';
import { type Db, inChunks } from '../../db/database.js';
import { writersAreSerialised } from '../../db/locks.js';
import { lineFingerprint } from './line-fingerprint.js';
import type { StoredLine } from './lines.js';

// The fingerprints of stored lines (migration 0021, docs/imports.md "Speed"): read first by a re-import,
// written once for lines stored before them.

/** What a re-import needs to know of a stored line first: its fingerprint, and whether it is unattributed. */
export interface LinePrint {
  fingerprint: string | null;
  unattributed: boolean;
}

/**
 * The fingerprints of the stored lines of these orders of one source, keyed `orderId\u0001lineKey`: four
 * columns a line instead of all of them (docs/imports.md, "Speed"). Every stored line of the orders is
 * there, so a key that is absent is a new line.
 */
export async function linePrintsOfOrders(
  db: Db,
  orgId: string,
  source: string,
  orderIds: string[],
): Promise<Map<string, LinePrint>> {
  const prints = new Map<string, LinePrint>();
  const add = (orderId: string, lineKey: string, fingerprint: string | null, attribution: string) =>
    prints.set(`${orderId}\u0001${lineKey}`, { fingerprint, unattributed: attribution === 'none' });
  const values = preparedAllValues(
    db,
    `select "order_id", "line_key", "fingerprint", "attribution" from "order_lines" where "org_id" = ? and "source" = ? and "order_id" in (select "value" from json_each(?))`,
    [orgId, source, JSON.stringify(orderIds)],
  );
  if (values) {
    for (const v of values) add(v[0] as string, v[1] as string, v[2] as string | null, v[3] as string);
    return prints;
  }
  const query = () =>
    db
      .selectFrom('order_lines')
      .select(['order_id', 'line_key', 'fingerprint', 'attribution'])
      .where('org_id', '=', orgId)
      .where('source', '=', source);
  const rows = writersAreSerialised(db)
    ? await inChunks(orderIds, (slice) => query().where('order_id', 'in', slice).execute())
    : await query().where(sql<boolean>`"order_id" = any(${orderIds}::text[])`).execute();
  for (const r of rows) add(r.order_id, r.line_key, r.fingerprint, r.attribution);
  return prints;
}

/**
 * Writes the fingerprints of stored lines that have none (stored before migration 0021) and were found
 * unchanged: only that column, so nothing else about them moves (docs/imports.md, "Speed").
 */
export async function writeFingerprints(db: Db, orgId: string, lines: StoredLine[]): Promise<void> {
  if (lines.length === 0) return;
  const ids = lines.map((l) => l.id);
  const prints = lines.map((l) => lineFingerprint(l));
  const handle = sqliteTransactionHandle(db);
  if (handle) {
    const text = 'update "order_lines" set "fingerprint" = ? where "org_id" = ? and "id" = ?';
    let statement = handle.statements.get(text);
    if (!statement) {
      statement = handle.database.prepare(text);
      handle.statements.set(text, statement);
    }
    for (let i = 0; i < ids.length; i++) statement.run(prints[i], orgId, ids[i]);
    return;
  }
  if (writersAreSerialised(db)) {
    for (let i = 0; i < ids.length; i++)
      await db
        .updateTable('order_lines')
        .set({ fingerprint: prints[i] })
        .where('org_id', '=', orgId)
        .where('id', '=', ids[i] as string)
        .execute();
    return;
  }
  await sql`update "order_lines" set "fingerprint" = "v"."fingerprint"
    from unnest(${ids}::text[], ${prints}::text[]) as "v"("id", "fingerprint")
    where "order_lines"."org_id" = ${orgId} and "order_lines"."id" = "v"."id"`.execute(db);
}
