import { formatMoney, formatNumber, formatPercent } from '../../lib/format.js';
import type { Locale } from '../../lib/locale.js';
import { type AdvisedPlatform, type Goal, type Market, MIN_ORDERS, type RankedPlatform } from './advisor.js';

/**
 * Why each platform got its score, in the caller's language (docs/advisor.md "Reasons"). Pure; numbers
 * and money go through src/lib/format.ts so they read as on the console.
 */
export interface ReasonContext {
  goal: Goal;
  market: Market;
  locale: Locale;
  currency: string;
  category: string | null;
  /** The best org-based value v (null when no platform is judged on the org's figures). */
  best: number | null;
}

type Sentence =
  | 'counted'
  | 'countedBuyers'
  | 'salesPerKos'
  | 'salesNoKos'
  | 'returns'
  | 'noReturns'
  | 'newBuyers'
  | 'followers'
  | 'noAccounts'
  | 'best'
  | 'ofBest'
  | 'allZero'
  | 'priorNone'
  | 'priorFew'
  | 'priorFewBuyers'
  | 'capped'
  | 'category'
  | 'marketVN'
  | 'marketCN';

const TEXT: Readonly<Record<Locale, Readonly<Record<Sentence, string>>>> = {
  en: {
    counted: '{orders} here in the last 90 days{cat}: judged on your own figures.',
    countedBuyers: '{orders} here in the last 90 days{cat} say whether the buyer was new: judged on your own figures.',
    salesPerKos: 'Net sales {net} over {kos} KOS with an account here: {perKos} per KOS.',
    salesNoKos: 'Net sales {net}, and no KOS has an account here yet.',
    returns: 'Return rate {rate}: {value} per KOS once returns are taken off.',
    noReturns: 'No order here has been completed or returned yet, so the return rate counts as 0.',
    newBuyers: '{k} of these orders ({share}) came from a new buyer.',
    followers: '{followers} followers over {accounts} accounts: {avg} per account.',
    noAccounts: 'No account here yet, so there are no followers to count.',
    best: 'The best of the platforms judged on your own figures.',
    ofBest: '{pct} of the best platform judged on your own figures.',
    allZero: 'No platform judged on your own figures has a result above zero yet, so each scores 0.',
    priorNone: 'No orders here in the last 90 days{cat}: scored from the benchmark of {market}.',
    priorFew: 'Only {orders} here in the last 90 days{cat} ({min} needed): scored from the benchmark of {market}.',
    priorFewBuyers:
      'Only {orders} here in the last 90 days{cat} say whether the buyer was new ({min} needed): scored from the benchmark of {market}.',
    capped: 'Capped at {cap}, the lowest score judged on your own figures.',
    category: ' in the category “{c}”',
    marketVN: 'the Vietnamese market',
    marketCN: 'the Chinese market',
  },
  vi: {
    counted: '{n} đơn hàng tại đây trong 90 ngày qua{cat}: chấm điểm theo số liệu của chính bạn.',
    countedBuyers:
      '{n} đơn hàng tại đây trong 90 ngày qua{cat} cho biết người mua mới hay cũ: chấm điểm theo số liệu của chính bạn.',
    salesPerKos: 'Doanh thu thuần {net} trên {kos} KOS có tài khoản tại đây: {perKos} mỗi KOS.',
    salesNoKos: 'Doanh thu thuần {net}, chưa có KOS nào có tài khoản tại đây.',
    returns: 'Tỷ lệ hoàn hàng {rate}: còn {value} mỗi KOS sau khi trừ hoàn hàng.',
    noReturns: 'Chưa có đơn nào tại đây hoàn tất hay bị hoàn, nên tỷ lệ hoàn hàng tính là 0.',
    newBuyers: '{k} đơn trong số đó ({share}) đến từ người mua mới.',
    followers: '{followers} người theo dõi trên {accounts} tài khoản: trung bình {avg} mỗi tài khoản.',
    noAccounts: 'Chưa có tài khoản nào tại đây nên chưa có người theo dõi để tính.',
    best: 'Tốt nhất trong các nền tảng chấm theo số liệu của bạn.',
    ofBest: 'Đạt {pct} so với nền tảng tốt nhất chấm theo số liệu của bạn.',
    allZero: 'Chưa nền tảng nào chấm theo số liệu của bạn có kết quả lớn hơn 0, nên đều được 0 điểm.',
    priorNone: 'Không có đơn hàng tại đây trong 90 ngày qua{cat}: chấm theo mức tham chiếu của {market}.',
    priorFew: 'Chỉ có {n} đơn hàng tại đây trong 90 ngày qua{cat} (cần {min}): chấm theo mức tham chiếu của {market}.',
    priorFewBuyers:
      'Chỉ {n} đơn hàng tại đây trong 90 ngày qua{cat} cho biết người mua mới hay cũ (cần {min}): chấm theo mức tham chiếu của {market}.',
    capped: 'Giới hạn ở {cap}, điểm thấp nhất trong các nền tảng chấm theo số liệu của bạn.',
    category: ' thuộc ngành hàng “{c}”',
    marketVN: 'thị trường Việt Nam',
    marketCN: 'thị trường Trung Quốc',
  },
  'zh-CN': {
    counted: '过去 90 天此平台有 {n} 笔订单{cat}：按贵方自己的数据评分。',
    countedBuyers: '过去 90 天此平台有 {n} 笔订单{cat}标明了是否新买家：按贵方自己的数据评分。',
    salesPerKos: '净销售额 {net}，在此开设账号的 KOS 共 {kos} 位：每位 KOS {perKos}。',
    salesNoKos: '净销售额 {net}，尚无 KOS 在此开设账号。',
    returns: '退货率 {rate}：扣除退货后每位 KOS {value}。',
    noReturns: '此平台尚无已完成或已退货的订单，退货率按 0 计。',
    newBuyers: '其中 {k} 笔（{share}）来自新买家。',
    followers: '{accounts} 个账号共有 {followers} 位粉丝：平均每个账号 {avg} 位。',
    noAccounts: '此平台尚无账号，没有粉丝可计。',
    best: '在按贵方自己数据评分的平台中最佳。',
    ofBest: '达到按贵方自己数据评分的最佳平台的 {pct}。',
    allZero: '按贵方自己数据评分的平台尚无大于 0 的结果，故均为 0 分。',
    priorNone: '过去 90 天此平台没有订单{cat}：按{market}的基准评分。',
    priorFew: '过去 90 天此平台只有 {n} 笔订单{cat}（需要 {min} 笔）：按{market}的基准评分。',
    priorFewBuyers: '过去 90 天此平台只有 {n} 笔订单{cat}标明了是否新买家（需要 {min} 笔）：按{market}的基准评分。',
    capped: '上限为 {cap}，即按贵方自己数据评分的最低分。',
    category: '（“{c}”品类）',
    marketVN: '越南市场',
    marketCN: '中国市场',
  },
};

