import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Console, consoleErrors, newContext, screenshot, settled, signedInPage, signIn, startConsole } from './harness.js';

/**
 * The mapping builder (docs/import-mappings.md): an owner builds a column mapping from a dealer's
 * spreadsheet (Vietnamese headers under a banner row, `;` between cells, day-first dates, `,` decimals),
 * maps its status texts, saves it, then imports the same layout with it as the source on the import page.
 */
const SAMPLE = readFileSync(new URL('../fixtures/mappings/dealer-sales.csv', import.meta.url));
const NAME = 'dealer_sales';
/** The preview is asked again 400 ms after the last change: polls wait for it. */
const WAIT = { timeout: 10_000 };

let app: Console;
let context: BrowserContext;
let page: Page;
let errors: string[];
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
beforeAll(async () => {
  app = await startConsole();
  // axe-core is loaded in every page (through the DevTools protocol, outside the console's CSP).
  context = await newContext(app.browser);
  await context.addInitScript(AXE);
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await signIn(page, app.server.url, app.server.ownerEmail, app.server.ownerPassword);
  errors = consoleErrors(page);
});

/** axe's serious and critical violations of the page as shown now (pages-a11y.test.ts checks the empty pages). */
async function seriousViolations(): Promise<string[]> {
  const violations = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)")) as {
    id: string;
    impact: string | null;
    nodes: { target: string[] }[];
  }[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
afterAll(async () => {
  await context?.close();
  await app?.close();
});

const builder = () => page.locator('[data-testid=mapping-builder]');
const previewRows = (state: 'true' | 'false') => page.locator(`[data-testid=mapping-preview] tbody tr[data-ok="${state}"]`);
const text = async (selector: string) => ((await page.locator(selector).textContent()) ?? '').replace(/\s+/g, ' ').trim();
const COLUMNS: Record<string, string> = {
  orderId: 'Mã đơn',
  status: 'Trạng thái',
  orderTime: 'Ngày đặt',
  sku: 'Mã SP',
  productName: 'Tên sản phẩm',
  quantity: 'SL',
  grossMinor: 'Thành tiền',
  netMinor: 'Khách trả',
  kosCode: 'Mã KOS',
};

describe('an owner builds a column mapping in the console', () => {
  test('reaches the builder from the import page', async () => {
    await page.locator('aside.sidebar nav a[href="/app/imports"]').click();
    await page.locator('[data-testid=manage-mappings]').click();
    await settled(page);
    await page.locator('[data-testid=new-mapping]').click();
    await builder().waitFor();
    await screenshot(page, 'mappings/new');
  });

  test('a preset fills every setting; blank clears them again', async () => {
    await builder().locator('[data-testid=mapping-preset]').selectOption('douyin_alliance');
    expect(await builder().locator('select[name=platform]').inputValue()).toBe('douyin');
    expect(await builder().locator('select[name=currency]').inputValue()).toBe('CNY');
    expect(await builder().locator('select[name=timezone]').inputValue()).toBe('Asia/Shanghai');
    expect(await builder().locator('select[name="columns.orderId"]').inputValue()).toBe('订单ID');
    await builder().locator('[data-testid=mapping-preset]').selectOption('');
    expect(await builder().locator('select[name=platform]').inputValue()).toBe('other');
    expect(await builder().locator('select[name=currency]').inputValue()).toBe('');
    expect(await builder().locator('select[name="columns.orderId"]').inputValue()).toBe('');
  });

  test('loads the sample and reads its headers once the header row and delimiter are set', async () => {
    await builder()
      .locator('input[name=sample]')
      .setInputFiles({ name: 'dealer-sales.csv', mimeType: 'text/csv', buffer: SAMPLE });
    await page.locator('[data-testid=mapping-headers]').waitFor();
    await builder().locator('input[name=headerRow]').fill('2');
    await builder().locator('select[name=delimiter]').selectOption(';');
    await page.locator('[data-testid=mapping-headers] li', { hasText: 'Khách trả' }).waitFor();
    const headers = await page.locator('[data-testid=mapping-headers] li').allTextContents();
    expect(headers).toEqual([
      'Mã đơn',
      'Trạng thái',
      'Ngày đặt',
      'Mã SP',
      'Tên sản phẩm',
      'SL',
      'Thành tiền',
      'Khách trả',
      'Mã KOS',
    ]);
  });

  test('maps the columns, the decimal comma and the day-first dates; unknown statuses are highlighted', async () => {
    for (const [field, header] of Object.entries(COLUMNS))
      await builder().locator(`select[name="columns.${field}"]`).selectOption(header);
    await builder().locator('select[name=amountUnit]').selectOption('major');
    await builder().locator('select[name=decimalMark]').selectOption(',');
    await builder().locator('input[name=dateFormat]').fill('dd/MM/yyyy HH:mm');
    // Every row is refused for its status text until the texts are mapped.
    await expect.poll(() => previewRows('false').count(), WAIT).toBe(3);
    await expect
      .poll(() => page.locator('[data-testid=mapping-preview] td[data-field=status][data-error=true]').count(), WAIT)
      .toBe(3);
    // …and for nothing else: the times, amounts and quantities read (each row says only its status).
    const problems = () => page.locator('[data-testid=mapping-preview] .mapping-problems').allTextContents();
    await expect.poll(async () => (await problems()).filter((p) => !/^Status: /.test(p)), WAIT).toEqual([]);
    expect(
      await page.locator('select[data-status-text]').evaluateAll((s) => s.map((e) => e.getAttribute('data-status-text'))),
    ).toEqual(['Đã giao', 'Đang giao']);
    await screenshot(page, 'mappings/unmapped-statuses');
    expect(await seriousViolations()).toEqual([]);
  });

  test('maps the status texts and previews every row parsed', async () => {
    await page.locator('select[data-status-text="Đã giao"]').selectOption('completed');
    await page.locator('select[data-status-text="Đang giao"]').selectOption('pending');
    await expect.poll(() => previewRows('true').count(), WAIT).toBe(3);
    expect(await previewRows('false').count()).toBe(0);
    // 300.000,50 ₫ read with the decimal comma (rounded half-up to the đồng); 17/11 read day first.
    const first = page.locator('[data-testid=mapping-preview] tbody tr').first();
    expect((await first.locator('td[data-field=netMinor]').textContent())?.replace(/\D/g, '')).toBe('300001');
    const third = page.locator('[data-testid=mapping-preview] tbody tr').nth(2);
    expect(await third.locator('td[data-field=orderTime]').textContent()).toMatch(/17/);
    expect(await third.locator('td[data-field=status]').textContent()).toBe('Completed');
    await screenshot(page, 'mappings/preview');
  });

  test('refuses a name outside [a-z0-9_]{3,40} beside its field, then saves', async () => {
    await builder().locator('input[name=name]').fill('Dealer Sales');
    await page.locator('[data-testid=save-mapping]').click();
    await builder().locator('.field-error[data-field=name]').waitFor();
    await builder().locator('input[name=name]').fill(NAME);
    await builder().locator('select[name=platform]').selectOption('other');
    await page.locator('[data-testid=save-mapping]').click();
    await page.locator('[data-testid=mapping-saved]').waitFor();
    expect(page.url()).toMatch(/\/app\/imports\/mappings\/[^/?]+\?saved=1$/);
    expect(await page.locator('main h1').textContent()).toBe(NAME);
  });

  test('imports the layout with the saved mapping as the source and shows the report', async () => {
    await page.locator('aside.sidebar nav a[href="/app/imports"]').click();
    const form = page.locator('[data-testid=import-form]');
    await form.locator('select[name=source]').selectOption(NAME);
    await form.locator('input[name=file]').setInputFiles({ name: 'dealer-nov.csv', mimeType: 'text/csv', buffer: SAMPLE });
    await form.locator('button[type=submit]').click();
    await page.locator('[data-testid=import-progress][data-status=done]').waitFor({ timeout: 15_000 });
    expect(await text('[data-testid=import-rows] dd')).toBe('3');
    expect(await text('[data-testid=import-inserted] dd')).toBe('3');
    expect(await text('[data-testid=import-rejected] dd')).toBe('0');
    const row = page.locator('[data-testid=import-table] tbody tr', { hasText: 'dealer-nov.csv' });
    expect(await row.locator('td').nth(1).textContent()).toBe(NAME);
    await screenshot(page, 'mappings/imported');
  });

  test('its lines can be filtered by the mapping as their source', async () => {
    await page.goto(`${app.server.url}/app/lines`);
    await settled(page);
    const source = page.locator('[data-testid=line-filters] select[name=source]');
    await source.locator(`option[value="${NAME}"]`).waitFor({ state: 'attached' });
    await source.selectOption(NAME);
    await expect.poll(() => page.url(), WAIT).toContain(`source=${NAME}`);
    await page.goto(`${app.server.url}/app/imports`);
    await settled(page);
  });

  test('lists the mapping as used by imports', async () => {
    await page.locator('[data-testid=manage-mappings]').click();
    await settled(page);
    const row = page.locator('[data-testid=mapping-list] tbody tr', { hasText: NAME });
    await row.locator('[data-used=true]').waitFor();
    expect(await seriousViolations()).toEqual([]);
  });

  test('edits it: the name is fixed once used, the rest saves', async () => {
    await page.locator('[data-testid=mapping-list] tbody tr', { hasText: NAME }).locator('a', { hasText: NAME }).click();
    await builder().waitFor();
    const name = builder().locator('input[name=name]');
    expect(await name.getAttribute('readonly')).not.toBeNull();
    expect(await name.inputValue()).toBe(NAME);
    // The saved settings come back: the header row, the delimiter, the decimal comma, the mapped statuses.
    expect(await builder().locator('input[name=headerRow]').inputValue()).toBe('2');
    expect(await builder().locator('select[name=delimiter]').inputValue()).toBe(';');
    expect(await builder().locator('select[name=decimalMark]').inputValue()).toBe(',');
    expect(await builder().locator('select[data-status-text="Đang giao"]').inputValue()).toBe('pending');
    await builder().locator('select[name=platform]').selectOption('website');
    await page.locator('[data-testid=save-mapping]').click();
    await page.locator('[data-testid=mapping-saved]').waitFor();
    await page.locator('main a', { hasText: 'All mappings' }).click();
    await settled(page);
    const row = page.locator('[data-testid=mapping-list] tbody tr', { hasText: NAME });
    await row.locator('td', { hasText: 'Website' }).waitFor();
  });

  test('deletes it after a confirmation', async () => {
    await page.locator('[data-testid=mapping-list] [data-testid=delete-mapping]').click();
    await page.locator('dialog [data-testid=confirm]').click();
    await page.locator('main .empty').waitFor();
    expect(await page.locator('[data-testid=mapping-list]').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('on a phone', () => {
  test('the builder and its preview fit the screen (the preview table scrolls inside its frame)', async () => {
    const phone = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword, { width: 390 });
    try {
      const p = phone.page;
      await p.goto(`${app.server.url}/app/imports/mappings/new`);
      await p.locator('[data-testid=mapping-builder] input[name=sample]').setInputFiles({
        name: 'dealer-sales.csv',
        mimeType: 'text/csv',
        buffer: SAMPLE,
      });
      await p.locator('[data-testid=mapping-builder] input[name=headerRow]').fill('2');
      await p.locator('[data-testid=mapping-builder] select[name=delimiter]').selectOption(';');
      await p.locator('[data-testid=mapping-preview]').waitFor();
      await screenshot(p, 'mappings/phone-builder');
      expect(await p.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    } finally {
      await phone.context.close();
    }
  });
});
