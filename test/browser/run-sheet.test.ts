import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Console, consoleErrors, screenshot, settled, signedInPage, startConsole } from './harness.js';
import { type OwnerApi, ownerApi } from './lines-seed.js';

/**
 * A session's run-sheet in the console (issue 13, PRODUCT.md §12): the owner moves a segment up, changes
 * a duration (start minutes follow), sees a problem beside its field, saves and finds it stored after a
 * reload; the print link opens the printable sheet in the console's language; LAN01's member reads the
 * sheet of their own session without any editing control.
 */
let app: Console;
let api: OwnerApi;
let sessionId = '';
const MIN = 60_000;

beforeAll(async () => {
  app = await startConsole();
  api = await ownerApi(app.server);
  const product = (sku: string, name: string) =>
    api.call<{ id: string }>('POST', '/products', { sku, name, priceMinor: 200_000, stock: 100, usp: `${name}: điểm nổi bật` });
  const serum = await product('RS-SRM', 'Serum Hoa Sen');
  const cream = await product('RS-KCN', 'Kem chống nắng');
  const start = Date.now() + 2 * 86_400_000;
  const session = await api.call<{ id: string }>('POST', '/livestreams', {
    kosId: app.server.ids.lanKosId,
    accountId: app.server.ids.lanAccountId,
    title: 'Kịch bản thử',
    scheduledStart: new Date(start).toISOString(),
    scheduledEnd: new Date(start + 60 * MIN).toISOString(),
    productIds: [serum.id, cream.id],
  });
  sessionId = session.id;
});
afterAll(async () => {
  await app?.close();
});

const segments = (page: Page) => page.locator('[data-testid=segment]');
const names = (page: Page) => segments(page).locator('h2').allInnerTexts();
const times = (page: Page) => segments(page).locator('[data-testid=segment-time]').allInnerTexts();
const open = async (page: Page) => {
  await page.goto(`${app.server.url}/app/livestreams/${sessionId}/run-sheet`);
  await settled(page);
};

describe('as the owner', () => {
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    page = (await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword)).page;
    errors = consoleErrors(page);
  });

  test('shows the drafted segments: equal minutes, talking points from the products', async () => {
    await page.goto(`${app.server.url}/app/livestreams/${sessionId}`);
    await settled(page);
    await page.locator('[data-testid=run-sheet-link]').click();
    await page.waitForURL(`${app.server.url}/app/livestreams/${sessionId}/run-sheet`);
    await settled(page);
    expect(await names(page)).toEqual(['1. Serum Hoa Sen', '2. Kem chống nắng']);
    expect(await times(page)).toEqual(['Minute 0–30 (30 min)', 'Minute 30–60 (30 min)']);
    expect(await page.locator('textarea[name="segments.0.talkingPoints"]').inputValue()).toBe('Serum Hoa Sen: điểm nổi bật');
    expect(await page.locator('[data-testid=move-up]').first().isDisabled()).toBe(true);
  });

  test('moves a segment up with the keyboard focus following it', async () => {
    await segments(page).nth(1).locator('[data-testid=move-up]').click();
    expect(await names(page)).toEqual(['1. Kem chống nắng', '2. Serum Hoa Sen']);
    // At the top its "up" button is disabled: the focus moves to its "down" button.
    await expect
      .poll(() => page.evaluate('document.activeElement && document.activeElement.getAttribute("aria-label")'))
      .toBe('Move Kem chống nắng down');
    expect(await page.locator('main [role=status]').first().textContent()).toContain('Kem chống nắng is now at position 1');
  });

  test('a duration that runs past the stream is named beside its field', async () => {
    await page.locator('input[name="segments.0.durationMinutes"]').fill('40');
    expect(await times(page)).toEqual(['Minute 0–40 (40 min)', 'Minute 40–70 (30 min)']);
    await page.locator('[data-testid=save-run-sheet]').click();
    const error = segments(page).nth(1).locator('.field-error');
    await error.waitFor();
    expect(await page.locator('input[name="segments.1.durationMinutes"]').getAttribute('aria-invalid')).toBe('true');
    await expect
      .poll(() => page.evaluate('document.activeElement && document.activeElement.getAttribute("name")'))
      .toBe('segments.1.durationMinutes');
    await screenshot(page, 'run-sheet/owner-error');
  });

  test('changes a duration and FAQs, saves, and finds it stored after a reload', async () => {
    await page.locator('input[name="segments.0.durationMinutes"]').fill('20');
    expect(await times(page)).toEqual(['Minute 0–20 (20 min)', 'Minute 20–50 (30 min)']);
    await segments(page).nth(0).locator('[data-testid=add-faq]').click();
    await page.locator('input[name="segments.0.faqs.0.q"]').fill('Có dùng cho da nhạy cảm không?');
    await page.locator('textarea[name="segments.0.faqs.0.a"]').fill('Có, đã kiểm nghiệm da liễu.');
    await page.locator('[data-testid=save-run-sheet]').click();
    await page.locator('[data-testid=run-sheet-saved]').waitFor();
    await page.reload();
    await settled(page);
    expect(await names(page)).toEqual(['1. Kem chống nắng', '2. Serum Hoa Sen']);
    expect(await times(page)).toEqual(['Minute 0–20 (20 min)', 'Minute 20–50 (30 min)']);
    expect(await page.locator('input[name="segments.0.faqs.0.q"]').inputValue()).toBe('Có dùng cho da nhạy cảm không?');
    const stored = await api.call<{ segments: { productId: string; startMinute: number; durationMinutes: number }[] }>(
      'GET',
      `/livestreams/${sessionId}/run-sheet`,
    );
    expect(stored.segments.map((s) => [s.startMinute, s.durationMinutes])).toEqual([
      [0, 20],
      [20, 30],
    ]);
    await screenshot(page, 'run-sheet/owner-saved');
    // Only the refused save above (Chromium logs a 4xx answer as an error).
    expect(errors.filter((e) => !e.includes('422'))).toEqual([]);
  });

  test('the print link opens the printable sheet in the console language', async () => {
    const href = (await page.locator('[data-testid=print-run-sheet]').getAttribute('href')) ?? '';
    expect(href).toBe(`/api/v1/livestreams/${sessionId}/run-sheet.html?lang=en`);
    const res = await page.request.get(app.server.url + href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('text/html');
    expect(await res.text()).toContain('Kem chống nắng');
  });
});

test('LAN01’s member reads the sheet of their session, read-only, on a phone', async () => {
  const { context, page } = await signedInPage(app, app.server.kosMemberEmail, app.server.memberPassword, {
    width: 390,
    language: 'vi',
  });
  try {
    await open(page);
    expect(await page.locator('[data-testid=run-sheet]').getAttribute('data-readonly')).toBe('true');
    expect(await names(page)).toEqual(['1. Kem chống nắng', '2. Serum Hoa Sen']);
    expect(await page.locator('main input, main textarea, [data-testid=save-run-sheet], [data-testid=move-up]').count()).toBe(0);
    expect(await segments(page).nth(0).textContent()).toContain('Có, đã kiểm nghiệm da liễu.');
    expect(await page.locator('[data-testid=print-run-sheet]').getAttribute('href')).toContain('lang=vi');
    const sideways = await page.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth');
    expect(sideways).toBe(false);
    await screenshot(page, 'run-sheet/kos-phone');
  } finally {
    await context.close();
  }
});
