import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { type ContestSeed, importLines as importCsv, seedContests } from './contests-seed.js';
import { type Console, consoleErrors, LANGUAGES, screenshot, settled, signedInPage, startConsole } from './harness.js';
import { axePage, scrollsSideways, seriousViolations } from './links-seed.js';
import { orgWallClock } from './me-seed.js';

/**
 * Contests in the console: the form (with a server error on its field), the live leaderboard with a tie,
 * TV mode, the PK of two stores, closing an ended contest into awards, and a KOS member's own contests.
 */
vi.setConfig({ testTimeout: 120_000 });
let app: Console;
let seed: ContestSeed;
interface Contest {
  id: string;
  status: string;
}

beforeAll(async () => {
  app = await startConsole();
  seed = await seedContests(app.server);
});
afterAll(async () => {
  await app?.close();
});

/** A contest made through the API (the form has its own test). */
const contest = (body: Record<string, unknown>) =>
  seed.api<Contest>('POST', '/contests', { metric: 'netSales', participants: {}, prizes: [], targets: [], ...body });
const runningStores = () =>
  contest({
    name: `PK cửa hàng ${Date.now().toString(36)}`,
    scope: 'unit',
    unitKind: 'store',
    from: seed.day(-3),
    to: seed.day(3),
    targets: [{ value: 250_000, bonusMinor: 50_000 }],
  });
const importLines = (lines: string[]) => importCsv(seed.api, lines);
const owner = () => signedInPage(app, app.server.ownerEmail, app.server.ownerPassword);
const visit = async (page: Page, path: string) => {
  await page.goto(app.server.url + path);
  await settled(page);
};
/** What sticks out of the screen's right edge (to name the culprit when a page scrolls sideways). */
const sticksOut = (page: Page) =>
  page.evaluate(
    "[...document.querySelectorAll('main *')].filter((e) => !e.closest('.table-wrap') && e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 8)",
  ) as Promise<string[]>;
const ranks = (page: Page) =>
  page.locator('[data-testid=standings] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-rank')));

test('the owner creates a contest in the form — a server error lands on its field — and sees the leaderboard with a tie', async () => {
  const { context, page } = await owner();
  const errors = consoleErrors(page);
  try {
    await page.locator('aside.sidebar a[href="/app/contests"]').click();
    await settled(page);
    await page.locator('[data-testid=new-contest]').click();
    const form = page.locator('[data-testid=contest-form]');
    await form.locator('input[name=name]').fill('Đua doanh số tuần này');
    await form.locator('select[name=metric]').selectOption('netSales');
    await form.locator('input[name=from]').fill(seed.day(-2));
    await form.locator('input[name=to]').fill(seed.day(4));
    await form.locator('input[name="prizes.0.amount"]').fill('500.000');
    // Two prizes over the same rank 2: the server refuses, naming the second prize's "to rank".
    await form.locator('[data-testid=add-prize]').click();
    await form.locator('input[name="prizes.1.rankFrom"]').fill('1');
    await form.locator('input[name="prizes.1.rankTo"]').fill('3');
    await form.locator('input[name="prizes.1.amount"]').fill('200.000');
    await form.locator('[data-testid=add-target]').click();
    await form.locator('input[name="targets.0.value"]').fill('400.000');
    await form.locator('input[name="targets.0.bonus"]').fill('100.000');
    await form.locator('[data-testid=save-contest]').click();
    const fieldError = form.locator('.field-error[data-field="prizes.1.rankTo"]');
    await fieldError.waitFor();
    expect(await page.locator('[data-testid=contest-form-error]').count()).toBe(0);
    await screenshot(page, 'contests/form-error');
    await form.locator('input[name="prizes.1.rankFrom"]').fill('2');
    await form.locator('[data-testid=save-contest]').click();

    await page.waitForURL(/\/app\/contests\/[^/?]+$/);
    await settled(page);
    await page.locator('[data-testid=standings]').waitFor();
    expect(await page.locator('main h1').textContent()).toBe('Đua doanh số tuần này');
    expect(await page.locator('[data-testid=contest-status]').getAttribute('data-value')).toBe('running');
    // LAN01 and MINH02 share rank 1 (500 000 ₫ each); TUAN04 is third, MAI05 fourth.
    expect(await ranks(page)).toEqual(['1', '1', '3', '4']);
    const first = page.locator('[data-testid=standings] tbody tr').first();
    expect(await first.textContent()).toContain('500.000');
    expect(await first.textContent()).toContain('₫');
    expect(await page.locator('[data-testid=standings] [data-testid=target-reached]').count()).toBe(2);
    await screenshot(page, 'contests/leaderboard');
    // The refused save (422) is the only failed request.
    expect(errors.filter((e) => !e.includes('422'))).toEqual([]);
  } finally {
    await context.close();
  }
});

