import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Console, consoleErrors, screenshot, settled, signedInPage, startConsole } from './harness.js';
import { ownerApi, type SeededSales, seedSales } from './me-seed.js';

/**
 * The dashboard: filters live in the URL (reload, back and forward keep them), KPI cards and breakdown rows
 * open `/app/lines` with the same filters, and the charts read on a 390 px phone.
 */
let app: Console;
let seeded: SeededSales;
beforeAll(async () => {
  app = await startConsole();
  seeded = await seedSales(await ownerApi(app.server));
});
afterAll(async () => {
  await app?.close();
});

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const query = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);
const value = async (page: Page, key: string) =>
  ((await page.locator(`[data-testid=metric-${key}] .metric-value`).textContent()) ?? '').trim();

describe('the owner', () => {
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    page = (await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword)).page;
    errors = consoleErrors(page);
  });

  test('filters are kept in the URL through reload, back and forward', async () => {
    const from = addDays(seeded.day, -2);
    await page.goto(`${app.server.url}/app/?from=${from}&to=${seeded.day}`);
    await settled(page);
    // LANORDER1 300 000 + LANORDER2 150 000 (cancelled lines count in GMV) + MINHORDER1 500 000.
    expect(await value(page, 'gmvMinor')).toBe('950.000 ₫');
    expect(await value(page, 'orders')).toBe('3');

    await page.locator('[data-testid=dashboard-filters] select[name=platform]').selectOption('website');
    await page.waitForURL(/platform=website/);
    await page.locator('[data-testid=metric-gmvMinor] .metric-value', { hasText: '800.000 ₫' }).waitFor();
    expect(query(page)).toEqual({ from, to: seeded.day, platform: 'website' });

    await page.reload();
    await settled(page);
    expect(await page.locator('[data-testid=dashboard-filters] select[name=platform]').inputValue()).toBe('website');
    expect(await value(page, 'gmvMinor')).toBe('800.000 ₫');

    await page.goBack();
    await page.locator('[data-testid=metric-gmvMinor] .metric-value', { hasText: '950.000 ₫' }).waitFor();
    expect(await page.locator('[data-testid=dashboard-filters] select[name=platform]').inputValue()).toBe('');
    await page.goForward();
    await page.locator('[data-testid=metric-gmvMinor] .metric-value', { hasText: '800.000 ₫' }).waitFor();
    expect(await page.locator('[data-testid=dashboard-filters] select[name=platform]').inputValue()).toBe('website');
    await screenshot(page, 'dashboard/filtered');
  });

  test('breakdowns and the leaderboard show the period’s sales', async () => {
    await page.locator('[data-testid=dashboard-filters] select[name=platform]').selectOption('');
    await page.locator('[data-testid=breakdown-platform] tbody tr', { hasText: 'Shopee' }).waitFor();
    await page.locator('[data-testid=breakdown-product] tbody tr', { hasText: 'SERUM1' }).waitFor();
    const leaders = page.locator('[data-testid=leaderboard] tbody tr');
    await leaders.first().waitFor();
    expect(await leaders.first().textContent()).toContain('MINH02');
    await page.locator('.card.sales canvas').first().waitFor();
    await screenshot(page, 'dashboard/owner');
  });

  test('a KPI opens the order lines with the dashboard’s filters', async () => {
    await page.locator('[data-testid=dashboard-filters] select[name=platform]').selectOption('website');
    await page.waitForURL(/platform=website/);
    await page.locator('[data-testid=metric-cancelRate]').click();
    await page.waitForURL(/\/app\/lines\?/);
    // Every line counts (attributed or not), and the lines page's `to` is the first day left out.
    expect(query(page)).toEqual({
      attributed: 'all',
      from: addDays(seeded.day, -2),
      to: addDays(seeded.day, 1),
      platform: 'website',
      status: 'cancelled',
    });
    await page.goBack();
    await page.locator('[data-testid=summary-cards]').waitFor();
    const row = page.locator('[data-testid=leaderboard] tbody tr', { hasText: 'LAN01' });
    await row.locator('a').click();
    await page.waitForURL(/\/app\/lines\?/);
    expect(query(page)).toMatchObject({ kosId: seeded.lanKosId, platform: 'website' });
    // The lines behind the figure, ordered on the dashboard's last day, are listed.
    await page.locator('main', { hasText: 'LANORDER1' }).waitFor();
    expect(errors).toEqual([]);
  });
});

test('a manager sees their scope’s dashboard without an error', async () => {
  const { context, page } = await signedInPage(app, app.server.managerEmail, app.server.memberPassword);
  try {
    await settled(page);
    await page.locator('[data-testid=summary-cards]').waitFor();
    expect(await page.locator('[data-testid=error-box]').count()).toBe(0);
  } finally {
    await context.close();
  }
});

test.each(['vi', 'zh-CN'] as const)(
  'at 390 px in %s the dashboard fits the screen',
  async (language) => {
    const { context, page } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword, { width: 390, language });
    try {
      await page.goto(`${app.server.url}/app/?from=${addDays(seeded.day, -29)}&to=${seeded.day}`);
      await settled(page);
      await page.locator('.card.sales canvas').first().waitFor();
      await page.locator('[data-testid=status-counts] canvas').first().waitFor();
      await page.waitForTimeout(400);
      await screenshot(page, `dashboard/phone-${language}`);
      const wide = await page
        .locator('main *')
        .evaluateAll((els) =>
          els
            .filter((el) => el.getBoundingClientRect().right > 391)
            .map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`),
        );
      expect(wide).toEqual([]);
    } finally {
      await context.close();
    }
  },
  60_000,
);
