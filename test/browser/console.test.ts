import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer } from '../support/server.js';

/**
 * The web console end to end: the real app on a temporary database serving web/dist, driven by
 * Debian's Chromium through playwright-core. Steps share one page and run in order.
 * web/dist is rebuilt first so the test never runs a stale console (KOS_WEB_BUILD=0 skips that).
 */
const WEB_CONFIG = fileURLToPath(new URL('../../web/vite.config.ts', import.meta.url));
const CHROMIUM = process.env.KOS_CHROMIUM ?? '/usr/bin/chromium';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let page: Page;

const suffix = Date.now().toString(36).toUpperCase().slice(-6);
const newKos = { code: `BT${suffix}`, handle: `browser.${suffix.toLowerCase()}`, name: `Browser Test ${suffix}` };
const text = async (selector: string) => ((await page.locator(selector).textContent()) ?? '').replace(/\s+/g, ' ').trim();
/** The current month in the test org's time zone (the default, Asia/Ho_Chi_Minh). */
const thisMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' })
  .format(new Date())
  .slice(0, 7);
const csv = [
  'platform,orderId,status,orderTime,quantity,grossMinor,netMinor,currency,kosCode',
  'website,W1,completed,2026-11-01 10:00:00,1,159000,159000,VND,LAN01',
].join('\n');

beforeAll(async () => {
  if (process.env.KOS_WEB_BUILD !== '0') await build({ configFile: WEB_CONFIG, logLevel: 'warn' });
  server = await startTestServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('web console', () => {
  test('a wrong password shows the problem detail', async () => {
    await page.goto(`${server.url}/app/`);
    await page.locator('input[name=email]').fill(server.ownerEmail);
    await page.locator('input[name=password]').fill(`${server.ownerPassword}-wrong`);
    await page.locator('button[type=submit]').click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBeTruthy();
  });

  test('logs in through the form', async () => {
    await page.locator('input[name=password]').fill(server.ownerPassword);
    await page.locator('button[type=submit]').click();
    await page.locator('aside.sidebar nav').waitFor();
    expect(await page.locator('input[name=password]').count()).toBe(0);
  });

  test('the dashboard shows the summary cards', async () => {
    await page.locator('[data-testid=metric-gmvMinor]').waitFor();
    expect(await text('[data-testid=metric-gmvMinor] .metric-value')).toBe('0 ₫');
    expect(await text('[data-testid=metric-orders] .metric-value')).toBe('0');
    expect(await text('[data-testid=metric-conversionRate] .metric-value')).toBe('—');
    await page.locator('[data-testid=leaderboard]').waitFor();
    await page.locator('[data-testid=status-counts] .counts').waitFor();
  });

  test('the roster lists the org’s KOS', async () => {
    await page.locator('aside.sidebar nav a[href="/app/kos"]').click();
    await page.locator('[data-testid=kos-table] tbody tr').first().waitFor();
    expect(page.url()).toBe(`${server.url}/app/kos`);
    expect(await page.locator('[data-testid=kos-table] tbody tr').count()).toBeGreaterThan(0);
  });

  test('switching to zh-CN shows the glossary terms', async () => {
    await page.locator('[data-testid=language]').selectOption('zh-CN');
    await page.getByText('KOS矩阵').first().waitFor();
    const header = await page.locator('[data-testid=kos-table] thead').textContent();
    expect(header).toContain('等级');
    expect(await page.evaluate('localStorage.getItem("kos.locale")')).toBe('zh-CN');
  });

  test('creates a KOS through the form and sees it listed', async () => {
    await page.locator('[data-testid=new-kos]').click();
    const form = page.locator('[data-testid=kos-form]');
    await form.locator('input[name=code]').fill(newKos.code);
    await form.locator('input[name=handle]').fill(newKos.handle);
    await form.locator('input[name=name]').fill(newKos.name);
    await form.locator('select[name=relationship]').selectOption('store_staff');
    await form.locator('button[type=submit]').click();
    await form.waitFor({ state: 'detached' });
    await page.locator('[data-testid=kos-table] tbody tr', { hasText: newKos.code }).waitFor();
    await page.locator('[data-testid=kos-detail]', { hasText: newKos.name }).waitFor();
  });

  test('an invalid code shows the field error under the code input', async () => {
    await page.locator('[data-testid=new-kos]').click();
    const form = page.locator('[data-testid=kos-form]');
    await form.locator('input[name=code]').fill('ab!');
    await form.locator('input[name=handle]').fill(`bad.${suffix.toLowerCase()}`);
    await form.locator('input[name=name]').fill('Invalid Code');
    await form.locator('button[type=submit]').click();
    const error = form.locator('.field-error[data-field=code]');
    await error.waitFor();
    expect(await error.textContent()).toBeTruthy();
    expect(await page.locator('[data-testid=kos-table] tbody tr', { hasText: 'Invalid Code' }).count()).toBe(0);
  });

  test('imports a generic CSV and shows the report', async () => {
    await page.locator('aside.sidebar nav a[href="/app/imports"]').click();
    const form = page.locator('[data-testid=import-form]');
    await form.locator('select[name=source]').selectOption('generic');
    await form.locator('input[name=file]').setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await form.locator('button[type=submit]').click();
    await page.locator('[data-testid=import-report]').waitFor();
    expect(await text('[data-testid=import-inserted] dd')).toBe('1');
    expect(await text('[data-testid=import-rejected] dd')).toBe('0');
    await page.locator('[data-testid=import-table] tbody tr', { hasText: 'orders.csv' }).waitFor();
  });

  test('closing the current month shows the 409 detail', async () => {
    await page.locator('aside.sidebar nav a[href="/app/payouts"]').click();
    await page.locator('input[name=period]').fill(thisMonth);
    expect(await page.locator('[data-testid=export-csv]').getAttribute('href')).toContain(`period=${thisMonth}`);
    await page.locator('[data-testid=close-month]').click();
    const alert = page.locator('[data-testid=payout-messages] [role=alert]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('has not ended');
  });
});