/** Livestream-selling shares in Vietnam, 2024 (AccessTrade; docs/advisor.md "Priors"). */
const VN_LIVE_SHARE: Partial<Record<AdvisedPlatform, number>> = { facebook: 0.319, shopee: 0.309, tiktok_shop: 0.172 };

/** One sentence on each platform in the org's market: where its prior comes from. `{share}`, `{platform}` filled in. */
const MARKET_NOTES: Readonly<Record<Locale, Readonly<Record<Market, Readonly<Record<AdvisedPlatform, string>>>>>> = {
  en: {
    VN: {
      facebook:
        'Facebook carried {share} of livestream selling in Vietnam in 2024 (AccessTrade) and reaches the widest audience.',
      shopee: 'Shopee carried {share} of livestream selling in Vietnam in 2024 (AccessTrade), with the cart inside the app.',
      tiktok_shop: 'TikTok carried {share} of livestream selling in Vietnam in 2024 (AccessTrade), with the cart inside the app.',
      lazada: 'Lazada has the cart inside the app but a small share of selling in Vietnam.',
      youtube: 'YouTube reaches a large audience in Vietnam but has no cart inside the app: better for awareness than for sales.',
      douyin: '{platform} serves buyers in mainland China, not in Vietnam.',
      xiaohongshu: '{platform} serves buyers in mainland China, not in Vietnam.',
    },
    CN: {
      douyin: '{platform} is the leading live-selling platform in mainland China, with the shop inside the app.',
      xiaohongshu: '{platform} is where buyers in mainland China discover products through notes and reviews.',
      tiktok_shop: '{platform} does not sell to buyers in mainland China.',
      shopee: '{platform} does not sell to buyers in mainland China.',
      lazada: '{platform} does not sell to buyers in mainland China.',
      facebook: '{platform} is not reachable for buyers in mainland China.',
      youtube: '{platform} is not reachable for buyers in mainland China.',
    },
  },
  vi: {
    VN: {
      facebook:
        'Facebook chiếm {share} bán hàng qua livestream tại Việt Nam năm 2024 (AccessTrade) và có lượng người xem rộng nhất.',
      shopee:
        'Shopee chiếm {share} bán hàng qua livestream tại Việt Nam năm 2024 (AccessTrade), có giỏ hàng ngay trong ứng dụng.',
      tiktok_shop:
        'TikTok chiếm {share} bán hàng qua livestream tại Việt Nam năm 2024 (AccessTrade), có giỏ hàng ngay trong ứng dụng.',
      lazada: 'Lazada có giỏ hàng trong ứng dụng nhưng thị phần bán hàng tại Việt Nam nhỏ.',
      youtube:
        'YouTube có lượng người xem lớn tại Việt Nam nhưng không có giỏ hàng trong ứng dụng: hợp để tăng độ nhận biết hơn là bán hàng.',
      douyin: '{platform} phục vụ người mua ở Trung Quốc đại lục, không phải Việt Nam.',
      xiaohongshu: '{platform} phục vụ người mua ở Trung Quốc đại lục, không phải Việt Nam.',
    },
    CN: {
      douyin: '{platform} là nền tảng bán hàng qua livestream hàng đầu ở Trung Quốc đại lục, có cửa hàng ngay trong ứng dụng.',
      xiaohongshu: '{platform} là nơi người mua ở Trung Quốc đại lục tìm hiểu sản phẩm qua bài chia sẻ và đánh giá.',
      tiktok_shop: '{platform} không bán cho người mua ở Trung Quốc đại lục.',
      shopee: '{platform} không bán cho người mua ở Trung Quốc đại lục.',
      lazada: '{platform} không bán cho người mua ở Trung Quốc đại lục.',
      facebook: 'Người mua ở Trung Quốc đại lục không truy cập được {platform}.',
      youtube: 'Người mua ở Trung Quốc đại lục không truy cập được {platform}.',
    },
  },
  'zh-CN': {
    VN: {
      facebook: '2024 年 Facebook 占越南直播带货的 {share}（AccessTrade），覆盖面最广。',
      shopee: '2024 年 Shopee 占越南直播带货的 {share}（AccessTrade），应用内即可下单。',
      tiktok_shop: '2024 年 TikTok 占越南直播带货的 {share}（AccessTrade），应用内即可下单。',
      lazada: 'Lazada 应用内可下单，但在越南的销售份额较小。',
      youtube: 'YouTube 在越南受众广，但应用内不能下单：更适合提升知名度而非销售。',
      douyin: '{platform}面向中国大陆买家，不面向越南。',
      xiaohongshu: '{platform}面向中国大陆买家，不面向越南。',
    },
    CN: {
      douyin: '{platform}是中国大陆领先的直播电商平台，应用内自带小店。',
      xiaohongshu: '{platform}是中国大陆买家通过笔记和测评发现商品的平台。',
      tiktok_shop: '{platform} 不向中国大陆买家销售。',
      shopee: '{platform} 不向中国大陆买家销售。',
      lazada: '{platform} 不向中国大陆买家销售。',
      facebook: '中国大陆买家无法访问 {platform}。',
      youtube: '中国大陆买家无法访问 {platform}。',
    },
  },
};

