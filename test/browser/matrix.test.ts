import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Console, consoleErrors, screenshot, settled, signedInPage, startConsole } from './harness.js';
import { type Call, ownerApi } from './me-seed.js';

/**
 * The matrix in the console (docs/matrix.md): the owner sets the brand kit in /settings, fixes an account's
 * audit to 100 on the KOS's accounts tab, sees the matrix view and the KOS's onboarding checklist.
 */
let app: Console;
let call: Call;
beforeAll(async () => {
  app = await startConsole();
  call = await ownerApi(app.server);
});
afterAll(async () => {
  await app?.close();
});

interface AccountAnswer {
  id: string;
  audit: { score: number; items: { key: string; ok: boolean }[] };
}
const visit = async (page: Page, path: string) => {
  await page.goto(app.server.url + path);
  await settled(page);
};

describe('the owner', () => {
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    page = (await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword)).page;
    errors = consoleErrors(page);
  });

  test('sets the brand kit in the settings', async () => {
    await visit(page, '/app/settings?section=brand');
    const form = page.locator('form[data-testid=brand-kit]');
    await form.locator('input[name=brandWords]').fill('Hoa Sen');
    await form.locator('input[name=brandWords]').press('Enter');
    await form.locator('input[name=targetPlatforms][value=tiktok_shop]').check();
    await form.locator('button[type=submit]').click();
    await page.locator('[data-testid=brand-kit] [role=status]').waitFor();
    const org = await call<{ brandKit: { brandWords: string[]; targetPlatforms: string[] } }>('GET', '/org');
    expect(org.brandKit).toEqual({ brandWords: ['Hoa Sen'], targetPlatforms: ['tiktok_shop'] });
    await screenshot(page, 'matrix/brand-kit');
  });

  test('fixes an account’s audit to 100 on the KOS’s accounts tab', async () => {
    const { lanKosId, lanAccountId } = app.server.ids;
    const kos = await call<{ handle: string }>('GET', `/kos/${lanKosId}`);
    expect((await call<AccountAnswer>('GET', `/accounts/${lanAccountId}`)).audit.score).toBeLessThan(100);

    await visit(page, `/app/kos/${lanKosId}?tab=accounts`);
    const cell = page.locator(`[data-testid=audit-${lanAccountId}]`);
    await cell.waitFor();
    expect(Number(await cell.getAttribute('data-score'))).toBeLessThan(100);
    await screenshot(page, 'matrix/account-before');

    await page.locator('[data-testid=account-table] button', { hasText: /edit/i }).first().click();
    const form = page.locator('[data-testid=account-form]');
    await form.locator('input[name=displayName]').fill('Lan · HOA SEN');
    await form.locator('textarea[name=bio]').fill('Mỹ phẩm hòa sen chính hãng');
    // testConfig's public URL, written without the scheme and with a query: the audit ignores both.
    await form.locator('input[name=linkInBio]').fill(`localhost:8080/@${kos.handle}?ref=tiktok`);
    await form.locator('select[name=avatarOk]').selectOption('yes');
    await form.locator('select[name=pinnedOk]').selectOption('yes');
    await form.locator('button[type=submit]').click();
    await form.waitFor({ state: 'detached' });
    await page.locator(`[data-testid=audit-${lanAccountId}][data-score="100"]`).waitFor();
    await screenshot(page, 'matrix/account-fixed');

    const account = await call<AccountAnswer>('GET', `/accounts/${lanAccountId}`);
    expect(account.audit.score).toBe(100);
    expect(account.audit.items.every((i) => i.ok)).toBe(true);
  });

  test('the matrix view shows the platforms, charts and no attention for the fixed account', async () => {
    await visit(page, '/app/matrix');
    await page.locator('[data-testid=matrix-platforms]').waitFor();
    await page.locator('[data-testid=tier-chart]').waitFor();
    await page.locator('[data-testid=audit-chart]').waitFor();
    const attention = await page.locator('[data-testid=matrix-attention]').count();
    if (attention > 0) {
      expect(await page.locator('[data-testid=matrix-attention]').textContent()).not.toContain('lan.beauty.live');
    }
    await screenshot(page, 'matrix/matrix');
    expect(errors).toEqual([]);
  });

  test('the onboarding checklist opens from the KOS page', async () => {
    await visit(page, `/app/kos/${app.server.ids.lanKosId}`);
    await page.locator('[data-testid=onboarding-link]').click();
    await page.locator('[data-testid=onboarding]').waitFor();
    expect(await page.locator('[data-testid=onboarding] li[data-step]').count()).toBe(5);
    expect(await page.locator('li[data-step=audit]').getAttribute('data-done')).toBe('true');
    await screenshot(page, 'matrix/onboarding');
  });
});
