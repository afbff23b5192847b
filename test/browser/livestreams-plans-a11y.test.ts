import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Console, LANGUAGES, newContext, screenshot, settled, signIn, startConsole } from './harness.js';
import { AXE, dayFromToday, seriousViolations } from './livestreams-seed.js';

/**
 * axe-core on the states of the livestream and plan pages that pages-a11y.test.ts does not open: the
 * calendar, the session form with a flash offer, the status dialog, the stats form, the plan form with
 * its rows, pickers and preview — in the three languages, no serious or critical violation.
 */
let app: Console;
beforeAll(async () => {
  app = await startConsole();
});
afterAll(async () => {
  await app?.close();
});

describe.each(LANGUAGES)('%s', (language) => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await newContext(app.browser, { language });
    await context.addInitScript(AXE);
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await signIn(page, app.server.url, app.server.ownerEmail, app.server.ownerPassword);
  }, 90_000);
  afterAll(async () => {
    await context?.close();
  });
  const check = async (name: string) => {
    await screenshot(page, `a11y/${language}/${name}`);
    expect(await seriousViolations(page)).toEqual([]);
  };

  test('livestreams: the calendar, the new-session form with a flash offer', async () => {
    await page.goto(`${app.server.url}/app/livestreams?view=calendar&month=${dayFromToday(7).slice(0, 7)}`);
    await settled(page);
    await check('livestreams-calendar');
    await page.locator('[data-testid=new-livestream]').click();
    // The list's filter has a KOS select too: the form's is the one inside it.
    const form = page.locator('[data-testid=livestream-form]');
    await form.locator('select[name=kosId]').selectOption(app.server.ids.lanKosId);
    await form.locator('[data-testid=add-offer]').click();
    await form.locator('[data-testid=save-livestream]').click();
    await form.locator('.field-error').first().waitFor();
    await check('livestreams-form-errors');
  }, 90_000);

  test('a session: the stats form, the metrics and the status dialog', async () => {
    await page.goto(`${app.server.url}/app/livestreams/${app.server.ids.livestreamId}`);
    await settled(page);
    await page.locator('[data-testid=metrics] [data-metric]').first().waitFor();
    await check('livestream-session');
    await page.locator('.page-actions [data-action=ended]').click();
    await page.locator('dialog[open]').waitFor();
    await check('livestream-end-dialog');
    await page.keyboard.press('Escape');
  }, 90_000);

  test('plans: the form with an override, steps, a chosen KOS and the preview', async () => {
    await page.goto(`${app.server.url}/app/plans?edit=new`);
    await settled(page);
    const form = page.locator('[data-testid=plan-form]');
    await form.locator('input[name=rate]').fill('8');
    await form.locator('[data-testid=add-override]').click();
    await form.locator('[data-testid=add-step]').click();
    await form.locator('[data-testid=add-step]').click();
    await form.locator('select[name=kosIds]').selectOption(app.server.ids.lanKosId);
    await form.locator('[data-testid=add-kosIds]').click();
    await form.locator('[data-testid=save-plan]').click();
    await form.locator('.field-error').first().waitFor();
    await check('plans-form');
  }, 90_000);
});
