import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Console, type Language, screenshot, settled, signedInPage, startConsole } from './harness.js';

/**
 * `/app/ledger`: entries with their filters in the URL; an owner books a bonus (confirmed, amount in
 * major units sent in minor units), sees a refused amount next to its field in their language; a manager
 * and a viewer only read.
 */
let app: Console;
beforeAll(async () => {
  app = await startConsole();
});
afterAll(async () => {
  await app?.close();
});

const rows = (p: Page) => p.locator('[data-testid=ledger-table] tbody tr');
async function open(p: Page, query = '') {
  await p.goto(`${app.server.url}/app/ledger${query}`);
  await settled(p);
}
async function fillEntry(p: Page, entry: { kind: string; amount: string; reason: string }) {
  const form = p.locator('[data-testid=manual-entry-form]');
  await form.locator('select[name=kosId]').selectOption(app.server.ids.lanKosId);
  await form.locator('select[name=kind]').selectOption(entry.kind);
  await form.locator('input[name=amount]').fill(entry.amount);
  await form.locator('textarea[name=reason]').fill(entry.reason);
  await form.locator('button[type=submit]').click();
}

describe('the owner', () => {
  let page: Page;
  beforeAll(async () => {
    page = (await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword)).page;
  });

  test('lists the entries, filtered from the URL', async () => {
    await open(page, `?kind=bonus&period=${app.server.closedPeriod}`);
    expect(await rows(page).count()).toBe(3);
    expect(await page.locator('select[name=kind]').inputValue()).toBe('bonus');
    expect(await page.locator('input[name=period]').inputValue()).toBe(app.server.closedPeriod);
    expect(await rows(page).first().locator('.badge[data-value=bonus]').textContent()).toBe('Bonus');
    expect(await page.locator('[data-testid=ledger-table]').textContent()).toContain('2.500.000 ₫');
    expect(await page.locator('[data-testid=ledger-table]').textContent()).toContain('console test');
    await open(page, `?kosId=${app.server.ids.lanKosId}&status=void`);
    await page.locator('[data-testid=empty-state]').waitFor();
    expect(await page.locator('select[name=status]').inputValue()).toBe('void');
    await screenshot(page, 'ledger/filtered');
  });

  test('books a bonus after confirming its amount', async () => {
    await open(page);
    await page.locator('[data-testid=new-entry]').click();
    await fillEntry(page, { kind: 'bonus', amount: '1500000', reason: 'Top seller bonus' });
    const dialog = page.locator('dialog[open]');
    expect(await dialog.locator('[data-testid=manual-entry-summary]').textContent()).toContain('1.500.000 ₫');
    await screenshot(page, 'ledger/confirm');
    await dialog.locator('[data-testid=confirm]').click();
    await page.locator('[data-testid=entry-booked]').waitFor();
    await rows(page).filter({ hasText: 'Top seller bonus' }).waitFor();
    expect(await rows(page).filter({ hasText: 'Top seller bonus' }).locator('td.num').textContent()).toBe('1.500.000 ₫');
    await screenshot(page, 'ledger/booked');
  });

  test('cancelling the confirmation books nothing', async () => {
    const before = await rows(page).count();
    await page.locator('[data-testid=new-entry]').click();
    await fillEntry(page, { kind: 'adjustment', amount: '-20000', reason: 'Not wanted' });
    await page.locator('dialog[open] button', { hasText: 'Cancel' }).click();
    await page.locator('dialog[open]').waitFor({ state: 'detached' });
    await page.waitForTimeout(200);
    expect(await rows(page).count()).toBe(before);
  });
});

describe.each<Language>(['vi', 'zh-CN'])('in %s', (language) => {
  test('a refused amount is shown next to its field in the language, never in English', async () => {
    const { context, page } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword, { language });
    try {
      await open(page);
      await page.locator('[data-testid=new-entry]').click();
      await fillEntry(page, { kind: 'bonus', amount: '-5000', reason: 'sai' });
      await page.locator('dialog[open] [data-testid=confirm]').click();
      const error = page.locator('.field-error[data-field=amount]');
      await error.waitFor();
      const shown = (await error.textContent()) ?? '';
      expect(shown).not.toContain('bonus must be positive');
      expect(shown).toMatch(language === 'vi' ? /Tiền thưởng/ : /[\u4e00-\u9fff]/);
      await screenshot(page, `ledger/refused-${language}`);
    } finally {
      await context.close();
    }
  });
});

describe.each([
  ['manager', () => app.server.managerEmail],
  ['viewer', () => app.server.viewerEmail],
])('a %s', (role, email) => {
  test('reads the ledger and is offered no manual entry', async () => {
    const { context, page } = await signedInPage(app, email(), app.server.memberPassword);
    try {
      await open(page, '?kind=bonus');
      expect(await rows(page).count()).toBeGreaterThan(0);
      expect(await page.locator('[data-testid=new-entry]').count()).toBe(0);
      expect(await page.locator('[data-testid=manual-entry-form]').count()).toBe(0);
      await screenshot(page, `ledger/${role}`);
    } finally {
      await context.close();
    }
  });
});
