import { describe, expect, test } from 'vitest';
import { sessionCaller, useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { signedWebhookRequest } from '../../../test/support/webhook-signing.js';

const SECRET = 'advisor-secret-0123456789';
const DAY = 86_400_000;

interface Row {
  platform: string;
  score: number;
  basis: 'org' | 'prior';
  reasons: string[];
}

describe.each(DIALECTS)('GET /api/v1/advisor/platforms on %s', (dialect) => {
  const t = useTestApp(dialect);

  test('org figures from 30 orders on, priors below, the cap, the category folded, reasons per language', async () => {
    const org = await t.newOrg();
    const post = async (url: string, body: object) => {
      const res = await t.call(org.apiKey, 'POST', url, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string };
    };
    expect((await t.call(org.apiKey, 'PATCH', '/api/v1/org', { webhookSecret: SECRET })).statusCode).toBe(200);
    const lan = await post('/api/v1/kos', { code: 'LAN01', handle: `lan-${dialect}`, name: 'Lan', relationship: 'independent' });
    const minh = await post('/api/v1/kos', { code: 'MINH02', handle: `minh-${dialect}`, name: 'Minh', relationship: 'agent' });
    await post(`/api/v1/kos/${lan.id}/accounts`, { platform: 'shopee', handle: 'lan.shop', followers: 10_000 });
    await post(`/api/v1/kos/${minh.id}/accounts`, { platform: 'shopee', handle: 'minh.shop', followers: 30_000 });
    await post(`/api/v1/kos/${lan.id}/accounts`, { platform: 'facebook', handle: 'lan.fb', followers: 5_000 });
    await post('/api/v1/products', { sku: 'SEN-50ML', name: 'Serum Sen', priceMinor: 100_000, category: 'Sắc đẹp' });
    await post('/api/v1/products', { sku: 'DEN-LED', name: 'Đèn LED', priceMinor: 50_000, category: 'Nhà cửa' });

    const now = Date.now();
    let n = 0;
    const line = (platform: string, daysAgo: number, extra: object) => ({
      platform,
      orderId: `ADV-${++n}`,
      status: 'completed',
      orderTime: new Date(now - daysAgo * DAY).toISOString(),
      quantity: 1,
      grossMinor: 100_000,
      netMinor: 100_000,
      currency: 'VND',
      ...extra,
    });
    const lines = [
      // Shopee, 30 orders in "Sắc đẹp": 20 by the catalogue (its category wins over the line's), 10 by the
      // line's own category; 12 new buyers, 3 returned. One more order in "Nhà cửa", buyer unknown.
      ...Array.from({ length: 20 }, (_, i) =>
        line('shopee', 5, { sku: 'SEN-50ML', category: 'Khác', newBuyer: i < 12, ...(i < 3 ? { status: 'returned' } : {}) }),
      ),
      ...Array.from({ length: 10 }, () => line('shopee', 40, { category: 'SẮC ĐẸP', newBuyer: false })),
      line('shopee', 10, { sku: 'DEN-LED' }),
      // Lazada, 30 orders in "Nhà cửa" at 50 000 ₫, buyer never known, no account there.
      ...Array.from({ length: 30 }, () => line('lazada', 20, { sku: 'DEN-LED', grossMinor: 50_000, netMinor: 50_000 })),
      // TikTok Shop, 29 orders in the window and one 100 days ago: 29 count.
      ...Array.from({ length: 29 }, () => line('tiktok_shop', 60, { category: 'Sắc đẹp' })),
      line('tiktok_shop', 100, { category: 'Sắc đẹp' }),
      // Lines of other platforms are not ranked.
      ...Array.from({ length: 40 }, () => line('website', 3, {})),
    ];
    const pushed = await t.app.inject(signedWebhookRequest(org.apiKey, SECRET, { lines }, 'unique'));
    expect(pushed.statusCode, pushed.body).toBe(201);

    const advise = async (query: string) => {
      const res = await t.call(org.apiKey, 'GET', `/api/v1/advisor/platforms?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().rows as Row[];
    };
    const brief = (rows: Row[]) => rows.map((r) => `${r.platform} ${r.score} ${r.basis}`);

    // Sales: Lazada v = 1 500 000 ÷ max(0, 1) × 1; Shopee v = 2 800 000 ÷ 2 KOS × (1 − 3/31) → 84.
    const sales = await advise('goal=sales&lang=en');
    expect(brief(sales)).toEqual([
      'lazada 100 org',
      'shopee 84 org',
      'tiktok_shop 84 prior',
      'facebook 70 prior',
      'youtube 40 prior',
      'douyin 0 prior',
      'xiaohongshu 0 prior',
    ]);
    expect(sales[1]?.reasons).toEqual([
      '31 orders here in the last 90 days: judged on your own figures.',
      'Net sales 2.800.000 ₫ over 2 KOS with an account here: 1.400.000 ₫ per KOS.',
      'Return rate 9.7%: 1.264.516 ₫ per KOS once returns are taken off.',
      '84.3% of the best platform judged on your own figures.',
    ]);
    expect(sales[2]?.reasons).toEqual([
      'Only 29 orders here in the last 90 days (30 needed): scored from the benchmark of the Vietnamese market.',
      'TikTok carried 17.2% of livestream selling in Vietnam in 2024 (AccessTrade), with the cart inside the app.',
      'Capped at 84, the lowest score judged on your own figures.',
    ]);

    // The category compared folded: "sac dep" finds "Sắc đẹp" (catalogue) and "SẮC ĐẸP" (line).
    expect(brief(await advise(`goal=sales&category=${encodeURIComponent('sac dep')}`))).toEqual([
      'shopee 100 org',
      'tiktok_shop 90 prior',
      'facebook 70 prior',
      'lazada 65 prior',
      'youtube 40 prior',
      'douyin 0 prior',
      'xiaohongshu 0 prior',
    ]);
    const home = await advise(`goal=sales&category=${encodeURIComponent('Nhà Cửa')}&lang=en`);
    expect(brief(home).slice(0, 2)).toEqual(['lazada 100 org', 'tiktok_shop 90 prior']);
    expect(home.find((r) => r.platform === 'shopee')?.reasons[0]).toBe(
      'Only 1 order here in the last 90 days in the category “Nhà Cửa” (30 needed): scored from the benchmark of the Vietnamese market.',
    );
    expect(brief(await advise('goal=sales&category=nothing-sells-here')).every((r) => r.endsWith('prior'))).toBe(true);

    // New customers: only orders whose buyer is known count, so Lazada's 30 fall back to the prior.
    const newCustomers = await advise('goal=new_customers&lang=vi');
    expect(brief(newCustomers)).toEqual([
      'shopee 100 org',
      'tiktok_shop 80 prior',
      'facebook 70 prior',
      'lazada 50 prior',
      'youtube 40 prior',
      'douyin 0 prior',
      'xiaohongshu 0 prior',
    ]);
    expect(newCustomers[0]?.reasons[1]).toBe('12 đơn trong số đó (40%) đến từ người mua mới.');

    // Awareness: Shopee 40 000 followers over 2 accounts; Lazada has orders but no account → 0, so every prior is capped at 0.
    const awareness = await advise('goal=awareness&lang=zh-CN');
    expect(brief(awareness)).toEqual([
      'shopee 100 org',
      'lazada 0 org',
      'douyin 0 prior',
      'facebook 0 prior',
      'tiktok_shop 0 prior',
      'xiaohongshu 0 prior',
      'youtube 0 prior',
    ]);
    expect(awareness[0]?.reasons[1]).toBe('2 个账号共有 40,000 位粉丝：平均每个账号 20,000 位。');
    expect(awareness[1]?.reasons[1]).toBe('此平台尚无账号，没有粉丝可计。');

    // Without ?lang= the org's locale (vi by default).
    const vi = await advise('goal=sales');
    expect(vi[0]?.reasons[0]).toBe('30 đơn hàng tại đây trong 90 ngày qua: chấm điểm theo số liệu của chính bạn.');

    // A viewer reads it too.
    const viewer = await t.call(org.apiKey, 'POST', '/api/v1/api-keys', { name: 'viewer', role: 'viewer' });
    expect(viewer.statusCode, viewer.body).toBe(201);
    expect((await t.call(viewer.json().key, 'GET', '/api/v1/advisor/platforms?goal=awareness')).statusCode).toBe(200);
    // A KOS member may not: the figures are the whole org's.
    const email = `kos-${org.slug}@example.com`;
    const password = 'kos password 1';
    const member = await t.call(org.apiKey, 'POST', '/api/v1/members', { email, password, role: 'kos', kosId: lan.id });
    expect(member.statusCode, member.body).toBe(201);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    const asKos = sessionCaller(t.app, login.cookies.find((c) => c.name === 'kos_session')?.value ?? '');
    const refused = await asKos('GET', '/api/v1/advisor/platforms?goal=sales');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().key).toBe('access.role.denied');
    for (const query of ['', 'goal=profit', 'goal=sales&category=']) {
      const res = await t.call(org.apiKey, 'GET', `/api/v1/advisor/platforms?${query}`);
      // No goal or an unknown one is refused; an empty category is no category.
      expect(res.statusCode, query).toBe(query.endsWith('category=') ? 200 : 422);
    }
  });

  test('a CNY org gets the CN priors, reasons in its own locale by default', async () => {
    const org = await t.newOrg({ currency: 'CNY', timezone: 'Asia/Shanghai', locale: 'zh-CN' });
    const res = await t.call(org.apiKey, 'GET', '/api/v1/advisor/platforms?goal=awareness');
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().rows as Row[];
    expect(rows.map((r) => `${r.platform} ${r.score}`)).toEqual([
      'douyin 90',
      'xiaohongshu 85',
      'facebook 0',
      'lazada 0',
      'shopee 0',
      'tiktok_shop 0',
      'youtube 0',
    ]);
    expect(rows[0]?.reasons).toEqual([
      '过去 90 天此平台没有订单：按中国市场的基准评分。',
      '抖音是中国大陆领先的直播电商平台，应用内自带小店。',
    ]);
    const en = (await t.call(org.apiKey, 'GET', '/api/v1/advisor/platforms?goal=awareness&lang=en')).json().rows as Row[];
    expect(en[1]?.reasons[1]).toBe('Xiaohongshu is where buyers in mainland China discover products through notes and reviews.');
  });
});
