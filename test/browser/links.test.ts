import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { type Console, LANGUAGES, screenshot, settled, signedInPage, startConsole } from './harness.js';
import {
  axePage,
  type OwnerApi,
  offScreen,
  ownerApi,
  type SeededProduct,
  scrollsSideways,
  seedProduct,
  seriousViolations,
} from './links-seed.js';

/** `/app/links`: create a link, copy its short URL, its QR code, clicks, edit, filters; each role's buttons; a phone; axe. */
// Whole flows in a real Chromium on a machine shared with other test runs: more than the default 30 s.
vi.setConfig({ testTimeout: 120_000 });
let app: Console;
let api: OwnerApi;
let product: SeededProduct;
beforeAll(async () => {
  app = await startConsole();
  api = await ownerApi(app.server);
  product = await seedProduct(api);
});
afterAll(async () => {
  await app?.close();
});

const visit = async (page: Page, path: string) => {
  await page.goto(app.server.url + path);
  await settled(page);
};
/** Whether an `<img>` has loaded a picture (polled: it may still be on its way). */
async function imageLoaded(img: Locator): Promise<boolean> {
  for (let i = 0; i < 50; i++) {
    if (await img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth > 0)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
const row = (page: Page, slug: string) => page.locator(`[data-testid=link-table] tbody tr[data-slug="${slug}"]`);

describe('as the owner', () => {
  test('create a link from the KOS profile’s ?kosId=, copy its short URL, download its QR code, edit it', async () => {
    const { context, page } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword);
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.url });
      await visit(page, `/app/links?kosId=${app.server.ids.lanKosId}`);
      await page.locator('[data-testid=empty-state]').waitFor();
      await page.locator('[data-testid=new-link]').click();
      const form = page.locator('[data-testid=link-form]');
      expect(await form.locator('select[name=kosId]').inputValue()).toBe(app.server.ids.lanKosId);
      await form.locator('select[name=productId]').selectOption(product.id);
      await form.locator('input[name=destinationUrl]').fill('https://shop.example.vn/serum?ref={kos_code}&c={click_id}');
      await form.locator('input[name=campaign]').fill('tet-2026');
      // A slug the server refuses: its error stands under the slug field.
      await form.locator('input[name=slug]').fill('a!');
      await form.locator('[data-testid=save-link]').click();
      await form.locator('.field-error[data-field=slug]').waitFor();
      await screenshot(page, 'links/slug-error');
      await form.locator('input[name=slug]').fill('lan-serum');
      await form.locator('[data-testid=save-link]').click();

      // Saved: its QR code and short URL show, and the list has the row with the product as its label.
      const qr = page.locator('[data-testid=link-qr]');
      await qr.waitFor();
      const shortUrl = (await qr.locator('#qr-short-url').textContent())?.trim() ?? '';
      expect(shortUrl).toMatch(/\/lan-serum$/);
      const link = row(page, 'lan-serum');
      await link.waitFor();
      expect(await link.locator('td.rl-title').textContent()).toBe(`${product.name}Nguyễn Thị Lan (LAN01)`);
      expect(await link.locator('td.rl-status .badge').getAttribute('data-value')).toBe('active');
      expect(await imageLoaded(qr.locator('img'))).toBe(true);

      // Copy: the clipboard holds the short URL and the button says so.
      await link.locator('[data-testid=copy-link]').click();
      await link.locator('[data-testid=copy-link][data-state=copied]').waitFor();
      expect(await page.evaluate('navigator.clipboard.readText()')).toBe(shortUrl);
      await screenshot(page, 'links/created-and-copied');

      // The QR code downloads as an SVG of the short URL.
      const download = page.waitForEvent('download');
      await qr.locator('[data-testid=qr-download]').click();
      const file = await (await download).path();
      expect(readFileSync(file, 'utf8')).toContain('<svg');
      expect((await download).suggestedFilename()).toBe('lan-serum-qr.svg');

      // Edit: a title and disabled; the row says so.
      await link.locator('[data-testid=edit-link]').click();
      await form.locator('input[name=title]').fill('Serum Tết');
      await form.locator('input[name=disabled]').check();
      await form.locator('[data-testid=save-link]').click();
      await link.locator('td.rl-status .badge[data-value=disabled]').waitFor();
      expect(await link.locator('td.rl-title').textContent()).toContain('Serum Tết');
      await screenshot(page, 'links/edited');
    } finally {
      await context.close();
    }
  });

  test('click counts, and filters kept in the URL through back and forward', async () => {
    const created = await api<{ id: string; slug: string }>('POST', '/links', {
      kosId: app.server.ids.lanKosId,
      destinationUrl: 'https://shop.example.vn/kem',
      slug: 'lan-kem',
      campaign: 'he-2026',
      title: 'Kem chống nắng',
    });
    const browserUa = 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
    for (let i = 0; i < 2; i++)
      await fetch(`${app.server.url}/lan-kem`, { redirect: 'manual', headers: { 'user-agent': browserUa } });
    const deadline = Date.now() + 10_000;
    while ((await api<{ clickCount: number }>('GET', `/links/${created.id}`)).clickCount < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const { context, page } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword);
    try {
      await visit(page, '/app/links');
      const kem = row(page, 'lan-kem');
      expect(await kem.locator('td').nth(3).textContent()).toBe('2');
      expect(await kem.locator('td').nth(4).textContent()).toBe('1');
      await page.locator('[data-testid=link-filters] input[name=campaign]').fill('he-2026');
      await page.waitForURL(/campaign=he-2026/);
      await settled(page);
      expect(await page.locator('[data-testid=link-table] tbody tr').count()).toBe(1);
      await page.locator('[data-testid=link-filters] select[name=disabled]').selectOption('true');
      await page.waitForURL(/disabled=true/);
      await page.locator('[data-testid=empty-state]').waitFor();
      await page.goBack();
      await page.waitForURL((url) => !url.search.includes('disabled'));
      await kem.waitFor();
      expect(await page.locator('[data-testid=link-filters] input[name=campaign]').inputValue()).toBe('he-2026');
      await screenshot(page, 'links/filtered');
    } finally {
      await context.close();
    }
  });
});

