import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Console, screenshot, settled, signedInPage, startConsole } from './harness.js';
import { dayFromToday, overflowsSideways, ownerApi, seedProducts } from './livestreams-seed.js';

/**
 * Livestream sessions in the console (issue 10): the owner schedules a session with a product and a flash
 * offer, takes it live, ends it (confirmed: it books the fee), enters stats and reads the funnel; the
 * calendar; other roles see no action they cannot take; a 390 px phone.
 */
let app: Console;
let products: { serumId: string; creamId: string };
let sessionId = '';
const day = dayFromToday(3);
beforeAll(async () => {
  app = await startConsole();
  products = await seedProducts(await ownerApi(app.server));
});
afterAll(async () => {
  await app?.close();
});

const visit = async (page: Page, path: string) => {
  await page.goto(app.server.url + path);
  await settled(page);
};
const dialog = (page: Page) => page.locator('dialog[open]');
const status = (page: Page) => page.locator('[data-testid=session-status]').getAttribute('data-value');

describe('as the owner', () => {
  let page: Page;
  beforeAll(async () => {
    page = (await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword)).page;
  });

  test('schedules a session with a product and a flash offer', async () => {
    await visit(page, '/app/livestreams');
    await page.locator('[data-testid=new-livestream]').click();
    const form = page.locator('[data-testid=livestream-form]');
    await form.locator('select[name=kosId]').selectOption(app.server.ids.lanKosId);
    // LAN01 has one account: it is chosen by itself.
    await expect.poll(() => form.locator('select[name=accountId]').inputValue()).toBe(app.server.ids.lanAccountId);
    await form.locator('input[name=title]').fill('Serum Hoa Sen — flash sale');
    await form.locator('input[name=scheduledStart]').fill(`${day}T20:00`);
    await form.locator('input[name=scheduledEnd]').fill(`${day}T22:00`);
    await form.locator('input[name=fee]').fill('500.000');
    await form.locator('select[name=productIds]').selectOption(products.serumId);
    await form.locator('[data-testid=add-productIds]').click();
    await form.locator('[data-testid=add-offer]').click();
    await form.locator('select[name="flashOffers.0.productId"]').selectOption(products.serumId);
    await form.locator('input[name="flashOffers.0.price"]').fill('199000');
    await form.locator('input[name="flashOffers.0.quantityLimit"]').fill('50');
    expect(await form.locator('input[name="flashOffers.0.startsAt"]').inputValue()).toBe(`${day}T20:00`);
    await screenshot(page, 'livestreams/owner-new-session');
    await form.locator('[data-testid=save-livestream]').click();
    await page.waitForURL(/\/app\/livestreams\/[^/]+$/);
    await settled(page);
    sessionId = page.url().split('/').pop() ?? '';
    const facts = page.locator('[data-testid=livestream-facts]');
    await facts.waitFor();
    expect(await facts.textContent()).toContain('Serum Hoa Sen 50ml (SRM50)');
    expect(await facts.textContent()).toContain('500.000 ₫');
    expect(await page.locator('[data-testid=offers]').textContent()).toContain('199.000 ₫');
    expect(await page.locator('[data-testid=offers]').textContent()).toContain('50');
    expect(await status(page)).toBe('scheduled');
    await screenshot(page, 'livestreams/owner-scheduled');
  });

  test('offers only the moves the API allows, takes it live, then ends it after a confirmation naming the fee', async () => {
    await visit(page, `/app/livestreams/${sessionId}`);
    const actions = () =>
      page.locator('.page-actions [data-action]').evaluateAll((b) => b.map((x) => x.getAttribute('data-action')));
    expect(await actions()).toEqual(['live', 'ended', 'cancelled']);
    await page.locator('.page-actions [data-action=live]').click();
    await dialog(page).waitFor();
    expect(await dialog(page).locator('input[name=actualStart]').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    await dialog(page).locator('[data-testid=confirm]').click();
    await expect.poll(() => status(page)).toBe('live');
    expect(await actions()).toEqual(['ended', 'cancelled']);
    expect(await page.locator('[data-testid=actual-start]').textContent()).not.toBe('—');

    await page.locator('.page-actions [data-action=ended]').click();
    await dialog(page).waitFor();
    expect(await dialog(page).textContent()).toContain('500.000 ₫');
    expect(await dialog(page).textContent()).toContain('Nguyễn Thị Lan');
    await screenshot(page, 'livestreams/owner-end-confirm');
    await dialog(page).locator('[data-testid=confirm]').click();
    await expect.poll(() => status(page)).toBe('ended');
    expect(await actions()).toEqual([]);
    expect(await page.locator('[data-testid=actual-end]').textContent()).not.toBe('—');
  });

  test('enters stats (a field error where the server puts it) and reads the funnel', async () => {
    await visit(page, `/app/livestreams/${sessionId}`);
    const form = page.locator('[data-testid=stats-form]');
    const fill = async (values: Record<string, number>) => {
      for (const [k, v] of Object.entries(values)) await form.locator(`input[name="stats.${k}"]`).fill(String(v));
    };
    await fill({
      views: 10_000,
      viewers: 4000,
      peakViewers: 900,
      avgWatchSeconds: 95,
      productClicks: 500,
      addToCart: 125,
      questions: 40,
      questionsAnswered: 50,
    });
    await form.locator('[data-testid=save-stats]').click();
    const error = form.locator('.field-error[data-field="stats.questionsAnswered"]');
    await error.waitFor();
    expect(await error.textContent()).toBeTruthy();
    await fill({ questionsAnswered: 30 });
    await form.locator('[data-testid=save-stats]').click();
    await form.locator('[role=status]').waitFor();
    const metric = (key: string) => page.locator(`[data-metric=${key}] dd`).textContent();
    await expect.poll(() => metric('ctr')).toBe('5%');
    expect(await metric('addToCartRate')).toBe('25%');
    expect(await metric('responseRate')).toBe('75%');
    expect(await metric('ctor')).toBe('0%');
    expect(await metric('gmv')).toBe('0 ₫');
    expect(await metric('fee')).toBe('500.000 ₫');
    expect(await metric('peakViewers')).toBe('900');
    await screenshot(page, 'livestreams/owner-stats-metrics');
  });

  test('the list filters live in the URL and the calendar shows the month', async () => {
    await visit(page, `/app/livestreams?status=ended`);
    const table = page.locator('[data-testid=livestream-table]');
    await table.waitFor();
    expect(await table.textContent()).toContain('Serum Hoa Sen — flash sale');
    expect(await table.textContent()).not.toContain('Serum Hoa Sen — livestream');
    await page.locator('[data-testid=view-calendar]').click();
    await page.locator('[data-testid=livestream-calendar]').waitFor();
    expect(page.url()).toContain('view=calendar');
    expect(page.url()).toContain('status=ended');
    await visit(page, `/app/livestreams?view=calendar&month=${day.slice(0, 7)}`);
    const cell = page.locator(`[data-day="${day}"]`);
    expect(await cell.textContent()).toContain('Serum Hoa Sen — flash sale');
    expect(await cell.textContent()).toContain('20:00');
    await screenshot(page, 'livestreams/owner-calendar');
    await page.goBack();
    await settled(page);
    expect(page.url()).toContain('status=ended');
  });
});

