import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import { writersAreSerialised } from '../../db/dialect.js';
import type { LedgerEntriesTable } from '../../db/schema.js';
import type { EntryKind, EntryStatus } from './ledger.js';

export type EntryRow = Selectable<LedgerEntriesTable>;
export type NewEntry = Insertable<LedgerEntriesTable>;

export interface Entry {
  id: string;
  orgId: string;
  kosId: string;
  kind: EntryKind;
  amountMinor: number;
  currency: string;
  status: EntryStatus;
  eligibleAt: number | null;
  lineId: string | null;
  sessionId: string | null;
  payoutId: string | null;
  planId: string | null;
  baseMinor: number | null;
  rateBps: number | null;
  defaultRate: boolean | null;
  causeAt: number;
  reason: string | null;
  createdBy: string | null;
  createdAt: number;
  updatedAt: number;
}

export const toEntry = (r: EntryRow): Entry => ({
  id: r.id,
  orgId: r.org_id,
  kosId: r.kos_id,
  kind: r.kind as EntryKind,
  amountMinor: r.amount_minor,
  currency: r.currency,
  status: r.status as EntryStatus,
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

/**
 * Serialises ledger changes per KOS: PostgreSQL takes the KOS rows' locks in id order (one statement,
 * a fixed order, so two bookings cannot deadlock); SQLite's single writer serialises them already.
 */
export async function lockKos(db: Db, orgId: string, kosIds: Iterable<string>): Promise<void> {
  if (writersAreSerialised(db)) return;
  const ids = [...new Set(kosIds)].sort();
  for (let i = 0; i < ids.length; i += 1000) {
    await db
      .selectFrom('kos')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', 'in', ids.slice(i, i + 1000))
      .orderBy('id')
      .forUpdate()
      .execute();
  }
}

export async function entriesOfLines(db: Db, orgId: string, lineIds: string[]): Promise<Entry[]> {
  const out: Entry[] = [];
  for (let i = 0; i < lineIds.length; i += 500) {
    const rows = await db
      .selectFrom('ledger_entries')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('line_id', 'in', lineIds.slice(i, i + 500))
      .execute();
    out.push(...rows.map(toEntry));
  }
  return out;
}

export async function entriesOfSession(db: Db, orgId: string, sessionId: string): Promise<Entry[]> {
  return (
    await db.selectFrom('ledger_entries').selectAll().where('org_id', '=', orgId).where('session_id', '=', sessionId).execute()
  ).map(toEntry);
}

export async function insertEntries(db: Db, entries: NewEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 200)
    await db
      .insertInto('ledger_entries')
      .values(entries.slice(i, i + 200))
      .execute();
}

/** Changes a pending entry (only pending entries change: approved and paid ones are final). */
export async function updatePendingEntry(
  db: Db,
  id: string,
  set: Partial<
    Pick<EntryRow, 'amount_minor' | 'eligible_at' | 'base_minor' | 'rate_bps' | 'default_rate' | 'plan_id' | 'status'>
  >,
  now: number,
): Promise<void> {
  await db
    .updateTable('ledger_entries')
    .set({ ...set, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

export interface EntryFilter {
  after?: string;
  limit: number;
  kosIds?: readonly string[];
  status?: string;
  kind?: string;
  from?: number;
  to?: number;
  payoutId?: string;
}

export async function listEntries(db: Db, orgId: string, f: EntryFilter): Promise<Entry[]> {
  let query = db.selectFrom('ledger_entries').selectAll().where('org_id', '=', orgId);
  if (f.after) query = query.where('id', '>', f.after);
  if (f.kosIds) query = f.kosIds.length ? query.where('kos_id', 'in', f.kosIds) : query.where((eb) => eb.lit(false));
  if (f.status) query = query.where('status', '=', f.status);
  if (f.kind) query = query.where('kind', '=', f.kind);
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