describe.each([
  ['manager', true],
  ['viewer', false],
] as const)('as a %s', (role, edits) => {
  test(edits ? 'creates and edits links in their scope' : 'copies and sees QR codes, no create or edit', async () => {
    const email = role === 'manager' ? app.server.managerEmail : app.server.viewerEmail;
    const { context, page } = await signedInPage(app, email, app.server.memberPassword);
    try {
      await visit(page, '/app/links');
      await row(page, 'lan-kem').waitFor();
      expect(await page.locator('[data-testid=new-link]').count()).toBe(edits ? 1 : 0);
      expect(await page.locator('[data-testid=edit-link]').count()).toBe(
        edits ? await page.locator('[data-testid=link-table] tbody tr').count() : 0,
      );
      expect(await page.locator('[data-testid=copy-link]').count()).toBeGreaterThan(0);
      await screenshot(page, `links/${role}`);
    } finally {
      await context.close();
    }
  });
});

test('on a 390 px phone each link is a card with its status and copy button on screen', async () => {
  const { context, page } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword, {
    width: 390,
    language: 'vi',
  });
  try {
    await visit(page, '/app/links');
    await row(page, 'lan-kem').waitFor();
    expect(await offScreen(page, '[data-testid=link-table] td.rl-status .badge', 390)).toEqual([]);
    expect(await offScreen(page, '[data-testid=link-table] [data-testid=copy-link]', 390)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, 'phone/links');
  } finally {
    await context.close();
  }
});

describe.each(LANGUAGES)('axe in %s', (language) => {
  test('the list, the new-link form and a QR code', async () => {
    const { context, page } = await axePage(app, app.server.ownerEmail, app.server.ownerPassword, language);
    try {
      await visit(page, '/app/links');
      await row(page, 'lan-kem').waitFor();
      await page.locator('[data-testid=new-link]').click();
      await page.locator('[data-testid=link-form] [data-testid=save-link]').click();
      await page.locator('[data-testid=link-form] .field-error').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `links/${language}-form`);
      await row(page, 'lan-kem').locator('[data-testid=show-qr]').click();
      await page.locator('[data-testid=link-qr] img').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `links/${language}-qr`);
    } finally {
      await context.close();
    }
  });
});
