import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Console, type Language, screenshot, settled, signedInPage, startConsole } from './harness.js';
import { dayMonthsBack, GENERIC_HEADER, genericRow, ownerApi } from './lines-seed.js';

/**
 * `/app/payouts` as the owner, through a whole month: close it (confirmed), approve (confirmed), mark paid
 * with a bank reference, download the bank export (UTF-8 BOM, its header, the paid row) and open a
 * statement in the user's language; a month not ended yet is refused in vi and zh-CN without English;
 * a manager and a viewer are offered no money action.
 */
let app: Console;
let page: Page;
const lastMonth = dayMonthsBack(1, 1).slice(0, 7);
const thisMonth = dayMonthsBack(0, 1).slice(0, 7);
const EXPORT_HEADER = 'kosCode,name,taxCode,grossMinor,withheldMinor,netMinor,currency,status,reference';

beforeAll(async () => {
  app = await startConsole();
  const api = await ownerApi(app.server);
  // A 10 % plan paid at once, and last month's completed sales of LAN01 and MINH02.
  await api.call('POST', '/plans', { name: 'Browser test plan', validFrom: '2020-01-01', rateBps: 1000, holdingDays: 0 });
  const csv = [
    GENERIC_HEADER,
    genericRow({ orderId: 'P1', orderTime: dayMonthsBack(1, 5), kosCode: 'LAN01', netMinor: 2_000_000 }),
    genericRow({ orderId: 'P2', orderTime: dayMonthsBack(1, 6), kosCode: 'MINH02', netMinor: 1_000_000 }),
  ].join('\n');
  expect((await api.importCsv('sales.csv', csv)).inserted).toBe(2);
  page = (await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword)).page;
});
afterAll(async () => {
  await app?.close();
});

const row = (p: Page, name: string) => p.locator('[data-testid=payout-table] tbody tr', { hasText: name });
const status = (p: Page, name: string) => row(p, name).locator('td.rl-status .badge').getAttribute('data-value');

describe('the owner', () => {
  test('the page opens on last month, not closed yet', async () => {
    await page.goto(`${app.server.url}/app/payouts`);
    await settled(page);
    expect(await page.locator('input[name=period]').inputValue()).toBe(lastMonth);
    await page.locator('[data-testid=empty-state]').waitFor();
  });

  test('closes the month after confirming: one draft payout per KOS', async () => {
    await page.locator('[data-testid=close-month]').click();
    const dialog = page.locator('dialog[open]');
    expect(await dialog.locator('h2').textContent()).toContain(lastMonth);
    await dialog.locator('[data-testid=confirm]').click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator('[data-testid=payout-messages]').textContent()).toContain('2 payouts');
    await row(page, 'Nguyễn Thị Lan').waitFor();
    expect(await status(page, 'Nguyễn Thị Lan')).toBe('draft');
    expect(await row(page, 'Nguyễn Thị Lan').locator('td.num').first().textContent()).toBe('200.000 ₫');
    expect(await page.locator('[data-testid=payout-totals]').textContent()).toContain('300.000 ₫');
    await screenshot(page, 'payouts/closed');
  });

  test('approves a draft after confirming', async () => {
    await row(page, 'Nguyễn Thị Lan').locator('[data-testid=approve]').click();
    const dialog = page.locator('dialog[open]');
    expect(await dialog.textContent()).toContain('Nguyễn Thị Lan');
    await screenshot(page, 'payouts/approve-confirm');
    await dialog.locator('[data-testid=confirm]').click();
    await dialog.waitFor({ state: 'detached' });
    await row(page, 'Nguyễn Thị Lan').locator('.badge[data-value=approved]').waitFor();
  });

  test('marks it paid with the bank reference', async () => {
    await row(page, 'Nguyễn Thị Lan').locator('[data-testid=mark-paid]').click();
    const dialog = page.locator('dialog[open]');
    await dialog.locator('input[name=reference]').fill('VCB-20260601-001');
    await screenshot(page, 'payouts/mark-paid');
    await dialog.locator('[data-testid=confirm]').click();
    await dialog.waitFor({ state: 'detached' });
    await row(page, 'Nguyễn Thị Lan').locator('.badge[data-value=paid]').waitFor();
    expect(await row(page, 'Nguyễn Thị Lan').textContent()).toContain('VCB-20260601-001');
    expect(await status(page, 'Trần Văn Minh')).toBe('draft');
  });

  test('downloads the month’s export: UTF-8 with a BOM, the bank columns, the paid payout', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-csv]').click()]);
    expect(download.suggestedFilename()).toBe(`payouts-${lastMonth}.csv`);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split(/\r?\n/);
    expect(lines[0]).toBe(EXPORT_HEADER);
    // Only approved and paid payouts go to the bank: LAN01's.
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('LAN01,Nguyễn Thị Lan,,200000,0,200000,VND,paid,VCB-20260601-001');
  });

  test('opens a statement in a new tab, in the console’s language', async () => {
    const link = row(page, 'Nguyễn Thị Lan').locator('[data-testid=statement]');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('href')).toMatch(/\/statement\?lang=en$/);
    const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await tab.waitForLoadState();
    expect(await tab.locator('body').textContent()).toContain('Nguyễn Thị Lan');
    await screenshot(tab, 'payouts/statement');
    await tab.close();
    await page.locator('[data-testid=language]').selectOption('vi');
    await page.locator('h1', { hasText: 'Chi trả' }).waitFor();
    expect(await link.getAttribute('href')).toMatch(/\/statement\?lang=vi$/);
  });
});

