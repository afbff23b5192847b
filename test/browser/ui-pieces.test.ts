import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Console, LANGUAGES, screenshot, settled, signedInPage, startConsole } from './harness.js';
import { readLocaleFiles } from './locale-files.js';

/** The shared pieces in a real page: ConfirmDialog (focus, Escape, inputs) and Field errors in the user's language. */
let app: Console;
beforeAll(async () => {
  app = await startConsole();
});
afterAll(async () => {
  await app?.close();
});

describe('ConfirmDialog (mark a payout paid)', () => {
  let page: Page;
  beforeAll(async () => {
    page = (await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword)).page;
    await page.goto(`${app.server.url}/app/payouts?period=${app.server.closedPeriod}`);
    await settled(page);
  });
  const markPaid = () =>
    page.locator('[data-testid=payout-table] tr', { hasText: 'LAN01' }).locator('td.rl-actions .btn.primary');
  const dialog = () => page.locator('dialog[open]');

  test('opens on the page’s own dialog with focus in its first field; Escape closes it and focus returns', async () => {
    await markPaid().click();
    await dialog().waitFor();
    expect(await page.evaluate("document.activeElement?.getAttribute('name')")).toBe('reference');
    expect(await dialog().getAttribute('aria-labelledby')).toBeTruthy();
    await screenshot(page, 'ui/dialog-mark-paid');
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    expect(await page.evaluate('document.activeElement?.textContent')).toBe(await markPaid().textContent());
  });

  test('confirms with the entered reference', async () => {
    await markPaid().click();
    await dialog().locator('input[name=reference]').fill('VCB-2026-0001');
    await dialog().locator('[data-testid=confirm]').click();
    await dialog().waitFor({ state: 'detached' });
    const row = page.locator('[data-testid=payout-table] tr', { hasText: 'LAN01' });
    await row.locator('.badge[data-value=paid]').waitFor();
    expect(await row.textContent()).toContain('VCB-2026-0001');
  });
});

describe.each(LANGUAGES)('a validation error in %s', (language) => {
  const texts = readLocaleFiles();
  const english = new Set(Object.values(texts.en.flat).filter((_, i) => Object.keys(texts.en.flat)[i]?.startsWith('problems.')));
  const ownWords = new Set(
    Object.entries(texts[language].flat)
      .filter(([k]) => k.startsWith('problems.') || k.startsWith('errors.'))
      .map(([, v]) => v),
  );

  test('shows under its field, tied to it, in the language of the console', async () => {
    const { context, page } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword, { language });
    try {
      await page.goto(`${app.server.url}/app/kos/new`);
      const form = page.locator('[data-testid=kos-form]');
      await form.locator('input[name=code]').fill('ab!');
      await form.locator('input[name=handle]').fill('bad.handle');
      await form.locator('input[name=name]').fill('Invalid Code');
      await form.locator('button[type=submit]').click();
      const error = form.locator('.field-error[data-field=code]');
      await error.waitFor();
      const text = (await error.textContent()) ?? '';
      const input = form.locator('input[name=code]');
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      expect((await input.getAttribute('aria-describedby'))?.split(' ')).toContain(await error.getAttribute('id'));
      if (language !== 'en') {
        expect(english.has(text)).toBe(false);
        expect(ownWords.has(text)).toBe(true);
      }
      await screenshot(page, `ui/field-error-${language}`);
    } finally {
      await context.close();
    }
  });
});