test('TV mode: the board full screen, big and high-contrast, without the sidebar', async () => {
  const pk = await runningStores();
  const { context, page } = await owner();
  try {
    await visit(page, `/app/contests/${pk.id}`);
    await page.locator('[data-testid=tv-mode]').click();
    await page.locator('[data-testid=tv-board]').waitFor();
    expect(page.url()).toContain('tv=1');
    expect(await page.locator('aside.sidebar').isVisible()).toBe(false);
    const style = (await page.evaluate(
      "[getComputedStyle(document.querySelector('.tv-board h1')).fontSize, getComputedStyle(document.querySelector('.tv-board')).backgroundColor]",
    )) as string[];
    expect(Number.parseFloat(style[0] ?? '0')).toBeGreaterThanOrEqual(48);
    expect(style[1]).toBe('rgb(0, 0, 0)');
    expect(await ranks(page)).toEqual(['1', '2']);
    await screenshot(page, 'contests/tv');
    await page.locator('[data-testid=tv-exit]').click();
    await page.locator('[data-testid=tv-board]').waitFor({ state: 'detached' });
    expect(await page.locator('aside.sidebar').isVisible()).toBe(true);
  } finally {
    await context.close();
  }
});

test('the PK of two stores side by side: big numbers and a bar showing who leads', async () => {
  const pk = await runningStores();
  const { context, page } = await owner();
  try {
    await visit(page, `/app/contests/${pk.id}`);
    const view = page.locator('[data-testid=pk-view]');
    await view.waitFor();
    // Quận 1 (TUAN04, 300 000 ₫) leads Quận 3 (MAI05, 200 000 ₫).
    expect(await view.locator('[data-testid=pk-a] .pk-name').textContent()).toBe('Cửa hàng Quận 1');
    expect(await view.locator('[data-testid=pk-a] .pk-value').textContent()).toContain('300.000');
    expect(await view.locator('[data-testid=pk-b] .pk-value').textContent()).toContain('200.000');
    expect(await view.locator('[data-testid=pk-lead]').textContent()).toContain('Cửa hàng Quận 1');
    expect(await view.locator('.pk-bar').getAttribute('aria-label')).toContain('60');
    // Swap the sides: the choice lives in the URL, and TV mode shows the same PK.
    await view.locator('select[name=pk-a]').selectOption(seed.storeIds.q3);
    expect(page.url()).toContain(`pkA=${seed.storeIds.q3}&pkB=${seed.storeIds.q1}`);
    expect(await view.locator('[data-testid=pk-a] .pk-name').textContent()).toBe('Cửa hàng Quận 3');
    await screenshot(page, 'contests/pk');
    await visit(page, `/app/contests/${pk.id}?tv=1&pkA=${seed.storeIds.q3}&pkB=${seed.storeIds.q1}`);
    await page.locator('[data-testid=tv-board] [data-testid=pk-view]').waitFor();
    await screenshot(page, 'contests/pk-tv');
  } finally {
    await context.close();
  }
});

