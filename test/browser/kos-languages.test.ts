import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Console, LANGUAGES, newContext, screenshot, settled, signedInPage, signIn, startConsole } from './harness.js';
import { seedKosPages } from './kos-seed.js';
import { readLocaleFiles } from './locale-files.js';

/**
 * The KOS pages in the three languages: axe finds no serious or critical violation on every tab and form;
 * a refused code shows, under its field, a text of the user's language (never the server's English);
 * the roles see only what they may do; a phone shows the tabs and cards without sideways scrolling.
 */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const texts = readLocaleFiles();
let app: Console;
beforeAll(async () => {
  app = await startConsole();
  await seedKosPages(app.server);
});
afterAll(async () => {
  await app?.close();
});

async function seriousViolations(page: Page): Promise<string[]> {
  const violations = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)")) as {
    id: string;
    impact: string | null;
    nodes: { target: string[] }[];
  }[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.each(LANGUAGES)('%s', (language) => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await newContext(app.browser, { language });
    await context.addInitScript(AXE);
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signIn(page, app.server.url, app.server.ownerEmail, app.server.ownerPassword);
  });
  afterAll(async () => {
    await context?.close();
  });

  test.each(['profile', 'accounts', 'links', 'sales', 'earnings', 'sessions'])('the %s tab passes axe', async (tab) => {
    await page.goto(`${app.server.url}/app/kos/${app.server.ids.lanKosId}?tab=${tab}`);
    await settled(page);
    await page.locator(`[data-testid=kos-tab-${tab}]`).waitFor();
    await screenshot(page, `kos/${language}/tab-${tab}`);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the edit form, the account form, the delete dialog and the roster panel pass axe', async () => {
    await page.goto(`${app.server.url}/app/kos/${app.server.ids.lanKosId}`);
    await page.locator('[data-testid=edit-kos]').click();
    await page.locator('[data-testid=kos-form] .tag').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, `kos/${language}/edit-form`);
    await page.goto(`${app.server.url}/app/kos/${app.server.ids.lanKosId}?tab=accounts`);
    await page.locator('[data-testid=add-account]').click();
    await page.locator('[data-testid=account-form]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('[data-testid=account-table] td.rl-actions button').nth(1).click();
    await page.locator('dialog[open]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.goto(`${app.server.url}/app/kos`);
    await page.locator('[data-testid=kos-table] tbody tr').first().click();
    await page.locator('[data-testid=kos-detail] [data-testid=kos-facts]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('a refused code and e-mail show their errors under their fields in this language', async () => {
    await page.goto(`${app.server.url}/app/kos/new`);
    const form = page.locator('[data-testid=kos-form]');
    await form.locator('input[name=code]').fill('ab!');
    await form.locator('input[name=handle]').fill(`lang.${language.toLowerCase()}`);
    await form.locator('input[name=name]').fill('Invalid Code');
    await form.locator('input[name=email]').fill('not-an-address');
    await form.locator('button[type=submit]').click();
    const code = form.locator('.field-error[data-field=code]');
    const email = form.locator('.field-error[data-field=email]');
    await code.waitFor();
    await email.waitFor();
    const own = texts[language].flat;
    expect(await code.textContent()).toBe(own['problems.kos.code.format']);
    expect(await email.textContent()).toBe(own['problems.field.email']);
    if (language !== 'en') {
      const shown = (await form.textContent()) ?? '';
      expect(shown).not.toContain('must be');
      expect(await code.textContent()).not.toBe(texts.en.flat['problems.kos.code.format']);
    }
    await screenshot(page, `kos/${language}/field-errors`);
  });
});

