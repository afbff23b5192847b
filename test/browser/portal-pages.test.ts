import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Console, consoleErrors, screenshot, settled, signedInPage, startConsole } from './harness.js';
import { type Call, ownerApi } from './me-seed.js';

/**
 * The KOS portal pages on a 390 px phone (PRODUCT.md §13): a KOS member fixes their accounts' audit
 * (/app/me/accounts), edits their bio page beside its preview (/app/me/bio), and finds their sessions with
 * run-sheets and live rooms (/app/me/sessions). LAN01's seeded tiktok_shop account starts with every item failing.
 */
let app: Console;
let call: Call;
beforeAll(async () => {
  app = await startConsole();
  call = await ownerApi(app.server);
  await call('PATCH', '/org', { brandKit: { brandWords: ['Hoa Sen'] } });
});
afterAll(async () => {
  await app?.close();
});

const PHONE = 390;
const phonePage = () => signedInPage(app, app.server.kosMemberEmail, app.server.memberPassword, { width: PHONE, language: 'en' });
const fitsTheScreen = (page: Page) =>
  page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth') as Promise<boolean>;
/** Waits until the account's audit item `key` reads ok (or not), then answers the score shown. */
async function auditAfter(page: Page, accountId: string, key: string, ok: boolean): Promise<number> {
  const card = page.locator(`[data-testid=own-account-${accountId}]`);
  await card.locator(`li[data-item=${key}][data-ok=${ok}]`).waitFor();
  return Number(await card.locator(`[data-testid=audit-${accountId}]`).getAttribute('data-score'));
}

