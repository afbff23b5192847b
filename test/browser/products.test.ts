import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { type Console, LANGUAGES, screenshot, settled, signedInPage, startConsole } from './harness.js';
import { axePage, type OwnerApi, offScreen, ownerApi, scrollsSideways, seriousViolations } from './links-seed.js';

/** `/app/products`: create and edit a product with every field and its FAQs; only owners and admins edit; a phone; axe. */
// Whole flows in a real Chromium on a machine shared with other test runs: more than the default 30 s.
vi.setConfig({ testTimeout: 120_000 });
let app: Console;
let api: OwnerApi;
beforeAll(async () => {
  app = await startConsole();
  api = await ownerApi(app.server);
});
afterAll(async () => {
  await app?.close();
});

const visit = async (page: Page, path: string) => {
  await page.goto(app.server.url + path);
  await settled(page);
};
/** The part of a `GET /products` item these tests read (declared here: the console's types do not compile under the root tsconfig). */
interface SavedProduct {
  sku: string;
  platformIds: { shopee?: string; tiktok_shop?: string; lazada?: string };
}
const rowOf = (page: Page, name: string) => page.locator('[data-testid=product-table] tbody tr', { hasText: name });
const productBySku = async (sku: string) =>
  (await api<{ items: SavedProduct[] }>('GET', `/products?q=${encodeURIComponent(sku)}`)).items.find((p) => p.sku === sku);

test('as the owner: create a product with FAQs and platform ids, then edit it', async () => {
  const { context, page } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword);
  try {
    await visit(page, '/app/products');
    await page.locator('[data-testid=empty-state]').waitFor();
    await page.locator('[data-testid=new-product]').click();
    const form = page.locator('[data-testid=product-form]');
    await form.locator('input[name=sku]').fill('SERUM 30');
    await form.locator('input[name=name]').fill('Serum Hoa Sen 30ml');
    await form.locator('input[name=category]').fill('Skincare');
    await form.locator('input[name=priceMinor]').fill('349.000');
    expect(await form.locator('.field-hint', { hasText: '349.000 ₫' }).count()).toBe(1);
    await form.locator('input[name=stock]').fill('120');
    await form.locator('input[name=deliveryDays]').fill('2');
    await form.locator('textarea[name=usp]').fill('Chiết xuất sen Đồng Tháp, dịu nhẹ cho da nhạy cảm');
    await form.locator('input[name="platformIds.shopee"]').fill('2233445566');
    await form.locator('input[name="platformIds.tiktok_shop"]').fill('1729384756');
    const faqs: [question: string, answer: string][] = [
      ['Da dầu dùng được không?', 'Được, kết cấu mỏng nhẹ.'],
      ['Dùng sáng hay tối?', 'Cả hai, sau bước toner.'],
    ];
    for (const [q, a] of faqs) {
      await form.locator('[data-testid=add-faq]').click();
      const last = form.locator('[data-testid=faq-row]').last();
      await last.locator('input').fill(q);
      await last.locator('textarea').fill(a);
    }
    // A SKU with a space: the server's error stands under the SKU field.
    await form.locator('[data-testid=save-product]').click();
    await form.locator('.field-error[data-field=sku]').waitFor();
    await screenshot(page, 'products/sku-error');
    await form.locator('input[name=sku]').fill('SERUM-30');
    await form.locator('[data-testid=save-product]').click();
    await form.waitFor({ state: 'detached' });
    const row = rowOf(page, 'Serum Hoa Sen 30ml');
    await row.waitFor();
    expect(await row.locator('td.rl-status').textContent()).toBe('349.000 ₫');
    const created = await productBySku('SERUM-30');
    expect(created).toMatchObject({
      priceMinor: 349_000,
      stock: 120,
      deliveryDays: 2,
      category: 'Skincare',
      platformIds: { shopee: '2233445566', tiktok_shop: '1729384756' },
      faqs: [
        { q: 'Da dầu dùng được không?', a: 'Được, kết cấu mỏng nhẹ.' },
        { q: 'Dùng sáng hay tối?', a: 'Cả hai, sau bước toner.' },
      ],
    });
    await screenshot(page, 'products/created');

    // Edit: the form starts with every saved value; drop a question, change an answer, the price and a platform id.
    await row.locator('[data-testid=edit-product]').click();
    expect(await form.locator('input[name=priceMinor]').inputValue()).toBe('349000');
    expect(await form.locator('[data-testid=faq-row]').count()).toBe(2);
    await form.locator('[data-testid=faq-row]').first().locator('button').click();
    await form.locator('[data-testid=faq-row] textarea').fill('Cả hai; buổi sáng nhớ dùng kem chống nắng.');
    await form.locator('input[name=priceMinor]').fill('329000');
    await form.locator('input[name="platformIds.tiktok_shop"]').fill('');
    await form.locator('input[name="platformIds.lazada"]').fill('LZ-889');
    await screenshot(page, 'products/editing');
    await form.locator('[data-testid=save-product]').click();
    await form.waitFor({ state: 'detached' });
    await rowOf(page, '329.000 ₫').waitFor();
    expect(await productBySku('SERUM-30')).toMatchObject({
      priceMinor: 329_000,
      platformIds: { shopee: '2233445566', lazada: 'LZ-889' },
      faqs: [{ q: 'Dùng sáng hay tối?', a: 'Cả hai; buổi sáng nhớ dùng kem chống nắng.' }],
    });
    expect((await productBySku('SERUM-30'))?.platformIds.tiktok_shop).toBeUndefined();

    // The search stays in the URL.
    await page.locator('[data-testid=product-filters] input[name=q]').fill('nothing-like-this');
    await page.waitForURL(/q=nothing-like-this/);
    await page.locator('[data-testid=empty-state]').waitFor();
  } finally {
    await context.close();
  }
});

