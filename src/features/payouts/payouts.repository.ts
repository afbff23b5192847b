import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { PayoutsTable } from '../../db/schema.js';
import type { Payout, PayoutStatus } from './payouts.js';

/** A payout row without its entries (the ledger knows which entries a payout took). */
export type PayoutRow = Omit<Payout, 'entryIds'>;

const toPayout = (r: Selectable<PayoutsTable>): PayoutRow => ({
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
});

export async function listPayouts(
  db: Db,
  orgId: string,
  f: { after?: string; limit: number; period?: string; kosIds?: readonly string[]; status?: string },
): Promise<PayoutRow[]> {
  let query = db.selectFrom('payouts').selectAll().where('org_id', '=', orgId);
  if (f.after) query = query.where('id', '>', f.after);
  if (f.period) query = query.where('period', '=', f.period);
  if (f.status) query = query.where('status', '=', f.status);
  if (f.kosIds) query = f.kosIds.length ? query.where('kos_id', 'in', f.kosIds) : query.where((eb) => eb.lit(false));
  return (await query.orderBy('id').limit(f.limit).execute()).map(toPayout);
}

export async function findPayout(db: Db, orgId: string, id: string): Promise<PayoutRow | undefined> {
  const row = await db.selectFrom('payouts').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return row && toPayout(row);
}

export async function periodClosed(db: Db, orgId: string, period: string): Promise<boolean> {
  const row = await db
    .selectFrom('payout_periods')
    .select('period')
    .where('org_id', '=', orgId)
    .where('period', '=', period)
    .executeTakeFirst();
  return row !== undefined;
}

export async function markPeriodClosed(db: Db, orgId: string, period: string, by: string | null, now: number): Promise<void> {
  await db.insertInto('payout_periods').values({ org_id: orgId, period, closed_at: now, closed_by: by }).execute();
}

export async function insertPayout(db: Db, row: Insertable<PayoutsTable>): Promise<void> {
  await db.insertInto('payouts').values(row).execute();
}

export async function setPayoutStatus(
  db: Db,
  orgId: string,
  id: string,
  set: Partial<Pick<Selectable<PayoutsTable>, 'status' | 'reference' | 'approved_at' | 'paid_at'>>,
): Promise<void> {
  await db.updateTable('payouts').set(set).where('org_id', '=', orgId).where('id', '=', id).execute();
}