describe.each([
  ['manager', () => app.server.managerEmail, true],
  ['viewer', () => app.server.viewerEmail, false],
])('as a %s', (role, email, editor) => {
  test(editor ? 'schedules and moves sessions in their scope' : 'reads sessions with no action', async () => {
    const { context, page } = await signedInPage(app, email(), app.server.memberPassword);
    try {
      await visit(page, '/app/livestreams');
      await page.locator('[data-testid=livestream-table]').waitFor();
      expect(await page.locator('[data-testid=new-livestream]').count()).toBe(editor ? 1 : 0);
      expect((await page.locator('[data-testid=livestream-table] [data-action]').count()) > 0).toBe(editor);
      await screenshot(page, `livestreams/${role}-list`);
      await visit(page, `/app/livestreams/${app.server.ids.livestreamId}`);
      await page.locator('[data-testid=metrics] [data-metric]').first().waitFor();
      expect(await page.locator('[data-testid=edit-livestream]').count()).toBe(editor ? 1 : 0);
      expect(await page.locator('[data-testid=stats-form]').count()).toBe(editor ? 1 : 0);
      expect((await page.locator('.page-actions [data-action]').count()) > 0).toBe(editor);
      await screenshot(page, `livestreams/${role}-session`);
    } finally {
      await context.close();
    }
  });
});

test('a KOS member is not offered the livestream pages', async () => {
  const { context, page } = await signedInPage(app, app.server.kosMemberEmail, app.server.memberPassword);
  try {
    expect(await page.locator('aside.sidebar nav a[href="/app/livestreams"]').count()).toBe(0);
    await visit(page, `/app/livestreams/${app.server.ids.livestreamId}`);
    expect(await page.locator('[data-testid=forbidden]').count()).toBe(1);
  } finally {
    await context.close();
  }
});

test('at 390 px: cards with status and actions, an agenda for the calendar, nothing spills sideways', async () => {
  const { context, page } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword, { width: 390 });
  try {
    await visit(page, '/app/livestreams');
    const card = page.locator('[data-testid=livestream-table] tbody tr', { hasText: 'Serum Hoa Sen — livestream' });
    expect(await card.locator('td.rl-status .badge').isVisible()).toBe(true);
    expect(await card.locator('td.rl-actions [data-action=live]').isVisible()).toBe(true);
    expect(await overflowsSideways(page)).toBe(false);
    await screenshot(page, 'livestreams/phone-list');
    await visit(page, `/app/livestreams?view=calendar&month=${day.slice(0, 7)}`);
    expect(await page.locator('.cal-weekdays').isVisible()).toBe(false);
    const agendaDay = page.locator(`[data-day="${day}"]`);
    expect(await agendaDay.isVisible()).toBe(true);
    expect(await agendaDay.locator('.cal-full').isVisible()).toBe(true);
    expect(await overflowsSideways(page)).toBe(false);
    await screenshot(page, 'livestreams/phone-calendar');
    await page.locator('[data-testid=new-livestream]').click();
    await page.locator('[data-testid=add-offer]').click();
    expect(await overflowsSideways(page)).toBe(false);
    await screenshot(page, 'livestreams/phone-form');
    await visit(page, `/app/livestreams/${sessionId || app.server.ids.livestreamId}`);
    expect(await overflowsSideways(page)).toBe(false);
    await screenshot(page, 'livestreams/phone-session');
  } finally {
    await context.close();
  }
});
