import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Console, screenshot, settled, signedInPage, startConsole } from './harness.js';
import { type OwnerApi, seedKosPages } from './kos-seed.js';

/** The KOS pages as the owner uses them: create through the form, edit, accounts, the tabs, the roster's filters. */
let app: Console;
let api: OwnerApi;
let shortUrl: string;
let page: Page;
beforeAll(async () => {
  app = await startConsole();
  ({ api, shortUrl } = await seedKosPages(app.server));
  const signed = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword);
  await signed.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.url });
  page = signed.page;
});
afterAll(async () => {
  await app?.close();
});

const fact = (label: string) =>
  page.locator('[data-testid=kos-facts] dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
const rowTexts = (testId: string) => page.locator(`[data-testid=${testId}] tbody tr`).allTextContents();

describe('the owner', () => {
  let kosId = '';

  test('creates a KOS with every field through /app/kos/new and lands on its page', async () => {
    await page.goto(`${app.server.url}/app/kos/new`);
    const form = page.locator('[data-testid=kos-form]');
    await form.locator('input[name=code]').fill('thu05');
    await form.locator('input[name=handle]').fill('@thu.makeup');
    await form.locator('input[name=name]').fill('Phạm Minh Thư');
    await form.locator('select[name=relationship]').selectOption('dealer_staff');
    await form.locator('select[name=unitId]').selectOption(app.server.ids.storeId);
    await form.locator('select[name=status]').selectOption('onboarding');
    await form.locator('select[name=tier]').selectOption('B');
    await form.locator('input[name=categories]').fill('Làm đẹp');
    await form.locator('input[name=categories]').press('Enter');
    await form.locator('input[name=categories]').fill('Chăm sóc da, Nước hoa');
    await form.locator('input[name=categories]').press('Enter');
    await form.locator('input[name=voucherCodes]').fill('thu10');
    await form.locator('input[name=voucherCodes]').press('Enter');
    await form.locator('input[name=hasLabourContract3m]').check();
    await form.locator('input[name=taxCode]').fill('0312345678');
    await form.locator('textarea[name=bio]').fill('Trang điểm cô dâu.');
    await form.locator('input[name=avatarUrl]').fill('https://cdn.example.com/thu.jpg');
    await form.locator('input[name=zalo]').fill('0909000111');
    await form.locator('input[name=phone]').fill('+84 909 000 111');
    await form.locator('input[name=messenger]').fill('thu.makeup');
    await form.locator('input[name=email]').fill('thu@example.com');
    expect(await form.locator('[data-testid=tags-categories] .tag').allTextContents()).toHaveLength(3);
    await screenshot(page, 'kos/new-filled');
    await form.locator('button[type=submit]').click();
    await page.waitForURL(/\/app\/kos\/(?!new$)[^/]+$/);
    kosId = page.url().split('/').pop() ?? '';
    await settled(page);
    expect(await page.locator('main h1').textContent()).toBe('Phạm Minh Thư');
    expect(await fact('Code').textContent()).toBe('THU05');
    expect(await fact('Categories').textContent()).toBe('Làm đẹp, Chăm sóc da, Nước hoa');
    expect(await fact('Voucher codes').textContent()).toBe('THU10');
    expect(await fact('Unit').textContent()).toBe('Cửa hàng Quận 1');
    await screenshot(page, 'kos/profile-created');
    const stored = await api<Record<string, unknown>>('GET', `/kos/${kosId}`);
    expect(stored).toMatchObject({
      handle: 'thu.makeup',
      relationship: 'dealer_staff',
      status: 'onboarding',
      tier: 'B',
      taxProfile: { hasLabourContract3m: true, commitment08: false, taxCode: '0312345678' },
      avatarUrl: 'https://cdn.example.com/thu.jpg',
      contacts: { zalo: '0909000111', phone: '+84 909 000 111', messenger: 'thu.makeup', email: 'thu@example.com' },
    });
  });

  test('edits it: the form holds every value, a change is saved and shown', async () => {
    await page.locator('[data-testid=edit-kos]').click();
    const form = page.locator('[data-testid=kos-form]');
    expect(await form.locator('input[name=taxCode]').inputValue()).toBe('0312345678');
    await form.locator('input[name=name]').fill('Phạm Minh Thư (HN)');
    await form.locator('select[name=status]').selectOption('active');
    await form.locator('[data-testid=tags-categories] button[aria-label*="Nước hoa"]').click();
    await form.locator('input[name=commitment08]').check();
    await form.locator('input[name=email]').fill('');
    await form.locator('button[type=submit]').click();
    await form.waitFor({ state: 'detached' });
    expect(await page.locator('main h1').textContent()).toBe('Phạm Minh Thư (HN)');
    expect(await fact('Status').textContent()).toBe('Active');
    expect(await fact('Categories').textContent()).toBe('Làm đẹp, Chăm sóc da');
    const stored = await api<{ taxProfile: unknown; contacts: unknown }>('GET', `/kos/${kosId}`);
    expect(stored.taxProfile).toEqual({ hasLabourContract3m: true, commitment08: true, taxCode: '0312345678' });
    expect(stored.contacts).toEqual({ zalo: '0909000111', phone: '+84 909 000 111', messenger: 'thu.makeup' });
    await screenshot(page, 'kos/profile-edited');
  });

  test('adds, changes and deletes a platform account (the deletion asks first)', async () => {
    await page.locator('nav.kos-tabs a[data-tab=accounts]').click();
    await page.waitForURL(/\?tab=accounts$/);
    await page.locator('[data-testid=empty-state]').waitFor();
    await page.locator('[data-testid=add-account]').click();
    const form = page.locator('[data-testid=account-form]');
    await form.locator('select[name=platform]').selectOption('shopee');
    await form.locator('input[name=handle]').fill('thu.makeup.shop');
    await form.locator('input[name=url]').fill('https://shopee.vn/thu.makeup.shop');
    await form.locator('input[name=followers]').fill('25000');
    await form.locator('button[type=submit]').click();
    await form.waitFor({ state: 'detached' });
    const tier = page.locator('[data-testid=account-table] tbody tr td.rl-status .badge');
    expect(await tier.getAttribute('data-value')).toBe('micro');
    expect(await rowTexts('account-table')).toEqual([expect.stringContaining('25,000')]);
    await screenshot(page, 'kos/account-added');

    await page.locator('[data-testid=account-table] button', { hasText: 'Edit' }).click();
    await form.locator('input[name=followers]').fill('60000');
    await form.locator('button[type=submit]').click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => tier.getAttribute('data-value')).toBe('mid');

    await page.locator('[data-testid=account-table] button', { hasText: 'Delete' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    await screenshot(page, 'kos/account-delete-dialog');
    await dialog.locator('[data-testid=confirm]').click();
    await page.locator('[data-testid=account-list] [data-testid=empty-state]').waitFor();
    expect((await api<{ items: unknown[] }>('GET', `/kos/${kosId}/accounts`)).items).toEqual([]);
  });

  test('the tabs of a seeded KOS: links with copy, sales, earnings, sessions; back returns to the last tab', async () => {
    const lan = app.server.ids.lanKosId;
    await page.goto(`${app.server.url}/app/kos/${lan}?tab=links`);
    await page.locator('[data-testid=kos-links] tbody tr').first().waitFor();
    expect(await rowTexts('kos-links')).toEqual([expect.stringContaining(shortUrl)]);
    expect(await page.locator('[data-testid=new-link]').getAttribute('href')).toBe(`/app/links?kosId=${lan}`);
    await page.locator('[data-testid=copy-short-url]').click();
    await page.locator('.copy-state', { hasText: 'Copied' }).waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(shortUrl);
    await screenshot(page, 'kos/tab-links');

    await page.locator('nav.kos-tabs a[data-tab=earnings]').click();
    await page.locator('[data-testid=kos-payouts] tbody tr').first().waitFor();
    expect(await rowTexts('kos-payouts')).toEqual([expect.stringContaining(app.server.closedPeriod)]);
    expect(await rowTexts('kos-ledger')).toEqual([expect.stringContaining('console test')]);
    await screenshot(page, 'kos/tab-earnings');

    await page.locator('nav.kos-tabs a[data-tab=sessions]').click();
    await page.locator('[data-testid=kos-sessions] tbody tr').first().waitFor();
    expect(await rowTexts('kos-sessions')).toEqual([expect.stringContaining('Serum Hoa Sen')]);

    await page.locator('nav.kos-tabs a[data-tab=sales]').click();
    await settled(page);
    expect(await page.locator('[data-testid=kos-tab-sales] [data-testid=empty-state]').count()).toBe(1);

    await page.goBack();
    await page.waitForURL(/\?tab=sessions$/);
    await page.locator('[data-testid=kos-sessions] tbody tr').first().waitFor();
    expect(await page.locator('nav.kos-tabs a[aria-current=true]').getAttribute('data-tab')).toBe('sessions');
  });

  test('the roster: filters and sort in the URL, a row opens the panel, its link the KOS page', async () => {
    await page.goto(`${app.server.url}/app/kos`);
    await page.locator('[data-testid=kos-table] tbody tr').first().waitFor();
    await page.locator('select[name=relationship]').selectOption('store_staff');
    await page.waitForURL(/\/app\/kos\?relationship=store_staff$/);
    await expect.poll(() => rowTexts('kos-table')).toEqual([expect.stringContaining('MINH02')]);
    await page.locator('select[name=relationship]').selectOption('');
    await page.locator('select[name=sort]').selectOption('-code');
    await page.waitForURL(/\/app\/kos\?sort=-code$/);
    const codes = () => page.locator('[data-testid=kos-table] tbody td:nth-child(3)').allTextContents();
    await expect.poll(codes).toEqual(['THU05', 'MINH02', 'LAN01', 'HOA03']);
    await page.locator('select[name=unit]').selectOption(app.server.ids.storeId);
    await page.waitForURL(new RegExp(`sort=-code&unit=${app.server.ids.storeId}$`));
    await expect.poll(codes).toEqual(['THU05']);
    await page.locator('[data-testid=kos-table] tbody tr').first().click();
    await page.locator('[data-testid=kos-detail] h2', { hasText: 'Phạm Minh Thư (HN)' }).waitFor();
    await screenshot(page, 'kos/roster-filtered');
    await page.locator('[data-testid=open-profile]').click();
    await page.waitForURL(/\/app\/kos\/[^/?]+$/);
    await page.goBack();
    await page.waitForURL(/sort=-code&unit=/);
    expect(await page.locator('select[name=sort]').inputValue()).toBe('-code');
  });
});