test('an admin closes an ended contest and sees the awards, each with its ledger entry', async () => {
  const ended = await contest({
    name: 'Thi đua tuần trước',
    from: seed.day(-10),
    to: seed.day(-5),
    prizes: [
      { rankFrom: 1, rankTo: 1, amountMinor: 1_000_000 },
      { rankFrom: 2, rankTo: 2, amountMinor: 300_000 },
    ],
    targets: [{ value: 600_000, bonusMinor: 150_000 }],
  });
  const { context, page } = await owner();
  const errors = consoleErrors(page);
  try {
    await visit(page, `/app/contests/${ended.id}`);
    await page.locator('[data-testid=standings]').waitFor();
    expect(await page.locator('[data-testid=contest-status]').getAttribute('data-value')).toBe('ended');
    expect(await ranks(page)).toEqual(['1', '2', '2', '4']);
    await page.locator('[data-testid=close-contest]').click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    await dialog.locator('[data-testid=confirm]').click();
    await page.locator('[data-testid=awards-table]').waitFor();
    await dialog.waitFor({ state: 'detached' }).catch(() => undefined);
    await page.locator('[data-testid=contest-status][data-value=closed]').waitFor();
    expect(await page.locator('[data-testid=close-contest]').count()).toBe(0);
    // LAN01: the rank-1 prize and the target bonus; MINH02 and TUAN04 share rank 2 and each get its prize.
    const awards = page.locator('[data-testid=awards-table] tbody tr');
    expect(await awards.count()).toBe(4);
    const table = (await page.locator('[data-testid=awards-table]').textContent()) ?? '';
    expect(table).toContain('Nguyễn Thị Lan');
    expect(table).toContain('1.000.000');
    expect(table).toContain('150.000');
    expect(await page.locator('[data-testid=award-entry]').first().getAttribute('href')).toMatch(
      /^\/app\/ledger\?kosId=.+&kind=bonus$/,
    );
    await screenshot(page, 'contests/awards');
    await page.locator('[data-testid=award-entry]').first().click();
    await settled(page);
    expect(page.url()).toContain('/app/ledger?kosId=');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
  const ledger = await seed.api<{ items: { kind: string; amountMinor: number }[] }>(
    'GET',
    `/ledger?kosId=${seed.kosIds.LAN01}&kind=bonus`,
  );
  expect(ledger.items.filter((e) => e.amountMinor === 1_000_000 || e.amountMinor === 150_000)).toHaveLength(2);
});

test('a closed store PK names the store each KOS’s award came from', async () => {
  const ended = await contest({
    name: 'PK cửa hàng tuần trước',
    scope: 'unit',
    unitKind: 'store',
    from: seed.day(-10),
    to: seed.day(-5),
    prizes: [{ rankFrom: 1, rankTo: 1, amountMinor: 200_000 }],
  });
  await seed.api('POST', `/contests/${ended.id}/close`);
  const { context, page } = await owner();
  try {
    await visit(page, `/app/contests/${ended.id}`);
    await page.locator('[data-testid=standings]').waitFor();
    const row = page.locator('[data-testid=awards-table] tbody tr');
    expect(await row.count()).toBe(1);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('Phạm Anh Tuấn');
    expect(text).toContain('Cửa hàng Quận 1');
    expect(text).toContain('200.000');
    await screenshot(page, 'contests/awards-unit');
  } finally {
    await context.close();
  }
});

describe('a KOS member', () => {
  test('reaches their contests from /app/me and sees their standing, read-only', async () => {
    const running = await contest({
      name: 'Thi đua KOS độc lập',
      from: seed.day(-1),
      to: seed.day(5),
      participants: { relationships: ['independent'] },
    });
    const { context, page } = await signedInPage(app, app.server.kosMemberEmail, app.server.memberPassword, { width: 390 });
    const errors = consoleErrors(page);
    try {
      await page.waitForURL(`${app.server.url}/app/me`);
      await settled(page);
      await page.locator('[data-testid=my-contests-link]').click();
      await settled(page);
      const mine = page.locator(`[data-testid=my-contests] li[data-id="${running.id}"]`);
      await mine.locator('[data-testid=my-standing]').waitFor();
      expect(await mine.locator('[data-testid=my-standing]').textContent()).toContain('500.000');
      expect(await scrollsSideways(page)).toBe(false);
      await screenshot(page, 'contests/kos-mine');
      await mine.locator('h2 a').click();
      await settled(page);
      await page.locator('[data-testid=standings] tr[aria-current=true]').waitFor();
      expect(await page.locator('[data-testid=close-contest]').count()).toBe(0);
      expect(await sticksOut(page)).toEqual([]);
      expect(await scrollsSideways(page)).toBe(false);
      await screenshot(page, 'contests/kos-contest-phone');
      // The staff list sends a KOS member to their own.
      await visit(page, '/app/contests');
      expect(page.url()).toBe(`${app.server.url}/app/me/contests`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

test('on a 390 px phone the leaderboard and the PK fit the screen', async () => {
  const pk = await runningStores();
  const { context, page } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword, { width: 390 });
  try {
    await visit(page, `/app/contests/${pk.id}`);
    await page.locator('[data-testid=pk-view]').waitFor();
    expect(await sticksOut(page)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, 'contests/phone');
    await visit(page, '/app/contests?edit=new');
    await page.locator('[data-testid=contest-form]').waitFor();
    expect(await scrollsSideways(page)).toBe(false);
  } finally {
    await context.close();
  }
});

test.each(LANGUAGES)('axe finds nothing serious on the contest pages (%s)', async (language) => {
  const pk = await runningStores();
  const { context, page } = await axePage(app, app.server.ownerEmail, app.server.ownerPassword, language);
  try {
    for (const [name, path, shown] of [
      ['list', '/app/contests', '[data-testid=contest-table]'],
      ['form', '/app/contests?edit=new', '[data-testid=contest-form]'],
      ['contest', `/app/contests/${pk.id}`, '[data-testid=pk-view]'],
      ['tv', `/app/contests/${pk.id}?tv=1`, '[data-testid=tv-board]'],
    ] as const) {
      await visit(page, path);
      await page.locator(shown).waitFor();
      await page.locator('[data-testid=standings], [data-testid=contest-table], [data-testid=contest-form]').first().waitFor();
      expect(await seriousViolations(page), path).toEqual([]);
      await screenshot(page, `contests/${language}/${name}`);
    }
  } finally {
    await context.close();
  }
});

test('a running leaderboard refreshes by itself (TV mode left on a store’s screen)', async () => {
  const live = await contest({
    name: 'Thi đua cửa hàng trực tiếp',
    from: seed.day(-1),
    to: seed.day(1),
    participants: { kosIds: [seed.kosIds.TUAN04, seed.kosIds.MAI05] },
  });
  const { context, page } = await owner();
  try {
    await visit(page, `/app/contests/${live.id}?tv=1`);
    const first = page.locator('[data-testid=standings] tbody tr').first();
    await page.locator('[data-testid=standings]').waitFor();
    expect(await first.getAttribute('data-id')).toBe(seed.kosIds.TUAN04);
    // A sale of MAI05 arrives: within one refresh (10 s) she leads, without anyone touching the screen.
    await importLines([
      `website,CT-MAI-LIVE,completed,${orgWallClock(Date.now() - 60_000)},1,400000,400000,VND,MAI05,SERUM1,Serum`,
    ]);
    const deadline = Date.now() + 20_000;
    while ((await first.getAttribute('data-id')) !== seed.kosIds.MAI05 && Date.now() < deadline) await page.waitForTimeout(250);
    expect(await first.getAttribute('data-id')).toBe(seed.kosIds.MAI05);
    expect(await first.textContent()).toContain('600.000');
  } finally {
    await context.close();
  }
});
