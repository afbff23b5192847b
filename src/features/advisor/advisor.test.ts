import { describe, expect, test } from 'vitest';
import {
  ADVISED_PLATFORMS,
  type AdvisedPlatform,
  advisorPeriod,
  type Goal,
  marketOf,
  NO_FIGURES,
  type PlatformFigures,
  PRIORS,
  platformValue,
  rankPlatforms,
} from './advisor.js';
import { reasonsFor } from './advisor-reasons.js';

const fig = (f: Partial<PlatformFigures>): PlatformFigures => ({ ...NO_FIGURES, ...f });
const ranked = (goal: Goal, market: 'VN' | 'CN', figures: Partial<Record<AdvisedPlatform, PlatformFigures>>) =>
  rankPlatforms(goal, market, figures).map((r) => [r.platform, r.score, r.basis] as const);

describe('the basis switch at 30 orders (docs/advisor.md)', () => {
  test.each([
    ['29 orders: prior', 29, 'prior'],
    ['30 orders: org', 30, 'org'],
    ['31 orders: org', 31, 'org'],
  ] as const)('%s', (_name, orders, basis) => {
    const rows = rankPlatforms('sales', 'VN', { shopee: fig({ orders, netSalesMinor: 1_000_000 }) });
    expect(rows.find((r) => r.platform === 'shopee')?.basis).toBe(basis);
  });

  test.each([
    ['29 known-buyer orders of 100: prior', 29, 'prior'],
    ['30 known-buyer orders: org', 30, 'org'],
  ] as const)('new customers count only orders whose buyer is known — %s', (_name, known, basis) => {
    const rows = rankPlatforms('new_customers', 'VN', {
      shopee: fig({ orders: 100, knownBuyerOrders: known, newBuyerOrders: 10 }),
    });
    expect(rows.find((r) => r.platform === 'shopee')?.basis).toBe(basis);
  });

  test('awareness switches on orders too, then scores followers per account', () => {
    const rows = rankPlatforms('awareness', 'VN', {
      facebook: fig({ orders: 30, accounts: 2, followers: 20_000 }),
      youtube: fig({ orders: 29, accounts: 1, followers: 1_000_000 }),
    });
    expect(rows.find((r) => r.platform === 'facebook')).toMatchObject({ basis: 'org', score: 100, value: 10_000 });
    expect(rows.find((r) => r.platform === 'youtube')).toMatchObject({ basis: 'prior', score: 70, prior: 70, cappedAt: null });
  });
});

describe('the value v of an org-based platform', () => {
  test.each<[string, Goal, Partial<PlatformFigures>, number]>([
    ['sales: net sales per KOS with an account there', 'sales', { netSalesMinor: 900, kos: 3, returnRate: 0 }, 300],
    ['sales: no KOS counts as one', 'sales', { netSalesMinor: 900, kos: 0, returnRate: 0 }, 900],
    ['sales: a null return rate is read as 0', 'sales', { netSalesMinor: 900, kos: 1, returnRate: null }, 900],
    ['sales: times (1 − return rate)', 'sales', { netSalesMinor: 1000, kos: 2, returnRate: 0.2 }, 400],
    [
      'new customers: share of known-buyer orders with a new buyer',
      'new_customers',
      { knownBuyerOrders: 40, newBuyerOrders: 10 },
      0.25,
    ],
    ['new customers: none known gives 0', 'new_customers', { knownBuyerOrders: 0 }, 0],
    ['awareness: followers per account', 'awareness', { accounts: 4, followers: 10_000 }, 2_500],
    ['awareness: no account gives 0', 'awareness', { accounts: 0, followers: 0 }, 0],
  ])('%s', (_name, goal, f, v) => {
    expect(platformValue(goal, fig(f))).toBeCloseTo(v, 10);
  });
});