const PLATFORM_NAMES: Readonly<Record<AdvisedPlatform, string>> = {
  tiktok_shop: 'TikTok Shop',
  shopee: 'Shopee',
  lazada: 'Lazada',
  facebook: 'Facebook',
  youtube: 'YouTube',
  douyin: 'Douyin',
  xiaohongshu: 'Xiaohongshu',
};
const ZH_NAMES: Partial<Record<AdvisedPlatform, string>> = { douyin: '抖音', xiaohongshu: '小红书' };

/** A platform's name as the sentences of `locale` write it (抖音, 小红书 in Chinese). */
export const platformName = (platform: AdvisedPlatform, locale: Locale): string =>
  (locale === 'zh-CN' ? ZH_NAMES[platform] : undefined) ?? PLATFORM_NAMES[platform];

const fill = (template: string, values: Readonly<Record<string, string>>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

/** The sentences explaining one ranked row, in `ctx.locale`. */
export function reasonsFor(row: RankedPlatform, ctx: ReasonContext): string[] {
  const text = TEXT[ctx.locale];
  const num = (value: number) => formatNumber(value, ctx.locale, 0);
  const money = (minor: number) => formatMoney(Math.round(minor), ctx.currency, ctx.locale);
  const cat = ctx.category ? fill(text.category, { c: ctx.category }) : '';
  // English alone inflects the noun: `1 order`, `30 orders`.
  const orders = (count: number) => `${num(count)} ${count === 1 ? 'order' : 'orders'}`;
  const f = row.figures;
  const out: string[] = [];
  if (row.basis === 'org') {
    out.push(
      fill(ctx.goal === 'new_customers' ? text.countedBuyers : text.counted, {
        n: num(row.counted),
        orders: orders(row.counted),
        cat,
      }),
    );
    if (ctx.goal === 'sales') {
      out.push(
        f.kos > 0
          ? fill(text.salesPerKos, { net: money(f.netSalesMinor), kos: num(f.kos), perKos: money(f.netSalesMinor / f.kos) })
          : fill(text.salesNoKos, { net: money(f.netSalesMinor) }),
      );
      out.push(
        f.returnRate === null
          ? text.noReturns
          : fill(text.returns, { rate: formatPercent(f.returnRate, ctx.locale), value: money(row.value ?? 0) }),
      );
    } else if (ctx.goal === 'new_customers') {
      out.push(fill(text.newBuyers, { k: num(f.newBuyerOrders), share: formatPercent(row.value ?? 0, ctx.locale) }));
    } else {
      out.push(
        f.accounts > 0
          ? fill(text.followers, { followers: num(f.followers), accounts: num(f.accounts), avg: num(row.value ?? 0) })
          : text.noAccounts,
      );
    }
    if (ctx.best === null || ctx.best <= 0) out.push(text.allZero);
    else if (row.score === 100) out.push(text.best);
    else out.push(fill(text.ofBest, { pct: formatPercent((row.value ?? 0) / ctx.best, ctx.locale) }));
    return out;
  }
  const market = ctx.market === 'CN' ? text.marketCN : text.marketVN;
  const few = ctx.goal === 'new_customers' ? text.priorFewBuyers : text.priorFew;
  out.push(
    fill(row.counted === 0 && f.orders === 0 ? text.priorNone : few, {
      n: num(row.counted),
      orders: orders(row.counted),
      min: num(MIN_ORDERS),
      cat,
      market,
    }),
  );
  const share = VN_LIVE_SHARE[row.platform];
  out.push(
    fill(MARKET_NOTES[ctx.locale][ctx.market][row.platform], {
      platform: platformName(row.platform, ctx.locale),
      share: share === undefined ? '' : formatPercent(share, ctx.locale),
    }),
  );
  if (row.cappedAt !== null) out.push(fill(text.capped, { cap: num(row.cappedAt) }));
  return out;
}
