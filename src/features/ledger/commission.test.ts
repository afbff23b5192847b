import { describe, expect, test } from 'vitest';
import { applyBps } from '../../lib/money-math.js';
import { earns } from '../orders/lines.js';
import type { Plan } from '../plans/plans.js';
import { type CommissionLine, lineCommission, saleBase, saleRate } from './commission.js';
import { type EntryState, type LedgerAction, reconcileLine } from './ledger.js';

const line = (over: Partial<CommissionLine> = {}): CommissionLine => ({
  earning: true,
  sku: null,
  category: null,
  netMinor: 1_000_000,
  refundMinor: 0,
  platformCommissionMinor: null,
  ...over,
});
const plan = (over: Partial<Pick<Plan, 'base' | 'rateBps' | 'overrides'>> = {}) => ({
  base: 'net' as const,
  rateBps: 1000,
  overrides: [],
  ...over,
});

describe('applyBps: round(base × rate / 10 000), half-up, half away from zero for negatives', () => {
  test.each([
    { name: 'exact', base: 2_000_000, rate: 1000, want: 200_000 },
    { name: 'zero base', base: 0, rate: 1000, want: 0 },
    { name: '1.4 rounds down', base: 14, rate: 1000, want: 1 },
    { name: '1.5 rounds up', base: 15, rate: 1000, want: 2 },
    { name: '2.5 rounds up (not to even)', base: 25, rate: 1000, want: 3 },
    { name: '1.6 rounds up', base: 16, rate: 1000, want: 2 },
    { name: '0.4999 rounds down', base: 4999, rate: 1, want: 0 },
    { name: '0.5 rounds up', base: 5000, rate: 1, want: 1 },
    { name: '−1.4 rounds towards zero', base: -14, rate: 1000, want: -1 },
    { name: '−1.5 rounds away from zero', base: -15, rate: 1000, want: -2 },
    { name: '−2.5 rounds away from zero', base: -25, rate: 1000, want: -3 },
    { name: 'a rate of 100 % keeps the base', base: 123_457, rate: 10_000, want: 123_457 },
    // Beyond 2^53 / 10 000 the product is not exact in floating point; BigInt keeps it exact.
    { name: 'huge base, exact half (float says …771)', base: 481_969_510_633_543, rate: 5000, want: 240_984_755_316_772 },
    { name: 'huge negative base, exact half', base: -481_969_510_633_543, rate: 5000, want: -240_984_755_316_772 },
    { name: 'huge base (float says …471)', base: 2_904_624_660_857_338, rate: 9465, want: 2_749_227_241_501_470 },
    { name: 'MAX_SAFE_INTEGER base', base: Number.MAX_SAFE_INTEGER, rate: 1, want: 900_719_925_474 },
  ])('$name: $base × $rate bps → $want', ({ base, rate, want }) => {
    expect(applyBps(base, rate)).toBe(want);
  });

  test('the huge rows are ones floating point gets wrong', () => {
    expect(Math.round((481_969_510_633_543 * 5000) / 10_000)).not.toBe(240_984_755_316_772);
    expect(Math.round((2_904_624_660_857_338 * 9465) / 10_000)).not.toBe(2_749_227_241_501_470);
  });
});

describe('saleRate: SKU override, then category override, then the plan rate', () => {
  const overrides = [
    { category: 'Sắc Đẹp', rateBps: 800 },
    { sku: 'SRM50', rateBps: 1200 },
  ];
  test.each([
    { name: 'SKU override beats a category override listed first', sku: 'SRM50', category: 'Sắc Đẹp', want: 1200, def: false },
    { name: 'SKU override without a category', sku: 'SRM50', category: null, want: 1200, def: false },
    { name: 'category override when no SKU override matches', sku: 'KCN30', category: 'Sắc Đẹp', want: 800, def: false },
    { name: 'category override for a line without SKU', sku: null, category: 'Sắc Đẹp', want: 800, def: false },
    { name: 'default rate when nothing matches', sku: 'KCN30', category: 'Điện tử', want: 500, def: true },
    { name: 'default rate for a bare line', sku: null, category: null, want: 500, def: true },
  ])('$name', ({ sku, category, want, def }) => {
    expect(saleRate({ rateBps: 500, overrides }, { sku, category })).toEqual({ rateBps: want, defaultRate: def });
  });
});

describe('saleBase and lineCommission', () => {
  test.each([
    { name: 'net: net − refund', base: 'net' as const, over: { refundMinor: 250_000 }, want: 750_000 },
    { name: 'net ignores the platform commission', base: 'net' as const, over: { platformCommissionMinor: 9 }, want: 1_000_000 },
    {
      name: 'platform_commission: what the platform paid',
      base: 'platform_commission' as const,
      over: { platformCommissionMinor: 45_000, refundMinor: 500_000 },
      want: 45_000,
    },
    { name: 'platform_commission null → 0', base: 'platform_commission' as const, over: {}, want: 0 },
  ])('$name', ({ base, over, want }) => {
    expect(saleBase({ base }, line(over))).toBe(want);
  });

  test.each([
    { name: 'completed earns', status: 'completed' as const, amount: 75_000, base: 750_000 },
    { name: 'pending earns', status: 'pending' as const, amount: 75_000, base: 750_000 },
    { name: 'unpaid earns nothing', status: 'unpaid' as const, amount: 0, base: 0 },
    { name: 'cancelled earns nothing', status: 'cancelled' as const, amount: 0, base: 0 },
    { name: 'returned earns nothing', status: 'returned' as const, amount: 0, base: 0 },
  ])('$name', ({ status, amount, base }) => {
    expect(lineCommission(plan(), line({ earning: earns(status), refundMinor: 250_000 }))).toEqual({
      amountMinor: amount,
      baseMinor: base,
      rateBps: 1000,
      defaultRate: true,
    });
  });

  test('an override rate is applied to the platform-commission base, rounded once', () => {
    const p = plan({ base: 'platform_commission', overrides: [{ sku: 'X', rateBps: 2500 }] });
    expect(lineCommission(p, line({ sku: 'X', platformCommissionMinor: 45_002 }))).toEqual({
      amountMinor: 11_251, // 11 250.5 → 11 251
      baseMinor: 45_002,
      rateBps: 2500,
      defaultRate: false,
    });
  });
});

