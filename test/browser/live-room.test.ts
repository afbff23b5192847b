import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Console, consoleErrors, screenshot, settled, signedInPage, startConsole } from './harness.js';
import { type OwnerApi, ownerApi } from './lines-seed.js';

/**
 * The live room (issue 13, PRODUCT.md §12): a live session of LAN01 opened in the console follows its
 * event stream; a signed webhook line tied to the session (live content, LAN01, TikTok Shop, ordered
 * after the start) moves the GMV and the orders on the open page, without a reload. The current segment
 * of the run-sheet shows its product, stock left and flash offer countdown. LAN01's member may watch.
 */
let app: Console;
let api: OwnerApi;
let sessionId = '';
const MIN = 60_000;

beforeAll(async () => {
  app = await startConsole();
  api = await ownerApi(app.server);
  const serum = await api.call<{ id: string }>('POST', '/products', {
    sku: 'LIVE-SRM',
    name: 'Serum Hoa Sen Live',
    priceMinor: 350_000,
    stock: 42,
    usp: 'Dưỡng ẩm 24 giờ',
  });
  const now = Date.now();
  const session = await api.call<{ id: string }>('POST', '/livestreams', {
    kosId: app.server.ids.lanKosId,
    accountId: app.server.ids.lanAccountId,
    title: 'Đêm serum — live',
    scheduledStart: new Date(now - 10 * MIN).toISOString(),
    scheduledEnd: new Date(now + 50 * MIN).toISOString(),
    actualStart: new Date(now - 5 * MIN).toISOString(),
    status: 'live',
    productIds: [serum.id],
    flashOffers: [
      {
        productId: serum.id,
        priceMinor: 199_000,
        quantityLimit: 20,
        startsAt: new Date(now - 2 * MIN).toISOString(),
        endsAt: new Date(now + 20 * MIN).toISOString(),
      },
    ],
  });
  sessionId = session.id;
});
afterAll(async () => {
  await app?.close();
});

const text = (page: Page, testId: string) => page.locator(`[data-testid=${testId}]`).textContent();

describe('as the owner', () => {
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    page = (await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword)).page;
    errors = consoleErrors(page);
  });

  test('shows the figures, the current segment and the connection', async () => {
    await page.goto(`${app.server.url}/app/livestreams/${sessionId}/live`);
    await settled(page);
    await expect.poll(() => page.locator('[data-testid=live-status]').getAttribute('data-value')).toBe('live');
    await expect.poll(() => text(page, 'live-orders')).toBe('0');
    expect(await page.locator('[data-testid=live-gmv]').getAttribute('data-value')).toBe('0');
    expect(await text(page, 'live-product')).toBe('Serum Hoa Sen Live');
    expect(await text(page, 'live-stock')).toContain('42');
    expect(await text(page, 'live-offer')).toMatch(/ends in\s+\d\d:\d\d/);
    expect(await page.locator('[data-testid=live-current]').textContent()).toContain('Dưỡng ẩm 24 giờ');
    await screenshot(page, 'live-room/owner-before');
  });

  test('a webhook line tied to the session moves GMV and orders without a reload', async () => {
    await page.evaluate('window.__liveRoomMarker = 42');
    const pushed = await api.webhook([
      {
        platform: 'tiktok_shop',
        orderId: 'LIVE-1',
        status: 'completed',
        orderTime: new Date().toISOString(),
        quantity: 1,
        grossMinor: 199_000,
        netMinor: 189_000,
        currency: 'VND',
        kosCode: 'LAN01',
        contentType: 'live',
      },
    ]);
    expect(pushed.inserted).toBe(1);
    const metrics = await api.call<{ gmvMinor: number; orders: number }>('GET', `/livestreams/${sessionId}/metrics`);
    expect(metrics.orders).toBe(1);
    expect(metrics.gmvMinor).toBeGreaterThan(0);
    await expect.poll(() => text(page, 'live-orders'), { timeout: 5_000 }).toBe('1');
    expect(await text(page, 'live-lines')).toBe('1');
    await expect.poll(() => page.locator('[data-testid=live-gmv]').getAttribute('data-value')).toBe(String(metrics.gmvMinor));
    // The count-up ends on the exact figure.
    await expect
      .poll(() => text(page, 'live-gmv'))
      .toMatch(new RegExp(metrics.gmvMinor.toLocaleString('en-US').replace(/,/g, '.')));
    expect(await page.evaluate('window.__liveRoomMarker')).toBe(42);
    await screenshot(page, 'live-room/owner-after-order');
    expect(errors).toEqual([]);
  });
});

test('LAN01’s member watches their own session on a phone', async () => {
  const { context, page } = await signedInPage(app, app.server.kosMemberEmail, app.server.memberPassword, { width: 390 });
  try {
    await page.goto(`${app.server.url}/app/livestreams/${sessionId}/live`);
    await settled(page);
    await expect.poll(() => page.locator('[data-testid=live-status]').getAttribute('data-value')).toBe('live');
    await expect.poll(() => text(page, 'live-orders')).toBe('1');
    // With reduced motion the GMV does not count up: the new figure is shown in the same update.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await api.webhook([
      {
        platform: 'tiktok_shop',
        orderId: 'LIVE-2',
        status: 'completed',
        orderTime: new Date().toISOString(),
        quantity: 1,
        grossMinor: 100_000,
        netMinor: 95_000,
        currency: 'VND',
        kosCode: 'LAN01',
        contentType: 'live',
      },
    ]);
    const { gmvMinor } = await api.call<{ gmvMinor: number }>('GET', `/livestreams/${sessionId}/metrics`);
    await expect.poll(() => page.locator('[data-testid=live-gmv]').getAttribute('data-value')).toBe(String(gmvMinor));
    expect(await text(page, 'live-gmv')).toContain(gmvMinor.toLocaleString('en-US').replace(/,/g, '.'));
    expect(await text(page, 'live-orders')).toBe('2');
    const sideways = await page.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth');
    expect(sideways).toBe(false);
    await screenshot(page, 'live-room/kos-phone');
  } finally {
    await context.close();
  }
});
