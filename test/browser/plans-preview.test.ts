import { describe, expect, test } from 'vitest';
import { type CommissionLine, lineCommission } from '../../src/features/ledger/commission.js';
import { tierAdjustment } from '../../src/features/payouts/payouts.js';
import { applyBps } from '../../src/lib/money-math.js';
import { webModule } from './web-module.js';

/**
 * The plan page's live preview (web/src/components/plans/commission-preview.ts) computes in the browser
 * what the server books: the cases of src/features/ledger/commission.test.ts and docs/money.md, and the
 * server's own functions on the same inputs.
 */
interface Plan {
  rateBps: number;
  base: 'net' | 'platform_commission';
  overrides: { sku?: string; category?: string; rateBps: number }[];
  steps: { fromMinor: number; rateBps: number }[];
}
type Line = Omit<CommissionLine, 'earning'>;
const preview = await webModule<{
  applyBps(amount: number, bps: number): number;
  lineCommission(plan: Plan, line: Line): { baseMinor: number; rateBps: number; source: string; amountMinor: number };
  monthAtClose(plan: Plan, base: number, booked?: number): { rateBps: number; amountMinor: number; adjustmentMinor: number };
}>('components/plans/commission-preview.ts');
const amounts = await webModule<{
  parseMoney(text: string, currency: string): number | null;
  parseRate(text: string): number | null;
  moneyInput(minor: number, currency: string): string;
}>('components/plans/amounts.ts');

const line = (over: Partial<Line> = {}): Line => ({
  sku: null,
  category: null,
  netMinor: 1_000_000,
  refundMinor: 0,
  platformCommissionMinor: null,
  ...over,
});
const plan = (over: Partial<Plan> = {}): Plan => ({ base: 'net', rateBps: 1000, overrides: [], steps: [], ...over });

describe('rounding: round(base × rate / 10 000) half away from zero, as applyBps', () => {
  test.each([
    [15, 1000, 2],
    [25, 1000, 3],
    [14, 1000, 1],
    [-15, 1000, -2],
    [-14, 1000, -1],
    [3_333_335, 1000, 333_334],
    [481_969_510_633_543, 5000, 240_984_755_316_772],
    [Number.MAX_SAFE_INTEGER, 1, 900_719_925_474],
  ])('%d × %d bps → %d', (base, rate, want) => {
    expect(preview.applyBps(base, rate)).toBe(want);
    expect(applyBps(base, rate)).toBe(want);
  });
});

describe('a line: SKU override, then category, else the plan rate; base net − refund or platform commission', () => {
  const overrides = [
    { category: 'Sắc Đẹp', rateBps: 800 },
    { sku: 'SRM50', rateBps: 1200 },
  ];
  test.each<[string, Plan, Line, number, string]>([
    [
      'SKU override beats a category override listed first',
      plan({ rateBps: 500, overrides }),
      line({ sku: 'SRM50', category: 'Sắc Đẹp' }),
      1200,
      'sku',
    ],
    [
      'category override when no SKU override matches',
      plan({ rateBps: 500, overrides }),
      line({ sku: 'KCN30', category: 'Sắc Đẹp' }),
      800,
      'category',
    ],
    [
      'default rate when nothing matches',
      plan({ rateBps: 500, overrides }),
      line({ sku: 'KCN30', category: 'Điện tử' }),
      500,
      'plan',
    ],
    ['net: net − refund', plan(), line({ refundMinor: 250_000 }), 1000, 'plan'],
    ['net ignores the platform commission', plan(), line({ platformCommissionMinor: 9 }), 1000, 'plan'],
    [
      'platform commission',
      plan({ base: 'platform_commission' }),
      line({ platformCommissionMinor: 45_000, refundMinor: 500_000 }),
      1000,
      'plan',
    ],
    ['platform commission null → 0', plan({ base: 'platform_commission' }), line(), 1000, 'plan'],
    [
      'override on the platform-commission base, 11 250.5 → 11 251',
      plan({ base: 'platform_commission', overrides: [{ sku: 'X', rateBps: 2500 }] }),
      line({ sku: 'X', platformCommissionMinor: 45_002 }),
      2500,
      'sku',
    ],
    [
      'docs/money.md: 300 000 ₫ less a 100 000 ₫ refund at 10 %',
      plan(),
      line({ netMinor: 300_000, refundMinor: 100_000 }),
      1000,
      'plan',
    ],
  ])('%s', (_name, p, l, rate, source) => {
    const server = lineCommission(p, { ...l, earning: true });
    const browser = preview.lineCommission(p, l);
    expect(browser).toEqual({ baseMinor: server.baseMinor, rateBps: rate, source, amountMinor: server.amountMinor });
  });

  test('the worked examples give the amounts the docs give', () => {
    expect(preview.lineCommission(plan(), line({ netMinor: 300_000, refundMinor: 100_000 })).amountMinor).toBe(20_000);
    const agency = plan({ base: 'platform_commission', rateBps: 5000 });
    expect(preview.lineCommission(agency, line({ netMinor: 300_000, platformCommissionMinor: 36_000 })).amountMinor).toBe(18_000);
  });
});