describe.each(['manager', 'viewer'] as const)('as a %s', (role) => {
  test('reads the catalogue, with no create or edit', async () => {
    const email = role === 'manager' ? app.server.managerEmail : app.server.viewerEmail;
    const { context, page } = await signedInPage(app, email, app.server.memberPassword);
    try {
      await visit(page, '/app/products');
      await rowOf(page, 'Serum Hoa Sen 30ml').waitFor();
      expect(await page.locator('[data-testid=new-product]').count()).toBe(0);
      expect(await page.locator('[data-testid=edit-product]').count()).toBe(0);
      await screenshot(page, `products/${role}`);
    } finally {
      await context.close();
    }
  });
});

test('on a 390 px phone each product is a card with its price and Edit on screen', async () => {
  const { context, page } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword, {
    width: 390,
    language: 'zh-CN',
  });
  try {
    await visit(page, '/app/products');
    await rowOf(page, 'Serum Hoa Sen 30ml').waitFor();
    expect(await offScreen(page, '[data-testid=product-table] td.rl-status', 390)).toEqual([]);
    expect(await offScreen(page, '[data-testid=edit-product]', 390)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, 'phone/products');
    await page.locator('[data-testid=edit-product]').first().click();
    await page.locator('[data-testid=product-form]').waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, 'phone/product-form');
  } finally {
    await context.close();
  }
});

describe.each(LANGUAGES)('axe in %s', (language) => {
  test('the list and the product form with a FAQ and errors', async () => {
    const { context, page } = await axePage(app, app.server.ownerEmail, app.server.ownerPassword, language);
    try {
      await visit(page, '/app/products');
      await page.locator('[data-testid=new-product]').click();
      await page.locator('[data-testid=add-faq]').click();
      await page.locator('[data-testid=save-product]').click();
      await page.locator('[data-testid=product-form] .field-error').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `products/${language}-form`);
    } finally {
      await context.close();
    }
  });
});
