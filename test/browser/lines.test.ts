import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Console, screenshot, settled, signedInPage, startConsole } from './harness.js';
import { dayMonthsBack, GENERIC_HEADER, genericRow, type OwnerApi, ownerApi } from './lines-seed.js';

/**
 * `/app/lines` as the owner: the unattributed queue, assigning one line and many (with progress and a
 * refused line's reason), un-assigning after a confirmation, every filter read from the URL alone; a
 * manager assigns within their scope, a viewer sees no action.
 */
let app: Console;
let api: OwnerApi;
let page: Page;
const ids = new Map<string, string>();
const kosIds = new Map<string, string>();
const day = dayMonthsBack(1, 10);

interface Line {
  id: string;
  orderId: string;
  kosId: string | null;
  attribution: string;
  source: string;
}

beforeAll(async () => {
  app = await startConsole();
  api = await ownerApi(app.server);
  const csv = [
    GENERIC_HEADER,
    genericRow({ orderId: 'Q1', orderTime: day }),
    genericRow({ orderId: 'Q2', orderTime: day, platform: 'website' }),
    genericRow({ orderId: 'Q3', orderTime: day }),
    genericRow({ orderId: 'Q4', orderTime: day }),
    genericRow({ orderId: 'A1', orderTime: day, kosCode: 'LAN01' }),
    genericRow({ orderId: 'A2', orderTime: day, kosCode: 'MINH02', platform: 'lazada' }),
  ].join('\n');
  expect((await api.importCsv('lines.csv', csv)).inserted).toBe(6);
  const pushed = await api.webhook([
    {
      platform: 'tiktok_shop',
      orderId: 'W1',
      status: 'completed',
      orderTime: new Date(`${day.replace(' ', 'T')}+07:00`).toISOString(),
      quantity: 2,
      grossMinor: 300_000,
      netMinor: 280_000,
      currency: 'VND',
    },
  ]);
  expect(pushed.inserted).toBe(1);
  for (const l of (await api.call<{ items: Line[] }>('GET', '/lines?limit=100')).items) ids.set(l.orderId, l.id);
  for (const k of (await api.call<{ items: { id: string; code: string }[] }>('GET', '/kos')).items) kosIds.set(k.code, k.id);
  page = (await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword)).page;
});
afterAll(async () => {
  await app?.close();
});

const line = (orderId: string) => api.call<Line>('GET', `/lines/${ids.get(orderId)}`);
const rows = (p: Page) => p.locator('[data-testid=line-table] tbody tr');
const orderIds = async (p: Page) => (await rows(p).locator('td.rl-title').allTextContents()).map((s) => s.trim()).sort();
const row = (p: Page, orderId: string) => p.locator(`[data-testid=line-table] tbody tr[data-line-id="${ids.get(orderId)}"]`);
async function open(p: Page, query = '') {
  await p.goto(`${app.server.url}/app/lines${query}`);
  await settled(p);
}

