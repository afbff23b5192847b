import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { type Console, LANGUAGES, screenshot, settled, signedInPage, startConsole } from './harness.js';
import { axePage, offScreen, scrollsSideways, seriousViolations } from './links-seed.js';

/** `/app/units`: create below a unit, rename, re-kind, move, delete (and the server's refusal); each role's buttons; a phone; axe. */
// Whole flows in a real Chromium on a machine shared with other test runs: more than the default 30 s.
vi.setConfig({ testTimeout: 120_000 });
let app: Console;
beforeAll(async () => {
  app = await startConsole();
});
afterAll(async () => {
  await app?.close();
});

const visit = async (page: Page, path: string) => {
  await page.goto(app.server.url + path);
  await settled(page);
};
/** The tree row (`.node`) of the unit named `name`. */
const node = (page: Page, name: string) => page.locator(`[data-testid=unit-tree] li[data-unit="${name}"] > .node`);
const REGION = 'Miền Nam';
const STORE = 'Cửa hàng Quận 1';

test('as the owner: create a unit below a store, rename and move it, delete it; a used unit is refused', async () => {
  const { context, page } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword);
  try {
    await visit(page, '/app/units');
    await node(page, STORE).locator('[data-testid=add-child]').click();
    const form = page.locator('[data-testid=unit-form]');
    expect(await form.locator('select[name=parentId]').inputValue()).toBe(app.server.ids.storeId);
    // No name: the server's error stands under the name field.
    await form.locator('[data-testid=save-unit]').click();
    await form.locator('.field-error[data-field=name]').waitFor();
    await form.locator('input[name=name]').fill('Quầy Vincom');
    await form.locator('select[name=kind]').selectOption('team');
    await form.locator('[data-testid=save-unit]').click();
    await form.waitFor({ state: 'detached' });
    await page.locator(`li[data-unit="${STORE}"] li[data-unit="Quầy Vincom"]`).waitFor();
    await screenshot(page, 'units/created');

    // Rename, change kind and move it up below the region.
    await node(page, 'Quầy Vincom').locator('[data-testid=edit-unit]').click();
    await form.locator('input[name=name]').fill('Quầy Vincom Đồng Khởi');
    await form.locator('select[name=kind]').selectOption('store');
    await form.locator('select[name=parentId]').selectOption(app.server.ids.regionId);
    await form.locator('[data-testid=save-unit]').click();
    await form.waitFor({ state: 'detached' });
    const moved = node(page, 'Quầy Vincom Đồng Khởi');
    await page.locator(`li[data-unit="${REGION}"] > ul > li[data-unit="Quầy Vincom Đồng Khởi"]`).waitFor();
    expect(await moved.locator('.badge').getAttribute('data-value')).toBe('store');

    // The region still has units, KOS and members: the server refuses, and the dialog says why.
    await node(page, REGION).locator('[data-testid=delete-unit]').click();
    const dialog = page.locator('dialog[open]');
    await dialog.locator('[data-testid=confirm]').click();
    await dialog.locator('[data-testid=error-box]').waitFor();
    expect(await dialog.locator('[data-testid=error-box]').textContent()).toMatch(/child unit/);
    await screenshot(page, 'units/delete-refused');
    await dialog.locator('button', { hasText: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    await moved.locator('[data-testid=delete-unit]').click();
    await page.locator('dialog[open] [data-testid=confirm]').click();
    await moved.waitFor({ state: 'detached' });
    expect(await page.locator('[data-testid=unit-tree] li').count()).toBe(2);
  } finally {
    await context.close();
  }
});

test('in Vietnamese the refusal is Vietnamese, not the server’s English', async () => {
  const { context, page } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword, { language: 'vi' });
  try {
    await visit(page, '/app/units');
    await node(page, REGION).locator('[data-testid=delete-unit]').click();
    await page.locator('dialog[open] [data-testid=confirm]').click();
    const error = page.locator('dialog[open] [data-testid=error-box]');
    await error.waitFor();
    expect(await error.textContent()).not.toMatch(/child unit|move them first/);
    await screenshot(page, 'units/vi-delete-refused');
  } finally {
    await context.close();
  }
});

describe.each([
  ['manager', true],
  ['viewer', false],
] as const)('as a %s', (role, edits) => {
  test(edits ? 'works below their own unit, never on it' : 'reads the tree with no action', async () => {
    const email = role === 'manager' ? app.server.managerEmail : app.server.viewerEmail;
    const { context, page } = await signedInPage(app, email, app.server.memberPassword);
    try {
      await visit(page, '/app/units');
      const region = node(page, REGION);
      const store = node(page, STORE);
      await store.waitFor();
      expect(await page.locator('[data-testid=new-unit]').count()).toBe(edits ? 1 : 0);
      expect(await region.locator('[data-testid=add-child]').count()).toBe(edits ? 1 : 0);
      expect(await region.locator('[data-testid=edit-unit], [data-testid=delete-unit]').count()).toBe(0);
      expect(await store.locator('[data-testid=edit-unit], [data-testid=delete-unit]').count()).toBe(edits ? 2 : 0);
      if (edits) {
        // A new unit starts below the manager's own unit, and cannot be put at the top.
        await page.locator('[data-testid=new-unit]').click();
        const parent = page.locator('[data-testid=unit-form] select[name=parentId]');
        expect(await parent.inputValue()).toBe(app.server.ids.regionId);
        expect(await parent.locator('option[value=""]').count()).toBe(0);
      }
      await screenshot(page, `units/${role}`);
    } finally {
      await context.close();
    }
  });
});

test('on a 390 px phone the tree and its buttons stay on screen', async () => {
  const { context, page } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword, {
    width: 390,
    language: 'vi',
  });
  try {
    await visit(page, '/app/units');
    await node(page, STORE).waitFor();
    expect(await offScreen(page, '[data-testid=unit-tree] .node button', 390)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, 'phone/units');
  } finally {
    await context.close();
  }
});

describe.each(LANGUAGES)('axe in %s', (language) => {
  test('the tree, the unit form and the delete dialog', async () => {
    const { context, page } = await axePage(app, app.server.ownerEmail, app.server.ownerPassword, language);
    try {
      await visit(page, '/app/units');
      await node(page, STORE).locator('[data-testid=add-child]').click();
      await page.locator('[data-testid=save-unit]').click();
      await page.locator('[data-testid=unit-form] .field-error').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `units/${language}-form`);
      await node(page, REGION).locator('[data-testid=delete-unit]').click();
      await page.locator('dialog[open] [data-testid=confirm]').click();
      await page.locator('dialog[open] [data-testid=error-box]').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