describe('a KOS member on a phone', () => {
  test('fixes failing audit items of their account: the item turns OK and the score rises', async () => {
    const { context, page } = await phonePage();
    const errors = consoleErrors(page);
    const id = app.server.ids.lanAccountId;
    try {
      await page.waitForURL(`${app.server.url}/app/me`);
      await page.locator('[data-testid=my-accounts-link]').click();
      await page.waitForURL(`${app.server.url}/app/me/accounts`);
      await settled(page);
      expect(await page.locator('[data-testid=brand-words]').textContent()).toContain('Hoa Sen');
      expect(await auditAfter(page, id, 'bio', false)).toBe(0);
      const card = page.locator(`[data-testid=own-account-${id}]`);
      // Each failing item says how to fix it; the bio's names the brand word.
      expect(await card.locator('li[data-item=bio] p').textContent()).toContain('“Hoa Sen”');
      expect(await card.locator('li[data-ok=false]').count()).toBe(5);
      await screenshot(page, 'portal/accounts-before');

      await card.locator('[data-testid=edit-own-account]').click();
      const form = card.locator('[data-testid=own-account-form]');
      // Only the four fields a KOS member may change (docs/matrix.md "Who may change what").
      expect(await form.locator('input, textarea, select').evaluateAll((els) => els.map((e) => e.getAttribute('name')))).toEqual([
        'displayName',
        'bio',
        'linkInBio',
        'followers',
      ]);
      // Tones and case are ignored: "hòa sen" contains the brand word "Hoa Sen".
      await form.locator('textarea[name=bio]').fill('Chăm sóc da cùng hòa sen mỗi tối');
      await form.locator('[data-testid=save-own-account]').click();
      expect(await auditAfter(page, id, 'bio', true)).toBe(20);
      await card.locator('[data-testid=own-account-saved]').waitFor();

      // The link item: one tap fills the bio page's address as the server states it.
      await card.locator('[data-testid=edit-own-account]').click();
      await form.locator('[data-testid=use-bio-page]').click();
      expect(await form.locator('input[name=linkInBio]').inputValue()).toBe('http://localhost:8080/@lan.beauty');
      await form.locator('input[name=followers]').fill('13000');
      await form.locator('[data-testid=save-own-account]').click();
      expect(await auditAfter(page, id, 'link', true)).toBe(40);
      expect(await card.locator('li[data-item=bio]').getAttribute('data-ok')).toBe('true');

      // The server agrees, and kept the new follower count.
      const saved = await call<{ followers: number; bio: string; audit: { score: number } }>('GET', `/accounts/${id}`);
      expect(saved).toMatchObject({ followers: 13_000, bio: 'Chăm sóc da cùng hòa sen mỗi tối', audit: { score: 40 } });
      expect(await fitsTheScreen(page)).toBe(true);
      await screenshot(page, 'portal/accounts-after');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('edits their bio page and sees the preview of the public page change', async () => {
    const { context, page } = await phonePage();
    const errors = consoleErrors(page);
    try {
      await page.goto(`${app.server.url}/app/me/bio`);
      await settled(page);
      expect(await page.locator('[data-testid=open-bio-page]').getAttribute('href')).toBe('/@lan.beauty');
      const frame = page.frameLocator('[data-testid=bio-preview-frame]');
      await frame.locator('h1').waitFor();
      expect(await frame.locator('h1').textContent()).toBe('Nguyễn Thị Lan');
      expect(await frame.locator('.contacts').count()).toBe(0);

      const form = page.locator('[data-testid=bio-form]');
      await form.locator('textarea[name=bio]').fill('Serum Hoa Sen, live every Friday night');
      await form.locator('input[name="contacts.zalo"]').fill('0901234567');
      await form.locator('[data-testid=save-bio]').click();
      await page.locator('[data-testid=bio-saved]').waitFor();
      await frame.locator('p.bio', { hasText: 'Serum Hoa Sen, live every Friday night' }).waitFor();
      expect(await frame.locator('.contacts a.zalo').getAttribute('href')).toBe('https://zalo.me/0901234567');
      // The preview frame runs nothing and cannot reach the console.
      expect(await page.locator('[data-testid=bio-preview-frame]').getAttribute('sandbox')).toBe('');
      expect(await fitsTheScreen(page)).toBe(true);
      await screenshot(page, 'portal/bio');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('sees upcoming sessions with run-sheet links, the live room an hour before, past sessions folded', async () => {
    const { lanKosId: kosId, lanAccountId: accountId, livestreamId } = app.server.ids;
    const iso = (ms: number) => new Date(ms).toISOString();
    const now = Date.now();
    const soon = await call<{ id: string }>('POST', '/livestreams', {
      kosId,
      accountId,
      title: 'Starting soon',
      scheduledStart: iso(now + 30 * 60_000),
      scheduledEnd: iso(now + 90 * 60_000),
    });
    const past = await call<{ id: string }>('POST', '/livestreams', {
      kosId,
      accountId,
      title: 'Last week',
      scheduledStart: iso(now - 7 * 86_400_000),
      scheduledEnd: iso(now - 7 * 86_400_000 + 3_600_000),
      status: 'ended',
      actualStart: iso(now - 7 * 86_400_000),
      actualEnd: iso(now - 7 * 86_400_000 + 3_600_000),
    });
    const { context, page } = await phonePage();
    const errors = consoleErrors(page);
    try {
      await page.waitForURL(`${app.server.url}/app/me`);
      await page.locator('[data-testid=my-sessions-link]').click();
      await page.waitForURL(`${app.server.url}/app/me/sessions`);
      await settled(page);
      const upcoming = page.locator('[data-testid=my-sessions-upcoming]');
      // Soonest first: the session in 30 minutes, then the seeded one in a week.
      expect(await upcoming.locator('li h3').allTextContents()).toEqual(['Starting soon', 'Serum Hoa Sen — livestream']);
      const inAWeek = upcoming.locator(`[data-testid=my-session-${livestreamId}]`);
      expect(await inAWeek.locator('[data-testid=run-sheet-link]').getAttribute('href')).toBe(
        `/app/livestreams/${livestreamId}/run-sheet`,
      );
      expect(await inAWeek.locator('[data-testid=live-room-link]').count()).toBe(0);
      const starting = upcoming.locator(`[data-testid=my-session-${soon.id}]`);
      expect(await starting.locator('[data-testid=live-room-link]').getAttribute('href')).toBe(
        `/app/livestreams/${soon.id}/live`,
      );

      const folded = page.locator('[data-testid=my-sessions-past]');
      const last = folded.locator(`[data-testid=my-session-${past.id}]`);
      expect(await last.isVisible()).toBe(false);
      await folded.locator('summary').click();
      expect(await last.isVisible()).toBe(true);
      expect(await last.locator('[data-testid=live-room-link]').count()).toBe(0);
      expect(await fitsTheScreen(page)).toBe(true);
      await screenshot(page, 'portal/sessions');

      // The run-sheet link opens the session's run-sheet page (not "not for your role").
      await inAWeek.locator('[data-testid=run-sheet-link]').click();
      await page.waitForURL(`${app.server.url}/app/livestreams/${livestreamId}/run-sheet`);
      await settled(page);
      expect(await page.locator('[data-testid=forbidden]').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