describe('scores, the cap and the order', () => {
  test('org rows score round(100 × v ÷ best); priors are capped at the lowest org score', () => {
    expect(
      ranked('sales', 'VN', {
        shopee: fig({ orders: 50, netSalesMinor: 10_000_000, kos: 1, returnRate: 0 }),
        lazada: fig({ orders: 30, netSalesMinor: 3_335_000, kos: 1, returnRate: 0 }),
      }),
    ).toEqual([
      ['shopee', 100, 'org'],
      // 33.35 rounds half-up to 33 … and 33.35 is below 33.5
      ['lazada', 33, 'org'],
      ['facebook', 33, 'prior'],
      ['tiktok_shop', 33, 'prior'],
      ['youtube', 33, 'prior'],
      ['douyin', 0, 'prior'],
      ['xiaohongshu', 0, 'prior'],
    ]);
  });

  test('a .5 rounds up', () => {
    const rows = rankPlatforms('new_customers', 'VN', {
      shopee: fig({ knownBuyerOrders: 40, newBuyerOrders: 40 }),
      lazada: fig({ knownBuyerOrders: 200, newBuyerOrders: 1 }),
    });
    // 100 × 0.005 ÷ 1 = 0.5 → 1
    expect(rows.find((r) => r.platform === 'lazada')?.score).toBe(1);
  });

  test('a prior below the lowest org score keeps its own value, and the cap is recorded only when it bites', () => {
    const rows = rankPlatforms('sales', 'VN', { youtube: fig({ orders: 30, netSalesMinor: 5_000, kos: 1 }) });
    expect(rows.find((r) => r.platform === 'youtube')).toMatchObject({ basis: 'org', score: 100 });
    expect(rows.find((r) => r.platform === 'tiktok_shop')).toMatchObject({ score: 90, prior: 90, cappedAt: null });
  });

  test('the best v ≤ 0 gives every org row 0, and every prior is capped at 0', () => {
    const rows = rankPlatforms('sales', 'VN', {
      shopee: fig({ orders: 30, netSalesMinor: 0 }),
      facebook: fig({ orders: 40, netSalesMinor: -500 }),
    });
    expect(rows.map((r) => r.score)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    // Ties: org-based first, then by name.
    expect(rows.map((r) => r.platform)).toEqual([
      'facebook',
      'shopee',
      'douyin',
      'lazada',
      'tiktok_shop',
      'xiaohongshu',
      'youtube',
    ]);
    expect(rows.find((r) => r.platform === 'tiktok_shop')).toMatchObject({ cappedAt: 0, prior: 90 });
  });

  test('ties between org rows, and between an org row and a prior, are broken by basis then name', () => {
    expect(
      ranked('awareness', 'VN', {
        youtube: fig({ orders: 30, accounts: 1, followers: 100 }),
        lazada: fig({ orders: 30, accounts: 2, followers: 200 }),
      }).slice(0, 4),
    ).toEqual([
      ['lazada', 100, 'org'],
      ['youtube', 100, 'org'],
      ['facebook', 90, 'prior'],
      ['tiktok_shop', 85, 'prior'],
    ]);
    expect(ranked('awareness', 'VN', { xiaohongshu: fig({ orders: 99, accounts: 1, followers: 1 }) }).slice(0, 3)).toEqual([
      ['xiaohongshu', 100, 'org'],
      ['facebook', 90, 'prior'],
      ['tiktok_shop', 85, 'prior'],
    ]);
  });
});

describe('priors of the market (CN when the org keeps CNY, else VN)', () => {
  test.each([
    ['CNY', 'CN'],
    ['cny', 'CN'],
    ['VND', 'VN'],
    ['USD', 'VN'],
  ] as const)('%s → %s', (currency, market) => {
    expect(marketOf(currency)).toBe(market);
  });

  test('VN with no figures: the prior table of docs/advisor.md, best first, ties by name', () => {
    expect(ranked('sales', 'VN', {})).toEqual([
      ['tiktok_shop', 90, 'prior'],
      ['shopee', 85, 'prior'],
      ['facebook', 70, 'prior'],
      ['lazada', 65, 'prior'],
      ['youtube', 40, 'prior'],
      ['douyin', 0, 'prior'],
      ['xiaohongshu', 0, 'prior'],
    ]);
    expect(ranked('awareness', 'VN', {}).map(([p, s]) => `${p} ${s}`)).toEqual([
      'facebook 90',
      'tiktok_shop 85',
      'youtube 70',
      'shopee 60',
      'lazada 40',
      'douyin 0',
      'xiaohongshu 0',
    ]);
  });

  test('CN with no figures: Douyin and Xiaohongshu, the others 0', () => {
    expect(ranked('new_customers', 'CN', {})).toEqual([
      ['douyin', 80, 'prior'],
      ['xiaohongshu', 70, 'prior'],
      ['facebook', 0, 'prior'],
      ['lazada', 0, 'prior'],
      ['shopee', 0, 'prior'],
      ['tiktok_shop', 0, 'prior'],
      ['youtube', 0, 'prior'],
    ]);
    expect(ranked('awareness', 'CN', {}).slice(0, 2)).toEqual([
      ['douyin', 90, 'prior'],
      ['xiaohongshu', 85, 'prior'],
    ]);
  });

  test('every platform has a prior for every goal in both markets, within 0–100', () => {
    for (const market of ['VN', 'CN'] as const)
      for (const platform of ADVISED_PLATFORMS)
        for (const goal of ['sales', 'new_customers', 'awareness'] as const) {
          const prior = PRIORS[market][platform][goal];
          expect(prior >= 0 && prior <= 100).toBe(true);
        }
  });
});

describe('the period: the last 90 days of the org’s time zone', () => {
  test.each([
    ['Ho Chi Minh City', 'Asia/Ho_Chi_Minh', '2026-09-02T00:00:00+07:00', '2026-12-01T00:00:00+07:00'],
    ['Shanghai', 'Asia/Shanghai', '2026-09-02T00:00:00+08:00', '2026-12-01T00:00:00+08:00'],
  ])('%s', (_name, zone, from, to) => {
    // 10:00 UTC is the afternoon of 30 November in both zones: 2 September … 30 November, 90 days.
    const now = Date.parse('2026-11-30T10:00:00Z');
    expect(advisorPeriod(now, zone)).toEqual({ from: Date.parse(from), to: Date.parse(to) });
  });
});

describe('reasons in words', () => {
  const base = { market: 'VN' as const, currency: 'VND', category: null, best: 400 };

  test('an org-based sales row, in the three languages, with numbers formatted per language', () => {
    const [row] = rankPlatforms('sales', 'VN', {
      shopee: fig({ orders: 1234, netSalesMinor: 1_000_000, kos: 2, returnRate: 0.2 }),
    });
    if (!row) throw new Error('no row');
    expect(reasonsFor(row, { ...base, goal: 'sales', locale: 'en', best: row.value })).toEqual([
      '1,234 orders here in the last 90 days: judged on your own figures.',
      'Net sales 1.000.000 ₫ over 2 KOS with an account here: 500.000 ₫ per KOS.',
      'Return rate 20%: 400.000 ₫ per KOS once returns are taken off.',
      'The best of the platforms judged on your own figures.',
    ]);
    expect(reasonsFor(row, { ...base, goal: 'sales', locale: 'vi', best: row.value })[0]).toBe(
      '1.234 đơn hàng tại đây trong 90 ngày qua: chấm điểm theo số liệu của chính bạn.',
    );
    expect(reasonsFor(row, { ...base, goal: 'sales', locale: 'zh-CN', best: row.value })[2]).toBe(
      '退货率 20%：扣除退货后每位 KOS 400.000 ₫。',
    );
  });

  test('a prior row names the shortfall, the market’s source and the cap; the category is quoted', () => {
    const rows = rankPlatforms('sales', 'VN', {
      shopee: fig({ orders: 30, netSalesMinor: 10, kos: 1 }),
      lazada: fig({ orders: 30, netSalesMinor: 5, kos: 1 }),
      facebook: fig({ orders: 12 }),
    });
    const facebook = rows.find((r) => r.platform === 'facebook');
    if (!facebook) throw new Error('no row');
    expect(reasonsFor(facebook, { ...base, goal: 'sales', locale: 'en', category: 'Sắc Đẹp' })).toEqual([
      'Only 12 orders here in the last 90 days in the category “Sắc Đẹp” (30 needed): scored from the benchmark of the Vietnamese market.',
      'Facebook carried 31.9% of livestream selling in Vietnam in 2024 (AccessTrade) and reaches the widest audience.',
      'Capped at 50, the lowest score judged on your own figures.',
    ]);
    expect(reasonsFor(facebook, { ...base, goal: 'sales', locale: 'vi' })[1]).toContain('31,9%');
  });

  test('CN: a platform that does not sell there says so, Douyin in Chinese is 抖音', () => {
    const rows = rankPlatforms('awareness', 'CN', {});
    const ctx = { ...base, market: 'CN' as const, currency: 'CNY', goal: 'awareness' as const, best: null };
    const douyin = rows[0];
    const shopee = rows.find((r) => r.platform === 'shopee');
    if (!douyin || !shopee) throw new Error('no row');
    expect(reasonsFor(douyin, { ...ctx, locale: 'zh-CN' })).toEqual([
      '过去 90 天此平台没有订单：按中国市场的基准评分。',
      '抖音是中国大陆领先的直播电商平台，应用内自带小店。',
    ]);
    expect(reasonsFor(shopee, { ...ctx, locale: 'en' })[1]).toBe('Shopee does not sell to buyers in mainland China.');
  });
});
