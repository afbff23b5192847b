import type { Db } from '../../db/database.js';
import type { Principal } from '../access/access.js';
import { bookManual } from '../ledger/ledger.service.js';
import { approvePayout, closePeriod, markPayoutPaid } from '../payouts/payouts.service.js';

const VN = 7 * 3_600_000;

/** The demo's payout months, `YYYY-MM` in Vietnam time. */
export interface DemoMonths {
  /** Three months back: closed, approved and paid. */
  paid: string;
  /** Two months back: closed and approved, not paid yet. */
  approved: string;
  /** The last month that has ended: left open, so the README's tour can close, approve and pay it. */
  tour: string;
}

/** The payout months of a demo loaded at `now`: the three months before the current one (Vietnam time). */
export function demoMonths(now: number): DemoMonths {
  const vn = new Date(now + VN);
  const month = (offset: number) => {
    const d = new Date(Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth() - offset, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  };
  return { paid: month(3), approved: month(2), tour: month(1) };
}

/** A demo KOS as far as its tax withholding goes. */
export interface TaxedKos {
  id: string;
  code: string;
  status: string;
  taxProfile: { hasLabourContract3m: boolean; commitment08: boolean };
}

const BONUS_MINOR = 3_000_000;

/**
 * Books a 3 000 000 ₫ bonus in the tour month for two active KOS, so closing it shows the Vietnamese
 * withholding rule both ways: one without a labour contract or commitment 08 (10% withheld, the payout
 * being over 2 000 000 ₫) and one with a labour contract (nothing withheld). Returns their codes.
 */
export async function addTourBonuses(
  db: Db,
  owner: Principal,
  roster: readonly TaxedKos[],
  tour: string,
): Promise<{ withheld: string; exempt: string }> {
  const active = roster.filter((k) => k.status === 'active');
  const withheld = active.find((k) => !k.taxProfile.hasLabourContract3m && !k.taxProfile.commitment08);
  const exempt = active.find((k) => k.taxProfile.hasLabourContract3m);
  if (!withheld || !exempt) throw new Error('demo data: no KOS for the withholding example');
  const [year, month] = tour.split('-');
  const at = Date.UTC(Number(year), Number(month) - 1, 20, 10) - VN;
  const label = `${month}/${year}`;
  await bookManual(
    db,
    owner,
    { kosId: withheld.id, kind: 'bonus', amountMinor: BONUS_MINOR, reason: `Thưởng vượt chỉ tiêu doanh số tháng ${label}` },
    at,
  );
  await bookManual(
    db,
    owner,
    { kosId: exempt.id, kind: 'bonus', amountMinor: BONUS_MINOR, reason: `Thưởng tư vấn viên xuất sắc tháng ${label}` },
    at,
  );
  return { withheld: withheld.code, exempt: exempt.code };
}

/** Closes the paid and approved months of the demo: the first approved and paid, the second approved. */
export async function closeDemoMonths(db: Db, owner: Principal, months: DemoMonths, now: number, log: (msg: string) => void) {
  for (const period of [months.paid, months.approved]) {
    const { payouts } = await closePeriod(db, owner, period, now);
    for (const payout of payouts) {
      await approvePayout(db, owner, payout.id, now);
      if (period === months.paid)
        await markPayoutPaid(db, owner, payout.id, `VCB-${period.replace('-', '')}-${payout.kosId.slice(-6)}`, now);
    }
    log(`demo: closed ${period} with ${payouts.length} payouts (${period === months.paid ? 'paid' : 'approved, not paid yet'})`);
  }
}