describe('step tiers at the close: the whole month at the rate of the step reached', () => {
  const steps = [
    { fromMinor: 0, rateBps: 500 },
    { fromMinor: 50_000_000, rateBps: 700 },
  ];
  test('docs/money.md worked example: 55 000 000 ₫ reaches 7 %, adjustment 1 100 000 ₫', () => {
    const entries = [
      { baseMinor: 30_000_000, amountMinor: 1_500_000 },
      { baseMinor: 25_000_000, amountMinor: 1_250_000 },
    ];
    const month = preview.monthAtClose(plan({ rateBps: 500, steps }), 55_000_000, 2_750_000);
    expect(month).toEqual({ rateBps: 700, amountMinor: 3_850_000, adjustmentMinor: 1_100_000, stepped: true });
    expect(month.adjustmentMinor).toBe(tierAdjustment(steps, entries));
  });

  test.each([0, 49_999_999, 50_000_000, 123_456_789])('a month base of %d matches tierAdjustment', (base) => {
    const booked = applyBps(base, 500);
    const month = preview.monthAtClose(plan({ rateBps: 500, steps }), base, booked);
    expect(month.adjustmentMinor).toBe(tierAdjustment(steps, [{ baseMinor: base, amountMinor: booked }]));
    expect(month.rateBps).toBe(base >= 50_000_000 ? 700 : 500);
  });

  test('without steps the month is at the plan rate and nothing is adjusted', () => {
    expect(preview.monthAtClose(plan({ rateBps: 800 }), 10_000_005)).toEqual({
      rateBps: 800,
      amountMinor: 800_000,
      adjustmentMinor: 0,
      stepped: false,
    });
  });
});

describe('what people type: rates in %, amounts in major units', () => {
  test.each([
    ['12.5', 1250],
    ['12,5', 1250],
    ['5 %', 500],
    ['100', 10_000],
    ['0.01', 1],
    ['', null],
  ])('rate %s → %s bps', (text, want) => {
    expect(amounts.parseRate(text)).toBe(want);
  });
  test.each(['101', '1.234', 'abc', '-5'])('rate %s is refused', (text) => {
    expect(amounts.parseRate(text)).toBeNaN();
  });
  test.each([
    ['1.500.000', 'VND', 1_500_000],
    ['1 500 000', 'VND', 1_500_000],
    ['150000', 'VND', 150_000],
    ['12.5', 'CNY', 1250],
    ['1,234.56', 'CNY', 123_456],
    ['', 'VND', null],
  ])('money %s %s → %s', (text, currency, want) => {
    expect(amounts.parseMoney(text, currency)).toBe(want);
  });
  test.each([
    ['12.5', 'VND'],
    ['1.2.3', 'CNY'],
    ['1.234', 'CNY'],
  ])('money %s %s is refused', (text, currency) => {
    expect(amounts.parseMoney(text, currency)).toBeNaN();
  });
  test('an amount goes back into its input unchanged', () => {
    expect(amounts.moneyInput(123_450, 'CNY')).toBe('1234.50');
    expect(amounts.parseMoney(amounts.moneyInput(123_450, 'CNY'), 'CNY')).toBe(123_450);
    expect(amounts.moneyInput(150_000, 'VND')).toBe('150000');
  });
});
