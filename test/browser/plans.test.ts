import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Console, screenshot, settled, signedInPage, startConsole } from './harness.js';
import { overflowsSideways, ownerApi } from './livestreams-seed.js';

/**
 * Commission plans in the console (issue 10): the owner creates a plan with an override and step tiers
 * and watches the live preview follow; the form checks the steps itself; a 409 names the overlapping plan
 * in the user's language; other roles see no action; a 390 px phone.
 */
let app: Console;
const LAN_PLAN = 'Chính sách riêng của Lan';
beforeAll(async () => {
  app = await startConsole();
  const api = await ownerApi(app.server);
  await api('POST', '/plans', {
    name: LAN_PLAN,
    appliesTo: { kosIds: [app.server.ids.lanKosId] },
    validFrom: '2026-01-01',
    rateBps: 800,
  });
});
afterAll(async () => {
  await app?.close();
});

const visit = async (page: Page, path: string) => {
  await page.goto(app.server.url + path);
  await settled(page);
};
const text = (page: Page, testid: string) => page.locator(`[data-testid=${testid}]`).textContent();

describe('as the owner', () => {
  let page: Page;
  beforeAll(async () => {
    page = (await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword)).page;
  });

  test('creates a plan with an override and steps, the preview following every change', async () => {
    await visit(page, '/app/plans');
    expect(await text(page, 'plan-table')).toContain(LAN_PLAN);
    await page.locator('[data-testid=new-plan]').click();
    expect(page.url()).toContain('edit=new');
    const form = page.locator('[data-testid=plan-form]');
    await form.locator('input[name=name]').fill('Chính sách mặc định 2026');
    expect(await text(page, 'preview-line')).toContain('Enter the plan');
    await form.locator('input[name=rate]').fill('10');
    // The sample line: 1 000 000 ₫ net at 10 %.
    expect(await text(page, 'preview-commission')).toBe('100.000 ₫');
    await page.locator('input[name="sample.refund"]').fill('250000');
    expect(await text(page, 'preview-commission')).toBe('75.000 ₫');

    await form.locator('[data-testid=add-override]').click();
    await form.locator('input[name="overrides.0.value"]').fill('SRM50');
    await form.locator('input[name="overrides.0.rate"]').fill('12,5');
    await page.locator('input[name="sample.sku"]').fill('SRM50');
    expect(await text(page, 'preview-commission')).toBe('93.750 ₫');
    expect(await text(page, 'preview-rate')).toContain('SKU override');

    await form.locator('[data-testid=add-step]').click();
    await form.locator('input[name="steps.0.rate"]').fill('10');
    await form.locator('[data-testid=add-step]').click();
    await form.locator('input[name="steps.1.from"]').fill('0');
    await form.locator('input[name="steps.1.rate"]').fill('12');
    // Checked in the form: not sent.
    expect(await form.locator('.field-error[data-field="steps.1.from"]').textContent()).toContain(
      'greater than the previous step',
    );
    await form.locator('input[name="steps.1.from"]').fill('50.000.000');
    expect(await form.locator('.field-error').count()).toBe(0);
    // The month sample (60 000 000 ₫) reached the 12 % step.
    expect(await text(page, 'preview-month-rate')).toContain('12%');
    expect(await text(page, 'preview-month-commission')).toBe('7.200.000 ₫');
    await page.locator('input[name="sample.month"]').fill('40000000');
    expect(await text(page, 'preview-month-rate')).toContain('10%');
    expect(await text(page, 'preview-month-commission')).toBe('4.000.000 ₫');
    await screenshot(page, 'plans/owner-new-plan-preview');

    // Covering LAN01 like the existing KOS plan: 409 naming it, next to "Applies to".
    await form.locator('select[name=kosIds]').selectOption(app.server.ids.lanKosId);
    await form.locator('[data-testid=add-kosIds]').click();
    await form.locator('[data-testid=save-plan]').click();
    await page.locator('[data-testid=applies-to-error]').waitFor();
    expect(await text(page, 'applies-to-error')).toContain(LAN_PLAN);
    await screenshot(page, 'plans/owner-overlap');
    await form.locator('.chip-remove').click();
    await form.locator('[data-testid=save-plan]').click();
    await page.locator('[data-testid=plan-saved]').waitFor();
    expect(page.url()).not.toContain('edit=');
    const row = page.locator('[data-testid=plan-table] tr', { hasText: 'Chính sách mặc định 2026' });
    expect(await row.textContent()).toContain('Organisation default');
    expect(await row.textContent()).toContain('1 overrides, 2 steps');
  });

  test('edits the plan: every field comes back as it was saved', async () => {
    await visit(page, '/app/plans');
    const row = page.locator('[data-testid=plan-table] tr', { hasText: 'Chính sách mặc định 2026' });
    await row.locator('td.rl-actions button').click();
    const form = page.locator('[data-testid=plan-form]');
    await form.waitFor();
    expect(await form.locator('input[name=rate]').inputValue()).toBe('10');
    expect(await form.locator('input[name="overrides.0.value"]').inputValue()).toBe('SRM50');
    expect(await form.locator('input[name="overrides.0.rate"]').inputValue()).toBe('12.5');
    expect(await form.locator('input[name="steps.1.from"]').inputValue()).toBe('50000000');
    await form.locator('input[name=holdingDays]').fill('20');
    await form.locator('[data-testid=save-plan]').click();
    await page.locator('[data-testid=plan-saved]').waitFor();
    expect(await row.textContent()).toContain('20');
  });

  test.each([
    ['vi', 'Trùng với chính sách hoa hồng'],
    ['zh-CN', '冲突'],
  ] as const)(
    'in %s, the overlap names the plan in the user’s language',
    async (language, words) => {
      const { context, page: p } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword, { language });
      try {
        await visit(p, '/app/plans?edit=new');
        const form = p.locator('[data-testid=plan-form]');
        await form.locator('input[name=name]').fill('Trùng');
        await form.locator('input[name=rate]').fill('5');
        await form.locator('input[name=relationships][value=independent]').check();
        await form.locator('select[name=kosIds]').selectOption(app.server.ids.lanKosId);
        await form.locator('[data-testid=add-kosIds]').click();
        await form.locator('[data-testid=save-plan]').click();
        await p.locator('[data-testid=applies-to-error]').waitFor();
        const message = await text(p, 'applies-to-error');
        expect(message).toContain(words);
        expect(message).toContain(LAN_PLAN);
        expect(message).not.toContain('overlaps plan');
        await screenshot(p, `plans/${language}-overlap`);
      } finally {
        await context.close();
      }
    },
    60_000,
  );
});

