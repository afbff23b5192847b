import type { Db } from '../../db/database.js';
import { dayInZone, dayStart, periodBounds } from '../../lib/time.js';
import type { Principal } from '../access/access.js';
import { closeContest } from '../contests/close.service.js';
import { contestCreate } from '../contests/contests.schema.js';
import { createContest } from '../contests/contests.service.js';
import type { DemoMonths } from './demo-payouts.js';

const ZONE = 'Asia/Ho_Chi_Minh';
const HOUR = 3_600_000;

const monthLabel = (period: string) => `${period.slice(5, 7)}/${period.slice(0, 4)}`;

/** A store PK (net sales, every store of the org) over a whole month, with prizes for the top three and one target. */
const storePk = (period: string) =>
  contestCreate.parse({
    name: `PK cửa hàng tháng ${monthLabel(period)}`,
    metric: 'netSales',
    scope: 'unit',
    unitKind: 'store',
    from: `${period}-01`,
    to: periodBounds(period, ZONE).lastDay,
    prizes: [
      { rankFrom: 1, rankTo: 1, amountMinor: 2_000_000 },
      { rankFrom: 2, rankTo: 2, amountMinor: 1_000_000 },
      { rankFrom: 3, rankTo: 3, amountMinor: 500_000 },
    ],
    targets: [{ value: 30_000_000, bonusMinor: 300_000 }],
  });

/**
 * The demo's contests (docs/contests.md): the store PK of the current month, running, and the one of the
 * paid month, closed on the 3rd of the month after — so its bonus entries are eligible in the approved
 * month and its payout close (which must run after this) pays them, tax withheld where due.
 */
export async function addDemoContests(
  db: Db,
  owner: Principal,
  months: DemoMonths,
  now: number,
  log: (msg: string) => void,
): Promise<void> {
  const current = dayInZone(now, ZONE).slice(0, 7);
  const running = await createContest(db, owner, storePk(current), now);
  const closedAt = dayStart(`${months.approved}-03`, ZONE) + 10 * HOUR;
  const past = await createContest(db, owner, storePk(months.paid), closedAt - 48 * HOUR);
  const { awards } = await closeContest(db, owner, past.id, closedAt);
  const total = awards.reduce((sum, a) => sum + a.amountMinor, 0);
  log(
    `demo: contests "${running.name}" (running) and "${past.name}" (closed: ${awards.length} bonuses, ${total} ₫, paid with ${months.approved})`,
  );
}
