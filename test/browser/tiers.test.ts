import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Console, consoleErrors, screenshot, settled, signedInPage, startConsole } from './harness.js';
import { type Call, ownerApi } from './me-seed.js';
import { type SeededTiers, seedTiers } from './tiers-seed.js';

/**
 * /app/tiers (docs/tiers.md): the tier distribution per unit with a drill-down, "Recompute now" and its
 * changes for owners and admins, the org's cut-offs and their form in the settings with its validation;
 * a viewer reads without acting; a phone.
 */
let app: Console;
let call: Call;
let seed: SeededTiers;
beforeAll(async () => {
  app = await startConsole();
  call = await ownerApi(app.server);
  seed = await seedTiers(call, app.server);
});
afterAll(async () => {
  await app?.close();
});

const visit = async (page: Page, path: string) => {
  await page.goto(app.server.url + path);
  await settled(page);
};
/** The tier counts of a unit's row: `{S, A, B, C, none}`. */
const counts = (page: Page, unitId: string) =>
  page
    .locator(`#unit-row-${unitId} [data-tier]`)
    .evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-tier'), Number(e.textContent)])));

describe('the owner', () => {
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    page = (await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword)).page;
    errors = consoleErrors(page);
  });

  test('sees the distribution per unit and drills into the region', async () => {
    await visit(page, '/app/');
    await page.locator('aside.sidebar nav a[href="/app/tiers"]').click();
    await page.waitForURL(`${app.server.url}/app/tiers`);
    await settled(page);
    const { regionId, storeId } = app.server.ids;
    await page.locator('[data-testid=distribution-table]').waitFor();
    await page.locator('[data-testid=distribution-chart] canvas').waitFor();
    // The region's subtree: LAN01 (B) and MINH02 (S, in the store); HOA03 is paused and not counted.
    expect(await counts(page, regionId)).toEqual({ S: 1, A: 0, B: 1, C: 0, none: 0 });
    await screenshot(page, 'tiers/top');

    await page.locator(`[data-testid=drill-${regionId}]`).click();
    await page.waitForURL(`${app.server.url}/app/tiers?unitId=${regionId}`);
    await settled(page);
    await page.locator(`#unit-row-${storeId}`).waitFor();
    expect(await counts(page, storeId)).toEqual({ S: 1, A: 0, B: 0, C: 0, none: 0 });
    expect(await page.locator('[data-testid=tier-trail]').textContent()).toContain('Miền Nam');
    await screenshot(page, 'tiers/region');
    await page.locator('[data-testid=tier-trail] a').first().click();
    await page.locator(`#unit-row-${regionId}`).waitFor();
    expect(errors).toEqual([]);
  });

  test('recomputes now and sees the changes', async () => {
    // A hand-set tier that the next recompute puts back (LAN01 is B by its sales).
    await call('PATCH', `/kos/${seed.lanKosId}`, { tier: 'C' });
    await visit(page, '/app/tiers');
    await page.locator('[data-testid=recompute-now]').click();
    const change = page.locator(`[data-testid=recompute-changes] li[data-kos="${seed.lanKosId}"]`);
    await change.waitFor();
    expect(await change.textContent()).toContain('C → B');
    expect(await page.locator('[data-testid=recompute-result] p').textContent()).toMatch(/: 1\.$/);
    await screenshot(page, 'tiers/recomputed');
  });

  test('changes the cut-offs in the settings, with the form’s checks', async () => {
    await visit(page, '/app/tiers');
    await page.locator('[data-testid=edit-cutoffs]').click();
    await page.waitForURL(`${app.server.url}/app/settings?section=tiers`);
    await settled(page);
    const form = page.locator('form[data-testid=tier-cutoffs]');
    expect(await form.locator('input[name=s]').inputValue()).toBe('10');

    await form.locator('input[name=s]').fill('50');
    await form.locator('input[name=a]').fill('40');
    await form.locator('input[name=b]').fill('20');
    await form.locator('[data-testid=save-cutoffs]').click();
    expect(await page.locator('[data-testid=cutoff-sum-error]').textContent()).toContain('110');
    await form.locator('input[name=b]').fill('2.5');
    await form.locator('[data-testid=save-cutoffs]').click();
    await page.locator('.field-error[data-field=b]').waitFor();
    await screenshot(page, 'tiers/cutoffs-invalid');
    // Nothing was sent.
    expect((await call<{ tierCutoffs: unknown }>('GET', '/org')).tierCutoffs).toEqual({ s: 10, a: 20, b: 40 });

    await form.locator('input[name=s]').fill('20');
    await form.locator('input[name=a]').fill('30');
    await form.locator('input[name=b]').fill('30');
    expect(await page.locator('[data-testid=cutoff-rest]').textContent()).toContain('20');
    await form.locator('[data-testid=save-cutoffs]').click();
    await page.locator('[data-testid=cutoffs-saved]').waitFor();
    expect((await call<{ tierCutoffs: unknown }>('GET', '/org')).tierCutoffs).toEqual({ s: 20, a: 30, b: 30 });
    await visit(page, '/app/tiers');
    expect(await page.locator('[data-testid=cutoffs] li[data-tier=S]').textContent()).toContain('20');
    await screenshot(page, 'tiers/cutoffs-saved');
  });
});

test('a viewer reads the distribution and the cut-offs and is offered no action', async () => {
  const { context, page } = await signedInPage(app, app.server.viewerEmail, app.server.memberPassword, { language: 'zh-CN' });
  try {
    await visit(page, '/app/tiers');
    await page.locator('[data-testid=distribution-table]').waitFor();
    expect(await page.locator('[data-testid=recompute-now]').count()).toBe(0);
    await page.locator('[data-testid=cutoffs]').waitFor();
    await visit(page, `/app/kos/${seed.lanKosId}`);
    await page.locator('[data-testid=tier-control]').waitFor();
    expect(await page.locator('[data-testid=tier-control] form').count()).toBe(0);
    await screenshot(page, 'tiers/viewer');
  } finally {
    await context.close();
  }
});

test('on a phone the tiers page fits the screen', async () => {
  const { context, page } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword, {
    width: 390,
    language: 'vi',
  });
  try {
    await visit(page, '/app/tiers');
    await page.locator('[data-testid=distribution-chart] canvas').waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth')).toBe(false);
    await screenshot(page, 'tiers/phone');
  } finally {
    await context.close();
  }
});
