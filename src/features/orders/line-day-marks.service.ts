import { sql } from 'kysely';
import { type Db, eachChunk } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { DAY_MS } from '../../lib/time.js';

/**
 * The line store's dirty marks (docs/rollups.md "Freshness"): every write of order lines marks the UTC days
 * it touches, so that the analytics rollups know which days to refresh. The line store owns the marks (it
 * writes them in its own transactions); the rollups read them and delete those they have refreshed.
 */

/**
 * docs/rollups.md "Freshness": marks dirty the UTC days of these lines' order times and, before an update,
 * that of the stored line `replacedId` (its time before the update), inside the caller's transaction.
 * Marks are only ever inserted, each with its own id — writers never wait on one another — and a refresh
 * deletes exactly the marks it has read.
 */
export async function markRollupDays(
  db: Db,
  lines: readonly { orgId: string; orderTime: number }[],
  replacedId?: string,
): Promise<void> {
  const first = lines[0];
  if (!first) return;
  if (replacedId)
    await sql`insert into rollup_dirty (id, org_id, utc_day)
      select cast(${newId()} as text), org_id, cast(order_time / ${sql.lit(DAY_MS)} as integer) from order_lines
      where org_id = ${first.orgId} and id = ${replacedId}`.execute(db);
  const marks = new Map<string, { id: string; org_id: string; utc_day: number }>();
  for (const l of lines) {
    const utcDay = Math.floor(l.orderTime / DAY_MS);
    const key = `${l.orgId}|${utcDay}`;
    if (!marks.has(key)) marks.set(key, { id: newId(), org_id: l.orgId, utc_day: utcDay });
  }
  await db
    .insertInto('rollup_dirty')
    .values([...marks.values()])
    .execute();
}

export interface DirtyMark {
  id: string;
  utcDay: number;
}

/** The org's dirty marks (several may name one day). */
export async function dirtyMarks(db: Db, orgId: string): Promise<DirtyMark[]> {
  const rows = await db.selectFrom('rollup_dirty').select(['id', 'utc_day']).where('org_id', '=', orgId).execute();
  return rows.map((r) => ({ id: r.id, utcDay: Number(r.utc_day) }));
}

/** How many distinct dirty UTC days the org has, counting up to `atMost`. */
export async function dirtyDayCount(db: Db, orgId: string, atMost: number): Promise<number> {
  const rows = await db
    .selectFrom('rollup_dirty')
    .select('utc_day')
    .distinct()
    .where('org_id', '=', orgId)
    .limit(atMost)
    .execute();
  return rows.length;
}

/** Whether a UTC day in `[first, last]` of the org is dirty. */
export async function anyDirty(db: Db, orgId: string, first: number, last: number): Promise<boolean> {
  const row = await db
    .selectFrom('rollup_dirty')
    .select('utc_day')
    .where('org_id', '=', orgId)
    .where('utc_day', '>=', first)
    .where('utc_day', '<=', last)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Deletes the marks read (not those written since, docs/rollups.md "Freshness"). */
export async function clearMarks(db: Db, marks: readonly DirtyMark[]): Promise<void> {
  await eachChunk(
    marks.map((m) => m.id),
    (ids) => db.deleteFrom('rollup_dirty').where('id', 'in', ids).execute(),
  );
}