describe('roles', () => {
  const people = () => ({ manager: app.server.managerEmail, viewer: app.server.viewerEmail });

  test('a manager: "New KOS" starts in their unit without "no unit", and the edits they may make are offered', async () => {
    const { context, page } = await signedInPage(app, people().manager, app.server.memberPassword);
    try {
      await page.goto(`${app.server.url}/app/kos/new`);
      const unit = page.locator('[data-testid=kos-form] select[name=unitId]');
      await unit.locator('option').first().waitFor({ state: 'attached' });
      expect(await unit.inputValue()).toBe(app.server.ids.regionId);
      expect(await unit.locator('option[value=""]').count()).toBe(0);
      await screenshot(page, 'kos/manager-new');
      const form = page.locator('[data-testid=kos-form]');
      await form.locator('input[name=code]').fill('MGR07');
      await form.locator('input[name=handle]').fill('mgr.seven');
      await form.locator('input[name=name]').fill('Đỗ Văn Bảy');
      await form.locator('button[type=submit]').click();
      await page.waitForURL(/\/app\/kos\/(?!new$)[^/]+$/);
      await settled(page);
      expect(await page.locator('[data-testid=edit-kos]').count()).toBe(1);
      await page.locator('nav.kos-tabs a[data-tab=accounts]').click();
      await page.locator('[data-testid=add-account]').waitFor();
      await page.goto(`${app.server.url}/app/kos/${app.server.ids.lanKosId}?tab=links`);
      await page.locator('[data-testid=new-link]').waitFor();
      expect(await page.locator('nav.kos-tabs a').count()).toBe(6);
    } finally {
      await context.close();
    }
  });

  test('a viewer sees every tab and no action at all', async () => {
    const { context, page } = await signedInPage(app, people().viewer, app.server.memberPassword);
    try {
      await page.goto(`${app.server.url}/app/kos`);
      await settled(page);
      expect(await page.locator('[data-testid=new-kos]').count()).toBe(0);
      await page.goto(`${app.server.url}/app/kos/${app.server.ids.lanKosId}`);
      await settled(page);
      expect(await page.locator('[data-testid=edit-kos]').count()).toBe(0);
      await page.goto(`${app.server.url}/app/kos/${app.server.ids.lanKosId}?tab=accounts`);
      await page.locator('[data-testid=account-table] tbody tr').first().waitFor();
      expect(await page.locator('[data-testid=add-account]').count()).toBe(0);
      expect(await page.locator('[data-testid=account-table] button').count()).toBe(0);
      await page.goto(`${app.server.url}/app/kos/${app.server.ids.lanKosId}?tab=links`);
      await page.locator('[data-testid=kos-links] tbody tr').first().waitFor();
      expect(await page.locator('[data-testid=new-link]').count()).toBe(0);
      await page.goto(`${app.server.url}/app/kos/new`);
      await page.locator('[data-testid=forbidden]').waitFor();
      await screenshot(page, 'kos/viewer-profile');
    } finally {
      await context.close();
    }
  });
});

test('on a 390 px phone the KOS page’s tabs, account cards and the roster’s statuses stay on screen', async () => {
  const { context, page } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword, {
    width: 390,
    language: 'vi',
  });
  try {
    await page.goto(`${app.server.url}/app/kos/${app.server.ids.lanKosId}?tab=accounts`);
    await page.locator('[data-testid=account-table] tbody tr').first().waitFor();
    const status = page.locator('[data-testid=account-table] tbody tr td.rl-status .badge');
    const box = await status.first().boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    expect(await page.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth')).toBe(false);
    await screenshot(page, 'kos/phone-accounts');
    await page.goto(`${app.server.url}/app/kos`);
    await page.locator('[data-testid=kos-table] tbody tr').first().waitFor();
    await settled(page);
    // Every roster card shows its status on screen.
    const statuses = page.locator('[data-testid=kos-table] tbody tr td.rl-status .badge');
    const boxes = await Promise.all((await statuses.all()).map((s) => s.boundingBox()));
    expect(boxes.length).toBe(await page.locator('[data-testid=kos-table] tbody tr').count());
    expect(boxes.filter((b) => !b || b.width === 0 || b.x < 0 || b.x + b.width > 390)).toEqual([]);
    expect(await page.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth')).toBe(false);
    await screenshot(page, 'kos/phone-roster');
  } finally {
    await context.close();
  }
});
