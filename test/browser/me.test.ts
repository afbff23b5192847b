import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Console, consoleErrors, screenshot, settled, signedInPage, startConsole } from './harness.js';
import { ownerApi, seedSales } from './me-seed.js';

/**
 * `/app/me`, a KOS member's home: only their own links, lines, earnings, payouts and sessions (another
 * KOS's link and line exist and never show), and their own bio details to edit — on a desktop and a phone.
 */
let app: Console;
beforeAll(async () => {
  app = await startConsole();
  await seedSales(await ownerApi(app.server));
});
afterAll(async () => {
  await app?.close();
});

const text = async (page: Page, selector: string) => ((await page.locator(selector).textContent()) ?? '').replace(/\s+/g, ' ');

describe('a KOS member', () => {
  test('sees their own record, links, sales, earnings, payouts and sessions — and nobody else’s', async () => {
    const { context, page } = await signedInPage(app, app.server.kosMemberEmail, app.server.memberPassword);
    const errors = consoleErrors(page);
    try {
      await page.waitForURL(`${app.server.url}/app/me`);
      await settled(page);
      expect(await text(page, '[data-testid=my-code]')).toContain('LAN01');
      expect(await page.locator('[data-testid=bio-page-link]').getAttribute('href')).toBe('/@lan.beauty');

      const links = await text(page, '[data-testid=my-links]');
      expect(links).toContain('Lan serum link');
      expect(links).not.toContain('Minh cream link');
      expect(await page.locator('[data-testid=my-link-table] tbody tr').count()).toBe(1);

      const sales = await text(page, '[data-testid=my-sales]');
      expect(sales).toContain('LANORDER1');
      expect(sales).toContain('LANORDER2');
      expect(sales).not.toContain('MINHORDER1');
      expect(sales).not.toContain('Kem Minh');

      // The seeded bonus (2.500.000 ₫) was taken into the closed month's payout, which is approved or draft.
      expect(await text(page, '[data-testid=my-payouts]')).toContain(app.server.closedPeriod);
      expect(await page.locator('[data-testid=my-payout-table] tbody tr').count()).toBe(1);
      expect(await text(page, '[data-testid=my-totals]')).toContain('2.500.000 ₫');
      expect(await text(page, '[data-testid=my-sessions]')).toContain('Serum Hoa Sen — livestream');
      await screenshot(page, 'me/home');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('edits their bio and contacts; a bad phone shows its error next to the field, in Vietnamese', async () => {
    const { context, page } = await signedInPage(app, app.server.kosMemberEmail, app.server.memberPassword, { language: 'vi' });
    try {
      await page.waitForURL(`${app.server.url}/app/me`);
      // The bio form has its own page, /app/me/bio, linked from the home.
      await page.locator('[data-testid=my-bio-link]').click();
      await page.waitForURL(`${app.server.url}/app/me/bio`);
      await settled(page);
      const form = page.locator('[data-testid=bio-form]');
      await form.locator('textarea[name=bio]').fill('Chuyên gia chăm sóc da, livestream mỗi tối thứ Sáu.');
      await form.locator('input[name="contacts.phone"]').fill('abc');
      await form.locator('[data-testid=save-bio]').click();
      const error = form.locator('.field-error[data-field="contacts.phone"]');
      await error.waitFor();
      expect(await error.textContent()).not.toMatch(/must be/);
      await screenshot(page, 'me/bio-error-vi');

      await form.locator('input[name="contacts.phone"]').fill('+84 901 234 567');
      await form.locator('input[name="contacts.zalo"]').fill('0901234567');
      await form.locator('[data-testid=save-bio]').click();
      await page.locator('[data-testid=bio-saved]').waitFor();
      await page.reload();
      await settled(page);
      expect(await page.locator('[data-testid=bio-form] textarea[name=bio]').inputValue()).toBe(
        'Chuyên gia chăm sóc da, livestream mỗi tối thứ Sáu.',
      );
      expect(await page.locator('[data-testid=bio-form] input[name="contacts.zalo"]').inputValue()).toBe('0901234567');
      // The public bio page shows it (LAN01 is active).
      const bio = await (await fetch(`${app.server.url}/@lan.beauty`)).text();
      expect(bio).toContain('Chuyên gia chăm sóc da');
    } finally {
      await context.close();
    }
  });

  test('on a 390 px phone every section fits the screen with statuses and copy buttons visible', async () => {
    const { context, page } = await signedInPage(app, app.server.kosMemberEmail, app.server.memberPassword, {
      width: 390,
      language: 'zh-CN',
    });
    try {
      await page.waitForURL(`${app.server.url}/app/me`);
      await settled(page);
      const outside = (selector: string) =>
        page
          .locator(selector)
          .evaluateAll((els) =>
            els.map((el) => el.getBoundingClientRect()).filter((b) => b.width === 0 || b.left < 0 || b.right > 390),
          );
      expect(await outside('[data-testid=my-link-table] td.rl-actions .btn')).toEqual([]);
      expect(await outside('[data-testid=my-line-table] td.rl-status .badge')).toEqual([]);
      expect(await outside('[data-testid=my-payout-table] td.rl-status .badge')).toEqual([]);
      expect(await page.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth')).toBe(false);
      await screenshot(page, 'me/phone-zh-CN');
    } finally {
      await context.close();
    }
  });
});
