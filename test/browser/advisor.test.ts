import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { signWebhook } from '../support/webhook-signing.js';
import { type Console, LANGUAGES, screenshot, settled, signedInPage, startConsole } from './harness.js';
import { axePage, type OwnerApi, ownerApi, scrollsSideways, seriousViolations } from './links-seed.js';

/** `/app/advisor`: goal and category pickers in the URL, ranked rows with bars, basis and reasons; three languages; axe; a phone. */
vi.setConfig({ testTimeout: 120_000 });
let app: Console;
let api: OwnerApi;
const SECRET = 'advisor-browser-secret-0123';

beforeAll(async () => {
  app = await startConsole();
  api = await ownerApi(app.server);
  await api('PATCH', '/org', { webhookSecret: SECRET });
  await api('POST', '/products', { sku: 'SEN-50ML', name: 'Serum Sen', priceMinor: 349_000, category: 'Sắc đẹp' });
  await api('POST', '/products', { sku: 'DEN-LED', name: 'Đèn LED', priceMinor: 99_000, category: 'Nhà cửa' });
  // 30 Shopee orders of the serum in the last weeks, a third from new buyers: Shopee is judged on them.
  const lines = Array.from({ length: 30 }, (_, i) => ({
    platform: 'shopee',
    orderId: `ADV-B-${i}`,
    status: 'completed',
    orderTime: new Date(Date.now() - (i + 1) * 86_400_000).toISOString(),
    quantity: 1,
    grossMinor: 349_000,
    netMinor: 349_000,
    currency: 'VND',
    sku: 'SEN-50ML',
    newBuyer: i % 3 === 0,
  }));
  const body = JSON.stringify({ lines });
  const key = await apiKey();
  const res = await fetch(`${app.server.url}/api/v1/webhooks/orders`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...signWebhook(SECRET, body) },
    body,
  });
  if (res.status !== 201) throw new Error(`webhook: ${res.status} ${await res.text()}`);
});
afterAll(async () => {
  await app?.close();
});

/** A second owner key for the webhook (the seed caller keeps its own to itself). */
async function apiKey(): Promise<string> {
  return (await api<{ key: string }>('POST', '/api-keys', { name: 'advisor webhook', role: 'owner' })).key;
}

const visit = async (page: Page, path: string) => {
  await page.goto(app.server.url + path);
  await settled(page);
  await page.locator('[data-testid=advisor-rows]').waitFor();
};
const rows = (page: Page) => page.locator('[data-testid=advisor-rows] > li');
const platforms = (page: Page) => rows(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-platform')));

test('as the owner: the ranking for sales, then awareness and a category through the URL; Back undoes a choice', async () => {
  const { context, page } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword);
  try {
    await page.locator('aside.sidebar a[href="/app/advisor"]').click();
    await settled(page);
    await page.locator('[data-testid=advisor-rows]').waitFor();
    expect(await rows(page).count()).toBe(7);
    const first = rows(page).first();
    expect(await first.getAttribute('data-platform')).toBe('shopee');
    expect(await first.getAttribute('data-basis')).toBe('org');
    expect(await first.locator('.badge').textContent()).toBe('Your figures');
    expect(await first.locator('[data-testid=advisor-score]').textContent()).toBe('100 / 100');
    expect(await first.locator('.advisor-reasons li').first().textContent()).toBe(
      '30 orders here in the last 90 days: judged on your own figures.',
    );
    // Every other platform is capped at Shopee's 100, so the VN priors keep their order.
    expect(await platforms(page)).toEqual(['shopee', 'tiktok_shop', 'facebook', 'lazada', 'youtube', 'douyin', 'xiaohongshu']);
    await screenshot(page, 'advisor/sales');

    await page.locator('select[name=goal]').selectOption('awareness');
    await page.waitForURL(/goal=awareness/);
    await page.locator('[data-testid=advisor-rows] > li[data-platform=facebook]').first().waitFor();
    // Shopee has orders but no account in this org: 0 followers per account, so every prior is capped at 0.
    await expect
      .poll(() => platforms(page))
      .toEqual(['shopee', 'douyin', 'facebook', 'lazada', 'tiktok_shop', 'xiaohongshu', 'youtube']);

    await page.locator('select[name=category]').selectOption('Nhà cửa');
    await page.waitForURL(/category=Nh/);
    await expect.poll(() => rows(page).first().getAttribute('data-basis')).toBe('prior');
    expect(await rows(page).first().getAttribute('data-platform')).toBe('facebook');
    await screenshot(page, 'advisor/awareness-home');

    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('category'));
    expect(await page.locator('select[name=category]').inputValue()).toBe('');
    expect(await page.locator('select[name=goal]').inputValue()).toBe('awareness');
  } finally {
    await context.close();
  }
});

test('a KOS member has no advisor: no sidebar entry, and the page says it is not for their role', async () => {
  const { context, page } = await signedInPage(app, app.server.kosMemberEmail, app.server.memberPassword);
  try {
    expect(await page.locator('aside.sidebar a[href="/app/advisor"]').count()).toBe(0);
    await page.goto(`${app.server.url}/app/advisor`);
    await page.locator('[data-testid=forbidden]').waitFor();
  } finally {
    await context.close();
  }
});

test('on a phone the rows stack and nothing scrolls sideways', async () => {
  const { context, page } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword, { width: 390 });
  try {
    await visit(page, '/app/advisor?goal=new_customers');
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, 'advisor/phone');
  } finally {
    await context.close();
  }
});

describe.each(LANGUAGES)('%s', (language) => {
  const firstReason: Record<(typeof LANGUAGES)[number], string> = {
    en: '30 orders here in the last 90 days say whether the buyer was new: judged on your own figures.',
    vi: '30 đơn hàng tại đây trong 90 ngày qua cho biết người mua mới hay cũ: chấm điểm theo số liệu của chính bạn.',
    'zh-CN': '过去 90 天此平台有 30 笔订单标明了是否新买家：按贵方自己的数据评分。',
  };

  test('axe finds nothing serious; the reasons come in the console’s language', async () => {
    const { context, page } = await axePage(app, app.server.ownerEmail, app.server.ownerPassword, language);
    try {
      await visit(page, '/app/advisor?goal=new_customers');
      expect(await rows(page).first().locator('.advisor-reasons li').first().textContent()).toBe(firstReason[language]);
      await screenshot(page, `advisor/${language}`);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
