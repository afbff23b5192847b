import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import { bulkInsert, preparedAll } from '../../db/bulk-insert.js';
import type { Db } from '../../db/database.js';
import { eachChunk, inChunks } from '../../db/database.js';
import { lockRows, writersAreSerialised } from '../../db/locks.js';
import type { LedgerEntriesTable } from '../../db/schema.js';
import type { Entry, EntryKind, NewEntry, PendingChange } from './ledger.js';

/**
 * The only SQL that touches `ledger_entries` (the ledger owns the table: docs/architecture.md). Rows are
 * snake_case here and camelCase `Entry` everywhere else.
 */
type EntryRow = Selectable<LedgerEntriesTable>;

const toEntry = (r: EntryRow): Entry => ({
  id: r.id,
  orgId: r.org_id,
  kosId: r.kos_id,
  kind: r.kind,
  amountMinor: r.amount_minor,
  currency: r.currency,
  status: r.status,
  eligibleAt: r.eligible_at,
  lineId: r.line_id,
  sessionId: r.session_id,
  payoutId: r.payout_id,
  planId: r.plan_id,
  baseMinor: r.base_minor,
  rateBps: r.rate_bps,
  defaultRate: r.default_rate === null ? null : r.default_rate === 1,
  causeAt: r.cause_at,
  reason: r.reason,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The one place a ledger row is written from its camelCase description. */
function toRow(e: NewEntry, now: number): Insertable<LedgerEntriesTable> {
  return {
    id: e.id,
    org_id: e.orgId,
    kos_id: e.kosId,
    kind: e.kind,
    amount_minor: e.amountMinor,
    currency: e.currency,
    status: e.status,
    eligible_at: e.eligibleAt,
    line_id: e.lineId ?? null,
    session_id: e.sessionId ?? null,
    payout_id: e.payoutId ?? null,
    plan_id: e.planId ?? null,
    base_minor: e.baseMinor ?? null,
    rate_bps: e.rateBps ?? null,
    default_rate: e.defaultRate === undefined || e.defaultRate === null ? null : e.defaultRate ? 1 : 0,
    cause_at: e.causeAt,
    reason: e.reason ?? null,
    created_by: e.createdBy ?? null,
    created_at: now,
    updated_at: now,
  };
}

function toChange(c: PendingChange): Updateable<LedgerEntriesTable> {
  return {
    ...(c.amountMinor !== undefined ? { amount_minor: c.amountMinor } : {}),
    ...(c.eligibleAt !== undefined ? { eligible_at: c.eligibleAt } : {}),
    ...(c.baseMinor !== undefined ? { base_minor: c.baseMinor } : {}),
    ...(c.rateBps !== undefined ? { rate_bps: c.rateBps } : {}),
    ...(c.defaultRate !== undefined ? { default_rate: c.defaultRate === null ? null : c.defaultRate ? 1 : 0 } : {}),
    ...(c.planId !== undefined ? { plan_id: c.planId } : {}),
    ...(c.status !== undefined ? { status: c.status } : {}),
  };
}

/** Serialises ledger changes per KOS (row locks on PostgreSQL; SQLite's single writer already does). */
export const lockKos = (db: Db, kosIds: Iterable<string>): Promise<void> => lockRows(db, 'kos', kosIds);

/**
 * The entries of a chunk's lines on SQLite, by `ledger_line`: `+` keeps the org's term off the indexes, or
 * SQLite, without statistics, walks every entry of the org through `ledger_org_kos_status` and each chunk of
 * an import is slower than the last (docs/imports.md, "Speed"). The org is still checked on every row.
 */
export const ENTRIES_OF_LINES_SQLITE =
  'select * from "ledger_entries" where +"org_id" = ? and "line_id" in (select "value" from json_each(?))';

export async function entriesOfLines(db: Db, orgId: string, lineIds: string[]): Promise<Entry[]> {
  // SQLite in an import's transaction: one prepared statement for the whole chunk (docs/imports.md, "Speed").
  const prepared = preparedAll<EntryRow>(db, ENTRIES_OF_LINES_SQLITE, [orgId, JSON.stringify(lineIds)]);
  const rows =
    prepared ??
    (writersAreSerialised(db)
      ? await inChunks(lineIds, (ids) =>
          db.selectFrom('ledger_entries').selectAll().where('org_id', '=', orgId).where('line_id', 'in', ids).execute(),
        )
      : // PostgreSQL: the keys as one array parameter, one round trip.
        await db
          .selectFrom('ledger_entries')
          .selectAll()
          .where('org_id', '=', orgId)
          .where(sql<boolean>`"line_id" = any(${lineIds}::text[])`)
          .execute());
  return rows.map(toEntry);
}

export async function entriesOfSession(db: Db, orgId: string, sessionId: string): Promise<Entry[]> {
  const rows = await db
    .selectFrom('ledger_entries')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('session_id', '=', sessionId)
    .execute();
  return rows.map(toEntry);
}

export async function insertEntries(db: Db, entries: readonly NewEntry[], now: number): Promise<void> {
  await bulkInsert(
    db,
    'ledger_entries',
    entries.map((e) => toRow(e, now)),
  );
}

/** Changes a pending entry (only pending entries change: approved and paid ones are final). */
export async function updatePendingEntry(db: Db, id: string, change: PendingChange, now: number): Promise<void> {
  await db
    .updateTable('ledger_entries')
    .set({ ...toChange(change), updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** Moves pending entries into a payout: pending → approved. */
export async function approveIntoPayout(db: Db, ids: readonly string[], payoutId: string, now: number): Promise<void> {
  await eachChunk(ids, (slice) =>
    db
      .updateTable('ledger_entries')
      .set({ status: 'approved', payout_id: payoutId, updated_at: now })
      .where('id', 'in', slice)
      .where('status', '=', 'pending')
      .execute(),
  );
}

/** A paid payout's entries: approved → paid, never to change again. */
export async function markPayoutEntriesPaid(db: Db, payoutId: string, now: number): Promise<void> {
  await db
    .updateTable('ledger_entries')
    .set({ status: 'paid', updated_at: now })
    .where('payout_id', '=', payoutId)
    .where('status', '=', 'approved')
    .execute();
}

/** Unpaid (pending) entries of an org eligible before `end`, oldest first. */
export async function pendingEligibleBefore(db: Db, orgId: string, end: number): Promise<Entry[]> {
  const rows = await db
    .selectFrom('ledger_entries')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('status', '=', 'pending')
    .where('eligible_at', 'is not', null)
    .where('eligible_at', '<', end)
    .orderBy('id')
    .execute();
  return rows.map(toEntry);
}

/** The entry ids of each payout, in booking order. */
export async function entryIdsOfPayouts(db: Db, payoutIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await inChunks(payoutIds, (ids) =>
    db.selectFrom('ledger_entries').select(['id', 'payout_id']).where('payout_id', 'in', ids).orderBy('id').execute(),
  );
  const byPayout = new Map<string, string[]>();
  for (const row of rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const payoutId = row.payout_id as string;
    byPayout.set(payoutId, [...(byPayout.get(payoutId) ?? []), row.id]);
  }
  return byPayout;
}

export interface EntryFilter {
  after?: string;
  limit: number;
  kosIds?: readonly string[];
  status?: string;
  kind?: EntryKind | string;
  from?: number;
  to?: number;
  payoutId?: string;
}

export async function listEntries(db: Db, orgId: string, f: EntryFilter): Promise<Entry[]> {
  let query = db.selectFrom('ledger_entries').selectAll().where('org_id', '=', orgId);
  if (f.after) query = query.where('id', '>', f.after);
  if (f.kosIds) query = f.kosIds.length ? query.where('kos_id', 'in', f.kosIds) : query.where((eb) => eb.lit(false));
  if (f.status) query = query.where('status', '=', f.status as Entry['status']);
  if (f.kind) query = query.where('kind', '=', f.kind as EntryKind);
  if (f.from !== undefined) query = query.where('cause_at', '>=', f.from);
  if (f.to !== undefined) query = query.where('cause_at', '<', f.to);
  if (f.payoutId) query = query.where('payout_id', '=', f.payoutId);
  return (await query.orderBy('id').limit(f.limit).execute()).map(toEntry);
}

export async function findEntry(db: Db, orgId: string, id: string): Promise<Entry | undefined> {
  const row = await db
    .selectFrom('ledger_entries')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toEntry(row);
}