describe.each<Language>(['vi', 'zh-CN'])('in %s', (language) => {
  test('closing a month that has not ended shows the problem in the language, no English', async () => {
    const { context, page: p } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword, { language });
    try {
      await p.goto(`${app.server.url}/app/payouts?period=${thisMonth}`);
      await settled(p);
      await p.locator('[data-testid=close-month]').click();
      const dialog = p.locator('dialog[open]');
      await dialog.locator('[data-testid=confirm]').click();
      const alert = dialog.locator('[role=alert]');
      await alert.waitFor();
      const shown = (await alert.textContent()) ?? '';
      expect(shown).not.toMatch(/has not ended|Something went wrong|Conflict/);
      expect(shown).toContain(thisMonth);
      expect(shown).toMatch(language === 'vi' ? /chưa kết thúc/ : /尚未结束/);
      await screenshot(p, `payouts/not-ended-${language}`);
      await p.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    } finally {
      await context.close();
    }
  });
});

describe.each([
  ['manager', () => app.server.managerEmail],
  ['viewer', () => app.server.viewerEmail],
])('a %s', (role, email) => {
  test('reads payouts and statements, and is offered no money action', async () => {
    const { context, page: p } = await signedInPage(app, email(), app.server.memberPassword);
    try {
      await p.goto(`${app.server.url}/app/payouts?period=${lastMonth}`);
      await settled(p);
      await row(p, 'Nguyễn Thị Lan').waitFor();
      for (const action of ['close-month', 'export-csv', 'approve', 'mark-paid'])
        expect(await p.locator(`[data-testid=${action}]`).count(), action).toBe(0);
      expect(await p.locator('[data-testid=statement]').count()).toBe(2);
      await screenshot(p, `payouts/${role}`);
    } finally {
      await context.close();
    }
  });
});

describe('on a 390 px phone, in vi', () => {
  test('each payout is a card with its status and its actions in view', async () => {
    const { context, page: phone } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword, {
      width: 390,
      language: 'vi',
    });
    try {
      await phone.goto(`${app.server.url}/app/payouts?period=${lastMonth}`);
      await settled(phone);
      await row(phone, 'Nguyễn Thị Lan').waitFor();
      const badges = phone.locator('[data-testid=payout-table] tbody tr td.rl-status .badge');
      expect((await badges.evaluateAll((els) => els.map((el) => el.getAttribute('data-value')))).sort()).toEqual([
        'draft',
        'paid',
      ]);
      expect(await row(phone, 'Nguyễn Thị Lan').locator('td.rl-status').textContent()).toBe('Đã chi trả');
      const outside = await phone
        .locator(
          '[data-testid=payout-table] tbody tr td.rl-status .badge, [data-testid=payout-table] tbody tr td.rl-actions .btn',
        )
        .evaluateAll((els) =>
          els.map((el) => el.getBoundingClientRect()).filter((b) => b.width === 0 || b.left < 0 || b.right > 390),
        );
      expect(outside).toEqual([]);
      expect(await row(phone, 'Trần Văn Minh').locator('[data-testid=approve]').isVisible()).toBe(true);
      expect(await phone.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth')).toBe(false);
      await screenshot(phone, 'payouts/phone-vi');
    } finally {
      await context.close();
    }
  });
});
