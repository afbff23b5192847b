import { sql } from 'kysely';
import { type SqliteHandle, sqliteTransactionHandle } from '../../db/bulk-insert.js';
import type { Db } from '../../db/database.js';
import type { ClickRow } from './clicks.repository.js';
import { type DailyDelta, monthlyDeltas } from './daily-rollup.js';

/**
 * The bulk statements of click ingestion (docs/clicks.md "Ingestion cost"), run inside the caller's
 * transaction: on SQLite, single-row statements prepared once per connection and reused (no query
 * building per batch); on PostgreSQL, one `unnest` statement per slice of 5 000 rows — the parameters
 * are eleven arrays, whatever the number of rows. A SQLite `Db` always carries its handle (database.ts).
 */

const CLICK_COLUMNS =
  'click_id, org_id, link_id, kos_id, clicked_at, visitor_hash, user_agent, referrer_host, device, is_bot, is_unique';
const SQLITE_INSERT_CLICK = `insert into clicks (${CLICK_COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (click_id) do nothing`;

/** The two count tables: per link and day, and per link and month (docs/clicks.md "Daily and monthly counts"). */
type CountTable = 'link_daily' | 'link_monthly';
const countColumns = (table: CountTable) =>
  `link_id, ${table === 'link_daily' ? 'day' : 'month'}, org_id, kos_id, clicks, unique_clicks, bots`;
const addToCounts = (table: CountTable) =>
  `on conflict (link_id, ${table === 'link_daily' ? 'day' : 'month'}) do update set clicks = ${table}.clicks + excluded.clicks, ` +
  `unique_clicks = ${table}.unique_clicks + excluded.unique_clicks, bots = ${table}.bots + excluded.bots`;
const PG_SLICE = 5000;

function prepared(handle: SqliteHandle, text: string) {
  let statement = handle.statements.get(text);
  if (!statement) {
    statement = handle.database.prepare(text);
    handle.statements.set(text, statement);
  }
  return statement;
}

/**
 * Inserts the clicks whose id is not stored yet (a present id is the same click: ids are random) and
 * answers those it inserted, in the order given.
 */
export async function insertNewClicks(trx: Db, clicks: readonly ClickRow[]): Promise<ClickRow[]> {
  const handle = sqliteTransactionHandle(trx);
  const inserted: ClickRow[] = [];
  if (handle) {
    const insert = prepared(handle, SQLITE_INSERT_CLICK);
    for (const c of clicks) {
      const { changes } = insert.run(
        c.clickId,
        c.orgId,
        c.linkId,
        c.kosId,
        c.clickedAt,
        c.visitorHash,
        c.userAgent,
        c.referrerHost,
        c.device,
        c.isBot ? 1 : 0,
        c.isUnique ? 1 : 0,
      );
      if (changes > 0) inserted.push(c);
    }
    return inserted;
  }
  for (let i = 0; i < clicks.length; i += PG_SLICE) {
    const slice = clicks.slice(i, i + PG_SLICE);
    const column = <T>(pick: (c: ClickRow) => T) => slice.map(pick);
    const { rows } = await sql<{ click_id: string }>`
      insert into clicks (${sql.raw(CLICK_COLUMNS)})
      select * from unnest(
        ${column((c) => c.clickId)}::text[], ${column((c) => c.orgId)}::text[], ${column((c) => c.linkId)}::text[],
        ${column((c) => c.kosId)}::text[], ${column((c) => c.clickedAt)}::bigint[], ${column((c) => c.visitorHash)}::text[],
        ${column((c) => c.userAgent)}::text[], ${column((c) => c.referrerHost)}::text[], ${column((c) => c.device)}::text[],
        ${column((c) => (c.isBot ? 1 : 0))}::integer[], ${column((c) => (c.isUnique ? 1 : 0))}::integer[])
      on conflict (click_id) do nothing
      returning click_id`.execute(trx);
    const fresh = new Set(rows.map((row) => row.click_id));
    for (const c of slice) if (fresh.has(c.clickId)) inserted.push(c);
  }
  return inserted;
}

/**
 * Adds per-(link, day) sums to `link_daily` and their per-(link, month) sums to `link_monthly`, in the
 * caller's transaction (one row per key: `dailyDeltas` aggregates the batch first).
 */
export async function addToDaily(trx: Db, deltas: readonly DailyDelta[]): Promise<void> {
  await addCounts(trx, 'link_daily', deltas);
  await addCounts(trx, 'link_monthly', monthlyDeltas(deltas));
}

async function addCounts(trx: Db, table: CountTable, deltas: readonly DailyDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  const handle = sqliteTransactionHandle(trx);
  if (handle) {
    const add = prepared(
      handle,
      `insert into ${table} (${countColumns(table)}) values (?, ?, ?, ?, ?, ?, ?) ${addToCounts(table)}`,
    );
    for (const d of deltas) add.run(d.linkId, d.day, d.orgId, d.kosId, d.clicks, d.uniqueClicks, d.bots);
    return;
  }
  for (let i = 0; i < deltas.length; i += PG_SLICE) {
    const slice = deltas.slice(i, i + PG_SLICE);
    const column = <T>(pick: (d: DailyDelta) => T) => slice.map(pick);
    await sql`
      insert into ${sql.raw(table)} (${sql.raw(countColumns(table))})
      select * from unnest(
        ${column((d) => d.linkId)}::text[], ${column((d) => d.day)}::text[], ${column((d) => d.orgId)}::text[],
        ${column((d) => d.kosId)}::text[], ${column((d) => d.clicks)}::bigint[], ${column((d) => d.uniqueClicks)}::bigint[],
        ${column((d) => d.bots)}::bigint[])
      ${sql.raw(addToCounts(table))}`.execute(trx);
  }
}
