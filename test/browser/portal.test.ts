import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { type Console, consoleErrors, screenshot, settled, signIn, startConsole } from './harness.js';
import { type Call, ownerApi } from './me-seed.js';

/**
 * The KOS portal on a phone (390 × 844): a KOS member makes a link to a catalogue product for themselves,
 * sees its short URL and QR code at once, copies it, and reads their earnings and statements
 * (docs/portal.md). The data is seeded through the real API as the owner.
 */
vi.setConfig({ testTimeout: 120_000 });
let app: Console;
let call: Call;
const PRODUCT = { sku: 'PORTAL-SERUM', name: 'Serum Sen Trắng', priceMinor: 459_000, url: 'https://shop.example.vn/serum-sen' };
beforeAll(async () => {
  app = await startConsole();
  call = await ownerApi(app.server);
  await call('POST', '/products', PRODUCT);
  await call('POST', '/products', { sku: 'PORTAL-NOPAGE', name: 'Serum Sen Mẫu', priceMinor: 1000 });
  // A booked bonus, pending: on top of the seeded 2.500.000 ₫ already taken into the closed month's payout.
  await call('POST', '/ledger', {
    kosId: app.server.ids.lanKosId,
    kind: 'bonus',
    amountMinor: 1_234_000,
    reason: 'Portal bonus',
  });
});
afterAll(async () => {
  await app?.close();
});

async function imageLoaded(img: Locator): Promise<boolean> {
  for (let i = 0; i < 50; i++) {
    if (await img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth > 0)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe('a KOS member on a phone', () => {
  test('makes a link to a catalogue product, copies its short URL, sees its QR code and their earnings', async () => {
    const context = await app.browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'en-US',
      isMobile: true,
      hasTouch: true,
    });
    await context.addInitScript(`try { localStorage.setItem('kos.locale', 'en') } catch {}`);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.url });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors = consoleErrors(page);
    try {
      await signIn(page, app.server.url, app.server.kosMemberEmail, app.server.memberPassword);
      await page.waitForURL(`${app.server.url}/app/me`);
      await settled(page);

      // From the home page to "My links".
      await page.locator('[data-testid=new-own-link]').click();
      await page.waitForURL(`${app.server.url}/app/me/links`);
      await settled(page);
      const form = page.locator('[data-testid=new-link-form]');
      await form.locator('input[name=q]').fill('sen');
      const options = form.locator('[data-testid=product-options]');
      await options.getByText(PRODUCT.name).waitFor();
      // The product without a page cannot be picked.
      expect(await options.locator('li', { hasText: 'Serum Sen Mẫu' }).locator('input').isDisabled()).toBe(true);
      expect(await form.locator('[data-testid=create-link]').isDisabled()).toBe(true);
      await options.locator('li', { hasText: PRODUCT.name }).locator('input').check();
      await form.locator('input[name=title]').fill('Serum for my Friday live');
      await form.locator('[data-testid=create-link]').click();

      // The short URL and its QR code show at once.
      const made = page.locator('[data-testid=made-link]');
      await made.waitFor();
      const shortUrl = ((await made.locator('[data-testid=made-short-url]').textContent()) ?? '').trim();
      // The short URL is on the public base (KOS_PUBLIC_URL); the test server answers the same slug.
      const slug = /\/([A-Za-z0-9_-]{4,})$/.exec(shortUrl)?.[1];
      expect(slug).toBeTruthy();
      expect(await imageLoaded(made.locator('[data-testid=made-qr]'))).toBe(true);
      await made.locator('[data-testid=copy-link]').click();
      await made.locator('[data-testid=copy-link][data-state=copied]').waitFor();
      expect(await page.evaluate('navigator.clipboard.readText()')).toBe(shortUrl);
      await screenshot(page, 'portal/new-link-phone');

      // The link redirects to the product's page, and it is in their list.
      const redirect = await fetch(`${app.server.url}/${slug}`, { redirect: 'manual' });
      expect(redirect.status).toBe(302);
      expect(redirect.headers.get('location')).toContain('shop.example.vn/serum-sen');
      const list = page.locator('[data-testid=my-links]');
      await list.getByText('Serum for my Friday live').waitFor();
      await list.locator('[data-testid=show-qr]').first().click();
      expect(await imageLoaded(page.locator('[data-testid=link-qr] img'))).toBe(true);

      // "My earnings": pending 1.234.000 ₫ (the new bonus), and the closed month's payout with its statement.
      await page.goto(`${app.server.url}/app/me/earnings`);
      await settled(page);
      const pending = ((await page.locator('[data-testid=total-pending]').textContent()) ?? '').replace(/\s+/g, ' ');
      expect(pending).toContain('1.234.000 ₫');
      const totals = ((await page.locator('[data-testid=my-totals]').textContent()) ?? '').replace(/\s+/g, ' ');
      expect(totals).toContain('2.500.000 ₫');
      expect(await page.locator('[data-testid=my-entry-table]').textContent()).toContain('Portal bonus');
      const payouts = page.locator('[data-testid=my-payouts]');
      expect(await payouts.textContent()).toContain(app.server.closedPeriod);
      const statement = await payouts
        .locator('a', { hasText: /statement/i })
        .first()
        .getAttribute('href');
      expect(statement).toMatch(/^\/api\/v1\/payouts\/[^/]+\/statement\?lang=en$/);
      const html = await page.request.get(`${app.server.url}${statement}`);
      expect(html.status()).toBe(200);
      expect(await html.text()).toContain('2.500.000');
      await screenshot(page, 'portal/earnings-phone');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