describe('the owner', () => {
  test('the page opens on the unattributed queue', async () => {
    await open(page);
    expect(await page.locator('select[name=attributed]').inputValue()).toBe('false');
    expect(await orderIds(page)).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'W1']);
    const badges = await rows(page)
      .locator('[data-testid=line-attribution]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-value')));
    expect(new Set(badges)).toEqual(new Set(['none']));
    // Money through the shared formatter, enum values translated.
    expect(await row(page, 'W1').locator('td.num').first().textContent()).toBe('300.000 ₫');
    expect(await row(page, 'W1').textContent()).toContain('TikTok Shop');
    await screenshot(page, 'lines/queue');
  });

  test('assigns one line to a KOS', async () => {
    await row(page, 'Q1').locator('input[type=checkbox]').check();
    expect(await page.locator('[data-testid=selected-count]').textContent()).toContain('1');
    await page.locator('select[name=assignTo]').selectOption(kosIds.get('LAN01') ?? '');
    await page.locator('[data-testid=assign]').click();
    const summary = page.locator('[data-testid=assign-summary]');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('1 of 1');
    await row(page, 'Q1').waitFor({ state: 'detached' });
    expect(await line('Q1')).toMatchObject({ kosId: kosIds.get('LAN01'), attribution: 'manual' });
    await screenshot(page, 'lines/assigned-one');
  });

  test('assigns many, with progress, and names each line the server refused', async () => {
    const refused = ids.get('Q3');
    await page.route(`**/api/v1/lines/${refused}`, (route) =>
      route.request().method() === 'PATCH'
        ? route.fulfill({
            status: 403,
            contentType: 'application/problem+json',
            body: JSON.stringify({
              status: 403,
              code: 'forbidden',
              title: 'Forbidden',
              key: 'access.line.out_of_scope',
              detail: 'x',
            }),
          })
        : route.continue(),
    );
    try {
      await page.locator('input[name=selectAll]').check();
      expect(await page.locator('[data-testid=selected-count]').textContent()).toContain('4');
      await page.locator('select[name=assignTo]').selectOption(kosIds.get('MINH02') ?? '');
      await page.locator('[data-testid=assign]').click();
      const failures = page.locator('[data-testid=assign-failures] li');
      await failures.first().waitFor();
      expect(await page.locator('[data-testid=assign-summary]').textContent()).toContain('3 of 4');
      expect(await failures.allTextContents()).toEqual(['Q3: that line is outside your scope']);
      // The refused line stays, still ticked, for another try.
      await row(page, 'Q2').waitFor({ state: 'detached' });
      expect(await orderIds(page)).toEqual(['Q3']);
      expect(await row(page, 'Q3').locator('input[type=checkbox]').isChecked()).toBe(true);
      for (const orderId of ['Q2', 'Q4', 'W1']) expect((await line(orderId)).kosId).toBe(kosIds.get('MINH02'));
      expect((await line('Q3')).kosId).toBeNull();
      await screenshot(page, 'lines/assigned-many');
    } finally {
      await page.unroute(`**/api/v1/lines/${refused}`);
    }
  });

  test('every filter works from the URL alone', async () => {
    const cases: [string, string[], Record<string, string>][] = [
      ['?attributed=all&platform=lazada', ['A2'], { attributed: 'all', platform: 'lazada' }],
      ['?attributed=all&source=webhook', ['W1'], { source: 'webhook' }],
      ['?attributed=true&status=completed&platform=website', ['Q2'], { status: 'completed' }],
      // A KOS's lines (a dashboard figure): all of them, attributed by code or by hand.
      [`?kosId=${kosIds.get('LAN01')}`, ['A1', 'Q1'], { kosId: kosIds.get('LAN01') ?? '', attributed: 'all' }],
      [`?unitId=${app.server.ids.regionId}&platform=shopee`, ['A1', 'Q1', 'Q4'], { unitId: app.server.ids.regionId }],
      [`?attributed=all&from=${day.slice(0, 10)}&to=${day.slice(0, 10)}`, [], { from: day.slice(0, 10) }],
      ['?attributed=all&status=cancelled', [], { status: 'cancelled' }],
    ];
    for (const [query, expected, controls] of cases) {
      await open(page, query);
      expect(await orderIds(page), query).toEqual(expected);
      if (expected.length === 0) await page.locator('[data-testid=empty-state]').waitFor();
      for (const [name, value] of Object.entries(controls))
        expect(await page.locator(`[data-testid=line-filters] [name=${name}]`).inputValue(), `${query} ${name}`).toBe(value);
    }
    await open(page, `?attributed=all&from=${day.slice(0, 10)}`);
    expect((await orderIds(page)).length).toBe(7);
  });

  test('a filter change is a URL change: back and forward keep them', async () => {
    await open(page, '?attributed=all');
    await page.locator('[data-testid=line-filters] select[name=platform]').selectOption('lazada');
    await page.waitForURL(/platform=lazada/);
    expect(await orderIds(page)).toEqual(['A2']);
    await page.locator('[data-testid=line-filters] select[name=attributed]').selectOption('false');
    await page.waitForURL((url) => !url.search.includes('attributed'));
    await page.goBack();
    await page.waitForURL(/attributed=all/);
    expect(await page.locator('[data-testid=line-filters] select[name=attributed]').inputValue()).toBe('all');
  });

  test('un-assigning asks first, then gives the line back to the queue', async () => {
    await open(page, `?kosId=${kosIds.get('LAN01')}`);
    await row(page, 'Q1').locator('[data-testid=unassign]').click();
    const dialog = page.locator('dialog[open]');
    expect(await dialog.textContent()).toContain('Q1');
    await screenshot(page, 'lines/unassign-confirm');
    await dialog.locator('[data-testid=confirm]').click();
    await dialog.waitFor({ state: 'detached' });
    await row(page, 'Q1').waitFor({ state: 'detached' });
    expect(await line('Q1')).toMatchObject({ kosId: null, attribution: 'none' });
    await open(page);
    expect(await orderIds(page)).toEqual(['Q1', 'Q3']);
  });
});

describe('other roles', () => {
  test('a viewer reads the lines and is offered no action', async () => {
    const { context, page: viewer } = await signedInPage(app, app.server.viewerEmail, app.server.memberPassword);
    try {
      await open(viewer, '?attributed=all');
      expect((await orderIds(viewer)).length).toBeGreaterThan(0);
      expect(await viewer.locator('[data-testid=assign-bar]').count()).toBe(0);
      expect(await viewer.locator('[data-testid=line-table] input[type=checkbox]').count()).toBe(0);
      expect(await viewer.locator('[data-testid=unassign]').count()).toBe(0);
      await screenshot(viewer, 'lines/viewer');
    } finally {
      await context.close();
    }
  });

  test('a manager sees their scope’s lines and assigns them among their KOS', async () => {
    const { context, page: manager } = await signedInPage(app, app.server.managerEmail, app.server.memberPassword);
    try {
      // Unattributed lines belong to no unit: a scoped manager's queue is empty.
      await open(manager);
      await manager.locator('[data-testid=empty-state]').waitFor();
      await open(manager, '?attributed=all&platform=lazada');
      expect(await orderIds(manager)).toEqual(['A2']);
      await row(manager, 'A2').locator('input[type=checkbox]').check();
      await manager.locator('select[name=assignTo]').selectOption(kosIds.get('LAN01') ?? '');
      await manager.locator('[data-testid=assign]').click();
      await manager.locator('[data-testid=assign-summary]').waitFor();
      expect(await manager.locator('[data-testid=assign-failures]').count()).toBe(0);
      expect(await line('A2')).toMatchObject({ kosId: kosIds.get('LAN01'), attribution: 'manual' });
      await screenshot(manager, 'lines/manager');
    } finally {
      await context.close();
    }
  });

  test('on a 390 px phone each line is a card with its status and tick box in view', async () => {
    const { context, page: phone } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword, {
      width: 390,
      language: 'vi',
    });
    try {
      await open(phone, '?attributed=all');
      const boxes = await phone
        .locator('[data-testid=line-table] tbody tr td.rl-status .badge, [data-testid=line-table] tbody tr td.rl-title input')
        .evaluateAll((els) =>
          els.map((el) => el.getBoundingClientRect()).filter((b) => b.width === 0 || b.left < 0 || b.right > 390),
        );
      expect(boxes).toEqual([]);
      expect(await phone.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth')).toBe(false);
      await screenshot(phone, 'lines/phone-vi');
    } finally {
      await context.close();
    }
  });
});
