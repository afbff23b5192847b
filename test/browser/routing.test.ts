import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Console, consoleErrors, newContext, screenshot, settled, signedInPage, signIn, startConsole } from './harness.js';

/** URLs are the contract (issue 10): deep links, filters in the query, back/forward, not-found, a quiet signed-out load. */
let app: Console;
beforeAll(async () => {
  app = await startConsole();
});
afterAll(async () => {
  await app?.close();
});

describe('signed out', () => {
  test('loading the console logs no error and asks nothing that answers 401', async () => {
    const context = await newContext(app.browser);
    try {
      const page = await context.newPage();
      const errors = consoleErrors(page);
      const unauthorized: string[] = [];
      page.on('response', (r) => {
        if (r.status() === 401) unauthorized.push(r.url());
      });
      await page.goto(`${app.server.url}/app/kos`, { waitUntil: 'networkidle' });
      await page.locator('input[name=email]').waitFor();
      await screenshot(page, 'routing/signed-out');
      expect(unauthorized).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('a bookmarked URL with filters opens as it was after signing in', async () => {
    const context = await newContext(app.browser);
    try {
      const page = await context.newPage();
      await signIn(page, app.server.url, app.server.ownerEmail, app.server.ownerPassword, '/app/kos?status=paused');
      await page.locator('[data-testid=kos-table] tbody tr').first().waitFor();
      expect(new URL(page.url()).search).toBe('?status=paused');
      expect(await page.locator('select[name=status]').inputValue()).toBe('paused');
      expect(await page.locator('[data-testid=kos-table] tbody tr').allTextContents()).toEqual([
        expect.stringContaining('HOA03'),
      ]);
    } finally {
      await context.close();
    }
  });
});

describe('signed in', () => {
  test('an unknown /app/ path shows the not-found page, which leads back home', async () => {
    const { context, page } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword);
    try {
      await page.goto(`${app.server.url}/app/no/such/page`);
      await page.locator('[data-testid=not-found] h1').waitFor();
      expect(page.url()).toBe(`${app.server.url}/app/no/such/page`);
      await screenshot(page, 'routing/not-found');
      await page.locator('[data-testid=not-found] a').click();
      await page.locator('[data-testid=summary-cards]').waitFor();
      expect(page.url()).toBe(`${app.server.url}/app/`);
    } finally {
      await context.close();
    }
  });

  test('back and forward move between two pages with their filters in the URL', async () => {
    const { context, page } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword);
    const period = app.server.closedPeriod;
    const rows = (testId: string) => page.locator(`[data-testid=${testId}] tbody tr`);
    try {
      await page.locator('aside.sidebar nav a[href="/app/kos"]').click();
      await page.locator('select[name=status]').selectOption('active');
      await page.waitForURL(/\/app\/kos\?status=active$/);
      await expect.poll(() => rows('kos-table').count()).toBe(2);

      await page.locator('aside.sidebar nav a[href="/app/payouts"]').click();
      await page.locator('input[name=period]').waitFor();
      // A page change puts keyboard focus on the new page and marks its sidebar entry.
      expect(await page.evaluate('document.activeElement?.id')).toBe('main');
      expect(await page.locator('aside.sidebar nav a[aria-current=page]').getAttribute('href')).toBe('/app/payouts');
      await page.locator('input[name=period]').fill(period);
      await page.waitForURL(new RegExp(`/app/payouts\\?period=${period}$`));
      await expect.poll(() => rows('payout-table').count()).toBe(3);

      // Each filter change is a history entry of its own: back first undoes the month, then leaves the page.
      await page.goBack();
      await page.waitForURL(/\/app\/payouts$/);
      await page.goBack();
      await page.waitForURL(/\/app\/kos\?status=active$/);
      expect(await page.locator('select[name=status]').inputValue()).toBe('active');
      await expect.poll(() => rows('kos-table').count()).toBe(2);
      await screenshot(page, 'routing/back-to-roster');

      await page.goForward();
      await page.waitForURL(/\/app\/payouts$/);
      await page.goForward();
      await page.waitForURL(new RegExp(`/app/payouts\\?period=${period}$`));
      expect(await page.locator('input[name=period]').inputValue()).toBe(period);
      await expect.poll(() => rows('payout-table').count()).toBe(3);
    } finally {
      await context.close();
    }
  });

  test('/app/kos/new and /app/kos/:id are pages of their own', async () => {
    const { context, page } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword);
    try {
      await page.goto(`${app.server.url}/app/kos/${app.server.ids.lanKosId}`);
      await settled(page);
      expect(await page.locator('main h1').textContent()).toBe('Nguyễn Thị Lan');
      await page.goto(`${app.server.url}/app/kos/new`);
      await page.locator('[data-testid=kos-form]').waitFor();
      await page.locator('[data-testid=kos-form] button[type=button]').click();
      await page.waitForURL(`${app.server.url}/app/kos`);
    } finally {
      await context.close();
    }
  });

  test('a session that ends sends the user back to the login page', async () => {
    const { context, page } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword);
    try {
      await settled(page);
      await context.clearCookies();
      await page.locator('aside.sidebar nav a[href="/app/products"]').click();
      await page.locator('input[name=password]').waitFor();
      expect(page.url()).toBe(`${app.server.url}/app/products`);
    } finally {
      await context.close();
    }
  });
});