describe('reconcileLine: one line’s entries for one KOS follow what the line earns', () => {
  const e = (id: string, status: EntryState['status'], amountMinor: number, kind: EntryState['kind'] = 'sale'): EntryState => ({
    id,
    kind,
    status,
    amountMinor,
  });
  const rows: { name: string; entries: EntryState[]; target: number; earning: boolean; want: LedgerAction[] }[] = [
    {
      name: 'create: an earning line gets its sale',
      entries: [],
      target: 200_000,
      earning: true,
      want: [{ type: 'create', kind: 'sale', amountMinor: 200_000 }],
    },
    {
      name: 'zero-amount earning line gets one sale entry',
      entries: [],
      target: 0,
      earning: true,
      want: [{ type: 'create', kind: 'sale', amountMinor: 0 }],
    },
    {
      name: 'zero-amount earning line with its entry: nothing',
      entries: [e('s', 'pending', 0)],
      target: 0,
      earning: true,
      want: [],
    },
    { name: 'a line that does not earn and has no entry: nothing', entries: [], target: 0, earning: false, want: [] },
    {
      name: 'pending follows the amount up',
      entries: [e('s', 'pending', 200_000)],
      target: 250_000,
      earning: true,
      want: [{ type: 'update', id: 's', amountMinor: 250_000 }],
    },
    {
      name: 'partial refund while pending: the sale shrinks',
      entries: [e('s', 'pending', 250_000)],
      target: 150_000,
      earning: true,
      want: [{ type: 'update', id: 's', amountMinor: 150_000 }],
    },
    { name: 'unchanged: nothing', entries: [e('s', 'pending', 200_000)], target: 200_000, earning: true, want: [] },
    {
      name: 'cancel before approval → void',
      entries: [e('s', 'pending', 200_000)],
      target: 0,
      earning: false,
      want: [{ type: 'void', id: 's' }],
    },
    {
      name: 'refund after payment → clawback of newBase × rate − paid',
      entries: [e('s', 'paid', 250_000)],
      target: 150_000,
      earning: true,
      want: [{ type: 'create', kind: 'clawback', amountMinor: -100_000 }],
    },
    {
      name: 'partial refund after approval → clawback',
      entries: [e('s', 'approved', 250_000)],
      target: 200_000,
      earning: true,
      want: [{ type: 'create', kind: 'clawback', amountMinor: -50_000 }],
    },
    {
      name: 'second refund: only the difference to what is already booked',
      entries: [e('s', 'paid', 250_000), e('c', 'pending', -100_000, 'clawback')],
      target: 100_000,
      earning: true,
      want: [{ type: 'create', kind: 'clawback', amountMinor: -50_000 }],
    },
    {
      name: 'cancel (or re-attribution away) after payment → clawback of everything',
      entries: [e('s', 'paid', 200_000)],
      target: 0,
      earning: false,
      want: [{ type: 'create', kind: 'clawback', amountMinor: -200_000 }],
    },
    {
      name: 'rise after approval → new pending sale of the difference',
      entries: [e('s', 'approved', 200_000)],
      target: 250_000,
      earning: true,
      want: [{ type: 'create', kind: 'sale', amountMinor: 50_000 }],
    },
    {
      name: 'the pending top-up follows a further rise',
      entries: [e('s', 'approved', 200_000), e('t', 'pending', 50_000)],
      target: 260_000,
      earning: true,
      want: [{ type: 'update', id: 't', amountMinor: 60_000 }],
    },
    {
      name: 'a fall below what was approved voids the pending top-up and claws back the rest',
      entries: [e('s', 'approved', 200_000), e('t', 'pending', 50_000)],
      target: 150_000,
      earning: true,
      want: [
        { type: 'void', id: 't' },
        { type: 'create', kind: 'clawback', amountMinor: -50_000 },
      ],
    },
    {
      name: 'void entries do not count: a re-completed line gets a new sale',
      entries: [e('s', 'void', 200_000)],
      target: 200_000,
      earning: true,
      want: [{ type: 'create', kind: 'sale', amountMinor: 200_000 }],
    },
    {
      name: 'clawed back, then earning again → a new sale',
      entries: [e('s', 'paid', 200_000), e('c', 'approved', -200_000, 'clawback')],
      target: 200_000,
      earning: true,
      want: [{ type: 'create', kind: 'sale', amountMinor: 200_000 }],
    },
  ];
  test.each(rows)('$name', ({ entries, target, earning, want }) => {
    const actions = reconcileLine(entries, target, earning);
    expect(actions).toEqual(want);
    const touched = new Set(actions.flatMap((a) => (a.type === 'create' ? [] : [a.id])));
    for (const x of entries) if (x.status === 'approved' || x.status === 'paid') expect(touched.has(x.id)).toBe(false);
  });
});
