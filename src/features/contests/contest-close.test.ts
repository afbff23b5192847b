import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type TestContext, useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { signedWebhookRequest } from '../../../test/support/webhook-signing.js';
import { addDays, dayInZone, dayStart } from '../../lib/time.js';
import { systemPrincipal } from '../access/access.js';
import { closePeriod } from '../payouts/payouts.service.js';
import { contestAwards } from './awards.js';
import { closeContest } from './close.service.js';
import { rankStandings } from './standings.js';

const SECRET = 'contest-close-secret-0123456789';
const ZONE = 'Asia/Ho_Chi_Minh';
const CODES = ['KOSA', 'KOSB', 'KOSC', 'KOSD', 'KOSE'];

interface Setup {
  key: string;
  orgId: string;
  ids: string[];
  storeOf: string[];
  storeIds: string[];
}

/** An org with five active KOS over two stores, each with its net sales on one day (0 = no line). */
async function setup(t: TestContext, sales: readonly number[], day: string, tag: string): Promise<Setup> {
  const org = await t.newOrg();
  const key = org.apiKey;
  const post = async (url: string, body: object) => {
    const res = await t.call(key, 'POST', url, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  expect((await t.call(key, 'PATCH', '/api/v1/org', { webhookSecret: SECRET })).statusCode).toBe(200);
  const storeIds = [
    await post('/api/v1/units', { name: 'Store Q1', kind: 'store' }),
    await post('/api/v1/units', { name: 'Store Q7', kind: 'store' }),
  ];
  const storeOf = CODES.map((_, i) => storeIds[i % 2] as string);
  const ids: string[] = [];
  for (const [i, code] of CODES.entries())
    ids.push(
      await post('/api/v1/kos', {
        code,
        handle: `${code}-${tag}`.toLowerCase(),
        name: code,
        relationship: 'independent',
        status: 'active',
        unitId: storeOf[i],
      }),
    );
  const lines = sales.flatMap((net, i) =>
    net > 0
      ? [
          {
            platform: 'shopee',
            orderId: `P-${i}`,
            status: 'completed',
            orderTime: `${day}T10:00:00+07:00`,
            completedTime: `${day}T12:00:00+07:00`,
            quantity: 1,
            grossMinor: net,
            netMinor: net,
            currency: 'VND',
            kosCode: CODES[i],
          },
        ]
      : [],
  );
  if (lines.length) expect((await t.app.inject(signedWebhookRequest(key, SECRET, { lines }, 'unique'))).statusCode).toBe(201);
  return { key, orgId: org.orgId, ids, storeOf, storeIds };
}

const prizesArb = fc
  .array(
    fc.record({ gap: fc.nat(1), width: fc.integer({ min: 1, max: 2 }), amountMinor: fc.integer({ min: 1, max: 5_000_000 }) }),
    {
      maxLength: 3,
    },
  )
  .map((list) => {
    let next = 1;
    return list.map(({ gap, width, amountMinor }) => {
      const rankFrom = next + gap;
      next = rankFrom + width;
      return { rankFrom, rankTo: rankFrom + width - 1, amountMinor };
    });
  });
const targetsArb = fc
  .uniqueArray(fc.integer({ min: 1, max: 6 }), { maxLength: 5 })
  .chain((values) =>
    fc.tuple(
      fc.constant([...values].sort((a, b) => a - b).map((v) => v * 100_000)),
      fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: values.length, maxLength: values.length }),
    ),
  )
  .map(([values, bonuses]) => values.map((value, i) => ({ value, bonusMinor: bonuses[i] as number })));

