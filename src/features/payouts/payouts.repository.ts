import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { PayoutsTable } from '../../db/schema.js';
import type { PayoutStatus } from './payouts.js';

export interface Payout {
  id: string;
  kosId: string;
  period: string;
  grossMinor: number;
  withheldMinor: number;
  netMinor: number;
  currency: string;
  status: PayoutStatus;
  reference: string | null;
  createdAt: number;
  approvedAt: number | null;
  paidAt: number | null;
  entryIds: string[];
}

const toPayout = (r: Selectable<PayoutsTable>, entryIds: string[]): Payout => ({
  id: r.id,
  kosId: r.kos_id,
  period: r.period,
  grossMinor: r.gross_minor,
  withheldMinor: r.withheld_minor,
  netMinor: r.net_minor,
  currency: r.currency,
  status: r.status as PayoutStatus,
  reference: r.reference,
  createdAt: r.created_at,
  approvedAt: r.approved_at,
  paidAt: r.paid_at,
  entryIds,
});

async function withEntries(db: Db, rows: Selectable<PayoutsTable>[]): Promise<Payout[]> {
  if (rows.length === 0) return [];
  const entries = await db
    .selectFrom('ledger_entries')
    .select(['id', 'payout_id'])
    .where(
      'payout_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('id')
    .execute();
  const byPayout = new Map<string, string[]>();
  for (const e of entries) byPayout.set(e.payout_id as string, [...(byPayout.get(e.payout_id as string) ?? []), e.id]);
  return rows.map((r) => toPayout(r, byPayout.get(r.id) ?? []));
}

export async function listPayouts(
  db: Db,
  orgId: string,
  f: { after?: string; limit: number; period?: string; kosIds?: readonly string[]; status?: string },
): Promise<Payout[]> {
  let query = db.selectFrom('payouts').selectAll().where('org_id', '=', orgId);
  if (f.after) query = query.where('id', '>', f.after);
  if (f.period) query = query.where('period', '=', f.period);
  if (f.status) query = query.where('status', '=', f.status);
  if (f.kosIds) query = f.kosIds.length ? query.where('kos_id', 'in', f.kosIds) : query.where((eb) => eb.lit(false));
  return withEntries(db, await query.orderBy('id').limit(f.limit).execute());
}

export async function findPayout(db: Db, orgId: string, id: string): Promise<Payout | undefined> {
  const row = await db.selectFrom('payouts').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return row ? (await withEntries(db, [row]))[0] : undefined;
}

export async function periodClosed(db: Db, orgId: string, period: string): Promise<boolean> {
  return (
    (await db
      .selectFrom('payout_periods')
      .select('period')
      .where('org_id', '=', orgId)
      .where('period', '=', period)
      .executeTakeFirst()) !== undefined
  );
}

export async function markPeriodClosed(db: Db, orgId: string, period: string, by: string | null, now: number): Promise<void> {
  await db.insertInto('payout_periods').values({ org_id: orgId, period, closed_at: now, closed_by: by }).execute();
}

/** Unpaid (pending) entries eligible before `end`; sale entries only when their line is completed now. */
export async function closableEntries(db: Db, orgId: string, end: number) {
  return db
    .selectFrom('ledger_entries as e')
    .leftJoin('order_lines as l', 'l.id', 'e.line_id')
    .select(['e.id', 'e.kos_id', 'e.kind', 'e.amount_minor', 'e.base_minor', 'e.default_rate'])
    .where('e.org_id', '=', orgId)
    .where('e.status', '=', 'pending')
    .where('e.eligible_at', 'is not', null)
    .where('e.eligible_at', '<', end)
    .where((eb) => eb.or([eb('e.kind', '!=', 'sale'), eb('l.status', '=', 'completed')]))
    .orderBy('e.id')
    .execute();
}

export async function insertPayout(db: Db, row: Insertable<PayoutsTable>): Promise<void> {
  await db.insertInto('payouts').values(row).execute();
}

/** Moves entries into a payout: pending → approved. */
export async function approveEntries(db: Db, ids: string[], payoutId: string, now: number): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .updateTable('ledger_entries')
      .set({ status: 'approved', payout_id: payoutId, updated_at: now })
      .where('id', 'in', ids.slice(i, i + 500))
      .where('status', '=', 'pending')
      .execute();
  }
}

export async function setPayoutStatus(
  db: Db,
  orgId: string,
  id: string,
  set: Partial<Pick<Selectable<PayoutsTable>, 'status' | 'reference' | 'approved_at' | 'paid_at'>>,
): Promise<void> {
  await db.updateTable('payouts').set(set).where('org_id', '=', orgId).where('id', '=', id).execute();
}

export async function markEntriesPaid(db: Db, payoutId: string, now: number): Promise<void> {
  await db
    .updateTable('ledger_entries')
    .set({ status: 'paid', updated_at: now })
    .where('payout_id', '=', payoutId)
    .where('status', '=', 'approved')
    .execute();
}
