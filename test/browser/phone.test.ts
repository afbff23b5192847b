import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Console, screenshot, settled, signedInPage, startConsole } from './harness.js';

/** At 390 px lists become cards: each row's status (and its main action) is on screen without scrolling sideways. */
const WIDTH = 390;
let app: Console;
let page: Page;
beforeAll(async () => {
  app = await startConsole();
  page = (await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword, { width: WIDTH, language: 'vi' })).page;
});
afterAll(async () => {
  await app?.close();
});

/** The boxes of `selector` that are not wholly inside the viewport's width. */
const offScreen = (selector: string) =>
  page.locator(selector).evaluateAll((els, width) => {
    return els
      .map((el) => el.getBoundingClientRect())
      .filter((box) => box.width === 0 || box.left < 0 || box.right > width)
      .map((box) => `${box.left}–${box.right}`);
  }, WIDTH);
// Page scripts are strings: the tests are compiled without the DOM's types.
const pageScrollsSideways = () => page.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth');

test('the roster: every row’s status is visible', async () => {
  await page.goto(`${app.server.url}/app/kos`);
  await settled(page);
  const statuses = '[data-testid=kos-table] tbody tr td.rl-status .badge';
  expect(await page.locator(statuses).count()).toBe(3);
  expect(await offScreen(statuses)).toEqual([]);
  expect(await pageScrollsSideways()).toBe(false);
  await screenshot(page, 'phone/roster');
});

test('payouts: every row’s status and main action are visible', async () => {
  await page.goto(`${app.server.url}/app/payouts?period=${app.server.closedPeriod}`);
  await settled(page);
  const statuses = '[data-testid=payout-table] tbody tr td.rl-status .badge';
  expect(await page.locator(statuses).count()).toBe(3);
  expect(await offScreen(statuses)).toEqual([]);
  expect(await offScreen('[data-testid=payout-table] tbody tr td.rl-actions .btn.primary')).toEqual([]);
  expect(await page.locator('[data-testid=payout-table] tbody tr td.rl-actions .btn.primary').count()).toBe(3);
  expect(await pageScrollsSideways()).toBe(false);
  await screenshot(page, 'phone/payouts');
});

test('the menu opens the sidebar inside the screen', async () => {
  await page.locator('.menu-toggle').click();
  await page.locator('aside.sidebar nav a[href="/app/kos"]').waitFor();
  expect(await offScreen('aside.sidebar nav a')).toEqual([]);
  expect(await pageScrollsSideways()).toBe(false);
  await screenshot(page, 'phone/menu');
});
