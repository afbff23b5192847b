import { type Db, withTransaction } from '../../db/database.js';
import { addToDaily, insertNewClicks } from './click-store.repository.js';
import { type DailyDelta, dailyDeltas } from './daily-rollup.js';

/** A click as stored, with the day of its org's calendar that its rollup row is. */
export interface ClickRow {
  clickId: string;
  orgId: string;
  linkId: string;
  kosId: string;
  clickedAt: number;
  /** `dayInZone(clickedAt, org timezone)`: the `link_daily` row the click counts in. */
  day: string;
  visitorHash: string;
  userAgent: string | null;
  referrerHost: string | null;
  device: string;
  isBot: boolean;
  isUnique: boolean;
}

/**
 * Stores enriched clicks exactly once by click id, with `link_daily`, in one transaction (and the
 * click log's checkpoint, when given, in the same one): the one way clicks go into the database — the
 * click log's ingester and the batched writer call it (docs/clicks.md "Ingestion exactly once"). The
 * rollup gets only the clicks this insert stored: a batch retried after a commit whose answer was lost
 * finds its rows there already and must not be counted twice. The batch is summed per (link, day) in
 * memory first, so `link_daily` gets one update per key, not per click (docs/clicks.md "Ingestion cost").
 */
export async function insertClicks(db: Db, clicks: ClickRow[], checkpoint?: LogCheckpoint): Promise<void> {
  await withTransaction(db, async (trx) => {
    if (checkpoint) await saveCheckpoint(trx, checkpoint);
    const inserted = await insertNewClicks(trx, clicks);
    await addToDaily(trx, dailyDeltas(inserted));
  });
}

/** Where the ingester stands in one instance's click log (docs/clicks.md "Ingestion"). */
export interface LogCheckpoint {
  instance: string;
  segment: number;
  offset: number;
}

/** The stored checkpoint of an instance's click log, or null before its first ingestion. */
export async function readCheckpoint(db: Db, instance: string): Promise<LogCheckpoint | null> {
  const row = await db
    .selectFrom('click_log_checkpoints')
    .select(['segment', 'byte_offset'])
    .where('instance', '=', instance)
    .executeTakeFirst();
  return row ? { instance, segment: Number(row.segment), offset: Number(row.byte_offset) } : null;
}

/** Stores the checkpoint (inside the caller's transaction when there is one). */
export async function saveCheckpoint(db: Db, c: LogCheckpoint): Promise<void> {
  const now = Date.now();
  await db
    .insertInto('click_log_checkpoints')
    .values({ instance: c.instance, segment: c.segment, byte_offset: c.offset, updated_at: now })
    .onConflict((oc) => oc.column('instance').doUpdateSet({ segment: c.segment, byte_offset: c.offset, updated_at: now }))
    .execute();
}

/** Non-bot clicks (repeats included) and unique non-bot clicks per link, from the rollup. */
export async function linkClickCounts(
  db: Db,
  orgId: string,
  linkIds: string[],
): Promise<Map<string, { clicks: number; unique: number }>> {
  const counts = new Map<string, { clicks: number; unique: number }>();
  if (linkIds.length === 0) return counts;
  const rows = await db
    .selectFrom('link_daily')
    .select([
      'link_id',
      (eb) => eb.fn.sum<number>('clicks').as('clicks'),
      (eb) => eb.fn.sum<number>('unique_clicks').as('unique'),
    ])
    .where('org_id', '=', orgId)
    .where('link_id', 'in', linkIds)
    .groupBy('link_id')
    .execute();
  for (const row of rows) counts.set(row.link_id, { clicks: Number(row.clicks), unique: Number(row.unique) });
  return counts;
}

/** A recorded click by its id, within an org (for attribution). */
export async function findClick(db: Db, orgId: string, clickId: string) {
  return db
    .selectFrom('clicks')
    .select(['click_id', 'link_id', 'kos_id', 'clicked_at', 'is_bot'])
    .where('click_id', '=', clickId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

/** Raw clicks of an org in click-time order, for rebuilding the rollup. */
export async function* streamOrgClicks(db: Db, orgId: string, batch = 5000) {
  let after: { at: number; id: string } | null = null;
  for (;;) {
    let query = db
      .selectFrom('clicks')
      .select(['click_id', 'link_id', 'kos_id', 'clicked_at', 'is_bot', 'is_unique'])
      .where('org_id', '=', orgId);
    if (after) {
      const { at, id } = after;
      query = query.where((eb) =>
        eb.or([eb('clicked_at', '>', at), eb.and([eb('clicked_at', '=', at), eb('click_id', '>', id)])]),
      );
    }
    const rows = await query.orderBy('clicked_at').orderBy('click_id').limit(batch).execute();
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1] as (typeof rows)[number];
    after = { at: last.clicked_at, id: last.click_id };
  }
}

/** Replaces the org's whole daily rollup with these rows, and its monthly one with their sums, in one transaction. */
export async function replaceOrgRollup(db: Db, orgId: string, deltas: DailyDelta[]): Promise<void> {
  await withTransaction(db, async (trx) => {
    await trx.deleteFrom('link_daily').where('org_id', '=', orgId).execute();
    await trx.deleteFrom('link_monthly').where('org_id', '=', orgId).execute();
    await addToDaily(trx, deltas);
  });
}