describe.each([
  ['manager', () => app.server.managerEmail],
  ['viewer', () => app.server.viewerEmail],
])('as a %s', (role, email) => {
  test('reads the plans with no way to change them', async () => {
    const { context, page } = await signedInPage(app, email(), app.server.memberPassword);
    try {
      await visit(page, '/app/plans');
      await page.locator('[data-testid=plan-table]').waitFor();
      expect(await page.locator('[data-testid=new-plan]').count()).toBe(0);
      expect(await page.locator('[data-testid=plan-table] td.rl-actions').count()).toBe(0);
      await visit(page, '/app/plans?edit=new');
      expect(await page.locator('[data-testid=plan-form]').count()).toBe(0);
      await screenshot(page, `plans/${role}-list`);
    } finally {
      await context.close();
    }
  });
});

test('a KOS member does not see the plans', async () => {
  const { context, page } = await signedInPage(app, app.server.kosMemberEmail, app.server.memberPassword);
  try {
    expect(await page.locator('aside.sidebar nav a[href="/app/plans"]').count()).toBe(0);
    await visit(page, '/app/plans');
    expect(await page.locator('[data-testid=forbidden]').count()).toBe(1);
  } finally {
    await context.close();
  }
});

test('at 390 px: plan cards with their state, the form and its preview fit the screen', async () => {
  const { context, page } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword, { width: 390 });
  try {
    await visit(page, '/app/plans');
    const card = page.locator('[data-testid=plan-table] tbody tr', { hasText: LAN_PLAN });
    expect(await card.locator('td.rl-status .badge').isVisible()).toBe(true);
    expect(await card.locator('td.rl-actions button').isVisible()).toBe(true);
    expect(await overflowsSideways(page)).toBe(false);
    await screenshot(page, 'plans/phone-list');
    await page.locator('[data-testid=new-plan]').click();
    await page.locator('[data-testid=add-override]').click();
    await page.locator('[data-testid=add-step]').click();
    await page.locator('input[name=rate]').fill('8');
    expect(await page.locator('[data-testid=preview-commission]').isVisible()).toBe(true);
    expect(await overflowsSideways(page)).toBe(false);
    await screenshot(page, 'plans/phone-form');
  } finally {
    await context.close();
  }
});