describe.each(DIALECTS)('closing a contest on %s', (dialect) => {
  const t = useTestApp(dialect);
  const today = dayInZone(Date.now(), ZONE);
  const from = addDays(today, -9);
  const to = addDays(today, -3);
  let run = 0;

  test('property: closing twice books nothing the second time, and Σ awards = Σ bonus entries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom<number>(0, 100_000, 250_000, 400_000, 700_000), { minLength: 5, maxLength: 5 }),
        fc.constantFrom('kos' as const, 'unit' as const),
        prizesArb,
        targetsArb,
        async (sales, scope, prizes, targets) => {
          const s = await setup(t, sales, addDays(from, 2), `${dialect}-${++run}`);
          const body = {
            name: `P${run}`,
            metric: 'netSales',
            from,
            to,
            scope,
            prizes,
            targets,
            ...(scope === 'unit' ? { unitKind: 'store' } : {}),
          };
          const made = await t.call(s.key, 'POST', '/api/v1/contests', body);
          expect(made.statusCode, made.body).toBe(201);
          const id = made.json().id;
          const bonuses = async () =>
            (await t.call(s.key, 'GET', '/api/v1/ledger?kind=bonus&limit=500')).json().items as {
              id: string;
              amountMinor: number;
            }[];
          const first = await t.call(s.key, 'POST', `/api/v1/contests/${id}/close`);
          expect(first.statusCode, first.body).toBe(201);
          const booked = await bonuses();
          const second = await t.call(s.key, 'POST', `/api/v1/contests/${id}/close`);
          expect(second.statusCode).toBe(200);
          expect(second.json().awards).toEqual(first.json().awards);
          expect(await bonuses()).toEqual(booked);

          const awards = first.json().awards as { amountMinor: number; entryId: string }[];
          const sum = (xs: { amountMinor: number }[]) => xs.reduce((n, x) => n + x.amountMinor, 0);
          expect(sum(booked)).toBe(sum(awards));
          expect(booked.map((e) => e.id).sort()).toEqual(awards.map((a) => a.entryId).sort());

          // The same awards as the pure rules give on the model's figures.
          const competitors =
            scope === 'kos'
              ? CODES.map((code, i) => ({ kosId: s.ids[i], code, name: code, value: sales[i] as number }))
              : s.storeIds.map((unitId, u) => ({
                  unitId,
                  name: u === 0 ? 'Store Q1' : 'Store Q7',
                  value: sales.reduce((n, v, i) => (s.storeOf[i] === unitId ? n + v : n), 0),
                }));
          const members = new Map(s.storeIds.map((u) => [u, s.ids.filter((_, i) => s.storeOf[i] === u)]));
          const expected = contestAwards(rankStandings(competitors, targets), prizes, targets, members);
          expect(sum(awards)).toBe(sum(expected));
          expect(awards).toHaveLength(expected.length);
        },
      ),
      // Stopped before the test's timeout, so that a failure found late still prints its counterexample.
      { numRuns: 8, interruptAfterTimeLimit: 200_000, markInterruptAsFailure: true },
    );
  }, 240_000);

  test('end to end: a contest bonus booked at the close is paid by the next payout close, with tax withheld', async () => {
    // A contest over the first days of last month, closed mid-month; that month's payout close pays the bonus.
    const period = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
    const s = await setup(t, [4_000_000, 1_000_000, 0, 0, 0], `${period}-03`, `${dialect}-e2e`);
    const made = await t.call(s.key, 'POST', '/api/v1/contests', {
      name: 'Đầu tháng',
      metric: 'netSales',
      from: `${period}-01`,
      to: `${period}-10`,
      prizes: [{ rankFrom: 1, rankTo: 1, amountMinor: 3_000_000 }],
    });
    expect(made.statusCode, made.body).toBe(201);
    const owner = systemPrincipal(s.orgId);
    const db = t.db.database.db;
    const closedAt = dayStart(`${period}-12`, ZONE) + 3_600_000;
    await expect(closeContest(db, owner, made.json().id, dayStart(`${period}-11`, ZONE) - 1)).rejects.toThrow(/closed from/);
    const closed = await closeContest(db, owner, made.json().id, closedAt);
    expect(closed.created).toBe(true);
    expect(closed.awards).toMatchObject([{ kosId: s.ids[0], kind: 'prize', amountMinor: 3_000_000 }]);
    const entry = (await t.call(s.key, 'GET', `/api/v1/ledger?kind=bonus&kosId=${s.ids[0]}`)).json().items[0];
    expect(entry).toMatchObject({
      kind: 'bonus',
      status: 'pending',
      amountMinor: 3_000_000,
      eligibleAt: new Date(closedAt).toISOString(),
    });

    const { payouts } = await closePeriod(db, owner, period);
    const payout = payouts.find((p) => p.kosId === s.ids[0]);
    expect(payout?.entryIds).toContain(closed.awards[0]?.entryId);
    // 10 % withheld from a gross of at least 2 000 000 ₫ (no labour contract, no commitment 08).
    expect(payout?.grossMinor).toBeGreaterThanOrEqual(3_000_000);
    expect(payout?.withheldMinor).toBe(Math.round((payout?.grossMinor ?? 0) / 10));
    expect(payout?.netMinor).toBe((payout?.grossMinor ?? 0) - (payout?.withheldMinor ?? 0));
    const after = (await t.call(s.key, 'GET', `/api/v1/ledger?kind=bonus&kosId=${s.ids[0]}`)).json().items[0];
    expect(after).toMatchObject({ status: 'approved', payoutId: payout?.id });
  }, 120_000);
});
