import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { TestServer } from '../support/server.js';
import { type Console, screenshot, startConsole } from './harness.js';

/**
 * The web console end to end: the real app on a temporary database serving web/dist, driven by
 * Debian's Chromium through playwright-core (harness.ts). Steps share one page and run in order; each
 * leaves a screenshot in test/browser/output/console/.
 */
let app: Console;
let server: TestServer;
let page: Page;
/** CSP violations the pages reported (console errors and `securitypolicyviolation` events). */
const cspViolations: string[] = [];
/** The console's Content-Security-Policy header as the browser received it. */
let consoleCsp = '';

// Init scripts run through the DevTools protocol, outside the page's CSP, so this reporter always runs.
const REPORT_CSP_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (e) =>
  console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));`;
/** Collects the CSP violations a page reports (Chromium also logs each one as a console error). */
const watchCsp = (p: Page) =>
  p.on('console', (message) => {
    if (/Content Security Policy|CSP violation/i.test(message.text())) cspViolations.push(message.text());
  });

const suffix = Date.now().toString(36).toUpperCase().slice(-6);
const newKos = { code: `BT${suffix}`, handle: `browser.${suffix.toLowerCase()}`, name: `Browser Test ${suffix}` };
const text = async (selector: string) => ((await page.locator(selector).textContent()) ?? '').replace(/\s+/g, ' ').trim();
/** The current month in the test org's time zone (the default, Asia/Ho_Chi_Minh). */
const thisMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' })
  .format(new Date())
  .slice(0, 7);
const GENERIC_HEADER = 'platform,orderId,status,orderTime,quantity,grossMinor,netMinor,currency,kosCode';
/** A generic-format CSV of `count` completed website orders `<prefix>1…` for LAN01. */
const genericCsv = (prefix: string, count: number) =>
  [
    GENERIC_HEADER,
    ...Array.from(
      { length: count },
      (_, i) => `website,${prefix}${i + 1},completed,2026-11-01 10:00:00,1,159000,159000,VND,LAN01`,
    ),
  ].join('\n');
const csv = genericCsv('W', 1);

/** Picks `generic`, attaches `name` with `content` and submits the import form. */
async function submitImport(name: string, content: string) {
  const form = page.locator('[data-testid=import-form]');
  await form.locator('select[name=source]').selectOption('generic');
  await form.locator('input[name=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
  await form.locator('button[type=submit]').click();
}
/** The history row of the file `name` (each test uploads a file of its own name). */
const historyRow = (name: string) => page.locator('[data-testid=import-table] tbody tr', { hasText: name });

// Watches every DOM change for a visible, determinate <progress> not yet full while the submit button is
// disabled; run through the DevTools protocol, so the console's CSP does not apply.
const WATCH_PROGRESS = `(() => {
  window.partialProgressSeen = false;
  const check = () => {
    const bar = document.querySelector('[data-testid=import-progress-bar]');
    const submit = document.querySelector('[data-testid=import-form] button[type=submit]');
    if (bar && bar.hasAttribute('value') && bar.value < bar.max && bar.checkVisibility() && submit && submit.disabled)
      window.partialProgressSeen = true;
  };
  window.progressWatcher = new MutationObserver(check);
  window.progressWatcher.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
})()`;

beforeAll(async () => {
  app = await startConsole();
  server = app.server;
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  await context.addInitScript(REPORT_CSP_VIOLATIONS);
  page = await context.newPage();
  watchCsp(page);
  page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await app?.close();
});

afterEach(async ({ task }) => {
  if (page && !page.isClosed()) await screenshot(page, `console/${task.name}`);
});

describe('web console', () => {
  test('a wrong password shows the problem detail', async () => {
    consoleCsp = (await (await page.goto(`${server.url}/app/`))?.headerValue('content-security-policy')) ?? '';
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

  test('imports a generic CSV in the background and shows the report', async () => {
    await page.locator('aside.sidebar nav a[href="/app/imports"]').click();
    await submitImport('orders.csv', csv);
    await page.locator('[data-testid=import-progress][data-status=done]').waitFor();
    await page.locator('[data-testid=import-report]').waitFor();
    expect(await text('[data-testid=import-rows] dd')).toBe('1');
    expect(await text('[data-testid=import-inserted] dd')).toBe('1');
    expect(await text('[data-testid=import-rejected] dd')).toBe('0');
    expect(await page.locator('[data-testid=import-form] button[type=submit]').isEnabled()).toBe(true);
    await historyRow('orders.csv').locator('[data-testid=import-status][data-status=done]').waitFor();
    // Dates follow the interface language (zh-CN since the glossary step), on the org's time zone, 24-hour.
    expect(await historyRow('orders.csv').locator('td').first().textContent()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
  });

  test('the dashboard renders its charts under the console CSP without a violation', async () => {
    expect(consoleCsp).toContain("script-src 'self'");
    expect(consoleCsp).toContain("frame-ancestors 'none'");
    // The days of the imported CSV: the chart draws only where there are sales.
    await page.goto(`${server.url}/app/?from=2026-11-01&to=2026-11-30`);
    const chart = page.locator('.card.sales canvas').first();
    await chart.waitFor();
    // The tooltip is HTML that ECharts writes with inline styles: hovering exercises it.
    const box = await chart.boundingBox();
    if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(300);
    expect(cspViolations).toEqual([]);
  });

  test('a file that cannot be read shows the failed state with its reason', async () => {
    const semicolons = [
      'platform;orderId;status;orderTime;quantity;grossMinor;netMinor;currency;kosCode',
      'website;S1;completed;2026-11-01 10:00:00;1;159000;159000;VND;LAN01',
    ].join('\n');
    // Back from the dashboard step to the imports page.
    await page.locator('aside.sidebar nav a[href="/app/imports"]').click();
    await submitImport('semicolons.csv', semicolons);
    const progress = page.locator('[data-testid=import-progress][data-status=failed]');
    await progress.waitFor();
    // zh-CN is the language since the glossary step: the reason is the report's failedKey in Chinese
    // (import.file.missing_columns_not_comma), not the server's English failedReason.
    const reason = (await progress.locator('[data-testid=import-failed-reason]').textContent()) ?? '';
    expect(reason).toContain('缺少必需的列');
    expect(reason).toContain('逗号分隔');
    /** An English sentence: three lower-case words in a row (column names are joined with 、, not spaces). */
    const english = /[a-z]+ [a-z]+ [a-z]+/;
    expect(reason).not.toContain('missing required column');
    expect(reason).not.toMatch(english);
    // No row of the file was stored.
    expect(await text('[data-testid=import-rows-saved]')).toBe('未保存任何数据行。');
    expect(await page.locator('[data-testid=import-report]').count()).toBe(0);
    const row = historyRow('semicolons.csv');
    const badge = row.locator('[data-testid=import-status][data-status=failed]');
    await badge.waitFor();
    const note = (await page.locator('[data-testid=import-failed-note]').first().textContent()) ?? '';
    expect(note).toBe(reason);
    expect(note).not.toMatch(english);
    expect(await badge.getAttribute('title')).toBe(reason);
  });

  test('a rejected row is explained in the console’s language, not the server’s English', async () => {
    const badQuantity = [GENERIC_HEADER, 'website,Q1,completed,2026-11-01 10:00:00,many,159000,159000,VND,LAN01'].join('\n');
    await submitImport('bad-quantity.csv', badQuantity);
    await page.locator('[data-testid=import-report]').waitFor();
    expect(await text('[data-testid=import-rejected] dd')).toBe('1');
    const reason = await text('[data-testid=import-errors] tbody tr td:nth-child(3)');
    // zh-CN since the glossary step.
    expect(reason).toMatch(/[\u4e00-\u9fff]/);
    expect(reason).not.toMatch(/\b(must|expected|invalid|number)\b/i);
  });

  test('a large import shows a progress bar filling up before its report', async () => {
    await page.evaluate(WATCH_PROGRESS);
    await submitImport('large.csv', genericCsv('L', 20_000));
    await page.locator('[data-testid=import-report]').waitFor({ timeout: 90_000 });
    expect(await page.evaluate('window.progressWatcher.disconnect(), window.partialProgressSeen')).toBe(true);
    expect(await text('[data-testid=import-rows] dd')).toBe('20,000');
    expect(await text('[data-testid=import-inserted] dd')).toBe('20,000');
    await historyRow('large.csv').locator('[data-testid=import-status][data-status=done]').waitFor();
  }, 120_000);

  test('a VND price reads 1.234.568 ₫ whatever the language, as on statements and bio pages', async () => {
    const created = await page.evaluate(
      async (sku) =>
        (
          await fetch('/api/v1/products', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ sku, name: 'Serum Hoa Sen', priceMinor: 1_234_568 }),
          })
        ).status,
      `BT-${suffix}`,
    );
    expect(created).toBe(201);
    await page.locator('aside.sidebar nav a[href="/app/products"]').click();
    const row = page.locator('[data-testid=product-table] tbody tr', { hasText: `BT-${suffix}` });
    await row.waitFor();
    expect(await row.locator('td.num.rl-status').textContent()).toBe('1.234.568 ₫');
  });

  test('closing the current month asks first, then shows the 409 in the console’s language', async () => {
    await page.locator('aside.sidebar nav a[href="/app/payouts"]').click();
    await page.locator('input[name=period]').fill(thisMonth);
    expect(page.url()).toContain(`period=${thisMonth}`);
    expect(await page.locator('[data-testid=export-csv]').getAttribute('href')).toContain(`period=${thisMonth}`);
    await page.locator('[data-testid=close-month]').click();
    const dialog = page.locator('dialog[open]');
    await dialog.locator('[data-testid=confirm]').click();
    const alert = dialog.locator('[role=alert]');
    await alert.waitFor();
    // zh-CN since the glossary step: never the server's English sentence ("period … has not ended yet").
    const shown = (await alert.textContent()) ?? '';
    expect(shown).not.toContain('has not ended');
    expect(shown).toMatch(/[\u4e00-\u9fff]/);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  test('the API docs render Swagger UI under their CSP without a violation', async () => {
    const docs = await page.context().newPage();
    watchCsp(docs);
    try {
      const response = await docs.goto(`${server.url}/api/docs/`);
      expect(await response?.headerValue('content-security-policy')).toContain("script-src 'self'");
      const operation = docs.locator('.swagger-ui .opblock').first();
      // Swagger UI takes seconds to lay out the whole API on a busy machine.
      await operation.waitFor({ timeout: 40_000 });
      // Opening an operation renders its parameters, example JSON and schemas too.
      await operation.locator('.opblock-summary').click();
      await docs.locator('.swagger-ui .opblock-body').first().waitFor();
      await docs.waitForTimeout(300);
      expect(await docs.locator('.swagger-ui .info .title').textContent()).toContain('kosmatrix API');
      expect(cspViolations).toEqual([]);
    } finally {
      await docs.close();
    }
  }, 60_000);

  test('a bio page renders under its script-free CSP without a violation', async () => {
    const bio = await page.context().newPage();
    watchCsp(bio);
    try {
      const response = await bio.goto(`${server.url}/@lan.beauty`);
      expect(response?.status()).toBe(200);
      expect(await response?.headerValue('content-security-policy')).toContain("default-src 'none'");
      await bio.locator('h1', { hasText: 'Nguyễn Thị Lan' }).waitFor();
      // The inline <style> block applied (it sets main's width).
      expect(await bio.evaluate("getComputedStyle(document.querySelector('main')).maxWidth")).toBe('480px');
      expect(cspViolations).toEqual([]);
    } finally {
      await bio.close();
    }
  });
});
