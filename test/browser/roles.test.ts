import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Console, screenshot, settled, signedInPage, startConsole } from './harness.js';

/** Role awareness (useCan): each role sees the pages and actions its role may use, and a manager's forms start in their unit. */
let app: Console;
beforeAll(async () => {
  app = await startConsole();
});
afterAll(async () => {
  await app?.close();
});

const STAFF_PAGES = [
  '/app/',
  '/app/kos',
  '/app/matrix',
  '/app/links',
  '/app/livestreams',
  '/app/recruitment',
  '/app/lines',
  '/app/plans',
  '/app/ledger',
  '/app/payouts',
  '/app/training',
  '/app/contests',
  '/app/advisor',
  '/app/tiers',
];
const CATALOGUE = ['/app/products', '/app/units', '/app/settings'];
const sidebar = (page: Page) =>
  page.locator('aside.sidebar nav a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
const visit = async (page: Page, path: string) => {
  await page.goto(app.server.url + path);
  await settled(page);
};

describe.each([
  ['owner', () => app.server.ownerEmail, () => app.server.ownerPassword, true],
  ['manager', () => app.server.managerEmail, () => app.server.memberPassword, false],
  ['viewer', () => app.server.viewerEmail, () => app.server.memberPassword, false],
])('%s', (role, email, password, admin) => {
  test('the sidebar lists the pages of the role', async () => {
    const { context, page } = await signedInPage(app, email(), password());
    try {
      const pages = [...STAFF_PAGES.slice(0, 6), ...(admin ? ['/app/imports'] : []), ...STAFF_PAGES.slice(6), ...CATALOGUE];
      expect(await sidebar(page)).toEqual(pages);
      await visit(page, '/app/imports');
      expect(await page.locator('[data-testid=forbidden]').count()).toBe(admin ? 0 : 1);
      await screenshot(page, `roles/${role}-imports`);
      for (const path of ['/app/imports/mappings', '/app/imports/mappings/new']) {
        await visit(page, path);
        expect(await page.locator('[data-testid=forbidden]').count(), path).toBe(admin ? 0 : 1);
      }
    } finally {
      await context.close();
    }
  });

  test('payout actions only for owners and admins', async () => {
    const { context, page } = await signedInPage(app, email(), password());
    try {
      await visit(page, `/app/payouts?period=${app.server.closedPeriod}`);
      await page.locator('[data-testid=payout-table]').waitFor();
      const count = (selector: string) => page.locator(selector).count();
      expect(await count('[data-testid=close-month]')).toBe(admin ? 1 : 0);
      expect(await count('[data-testid=export-csv]')).toBe(admin ? 1 : 0);
      expect(await count('[data-testid=payout-table] td.rl-actions button')).toBe(admin ? 3 : 0);
      await screenshot(page, `roles/${role}-payouts`);
    } finally {
      await context.close();
    }
  });

  test('“New KOS” for those who may create one, starting in the manager’s unit', async () => {
    const { context, page } = await signedInPage(app, email(), password());
    try {
      await visit(page, '/app/kos');
      const button = page.locator('[data-testid=new-kos]');
      expect(await button.count()).toBe(role === 'viewer' ? 0 : 1);
      if (role === 'viewer') return;
      await button.click();
      const unit = page.locator('[data-testid=kos-form] select[name=unitId]');
      expect(await unit.inputValue()).toBe(role === 'manager' ? app.server.ids.regionId : '');
    } finally {
      await context.close();
    }
  });

  test('a session’s run-sheet is editable for owners and managers, read-only for viewers; every staff role opens its live room', async () => {
    const { context, page } = await signedInPage(app, email(), password());
    try {
      await visit(page, `/app/livestreams/${app.server.ids.livestreamId}/run-sheet`);
      const sheet = page.locator('[data-testid=run-sheet]');
      expect(await sheet.getAttribute('data-readonly')).toBe(role === 'viewer' ? 'true' : null);
      await visit(page, `/app/livestreams/${app.server.ids.livestreamId}/live`);
      expect(await page.locator('[data-testid=forbidden]').count()).toBe(0);
      await page.locator('[data-testid=live-status]').waitFor();
    } finally {
      await context.close();
    }
  });

  test('the KOS portal pages (/app/me/…) are not for staff: “not for your role”, as /app/me/scorecard', async () => {
    const { context, page } = await signedInPage(app, email(), password());
    try {
      for (const path of [
        '/app/me/scorecard',
        '/app/me/accounts',
        '/app/me/bio',
        '/app/me/sessions',
        '/app/me/links',
        '/app/me/earnings',
      ]) {
        await visit(page, path);
        expect(await page.locator('[data-testid=forbidden]').count(), path).toBe(1);
      }
    } finally {
      await context.close();
    }
  });
});

describe('a KOS member', () => {
  test('starts at /app/me, sees only their pages, and is told plainly where they may not go', async () => {
    const { context, page } = await signedInPage(app, app.server.kosMemberEmail, app.server.memberPassword);
    try {
      await page.waitForURL(`${app.server.url}/app/me`);
      expect(await sidebar(page)).toEqual(['/app/me', '/app/products']);
      await visit(page, '/app/payouts');
      await page.locator('[data-testid=forbidden]').waitFor();
      await screenshot(page, 'roles/kos-payouts');
    } finally {
      await context.close();
    }
  });

  test('reads their own session’s run-sheet and opens its live room', async () => {
    const { context, page } = await signedInPage(app, app.server.kosMemberEmail, app.server.memberPassword);
    try {
      await visit(page, `/app/livestreams/${app.server.ids.livestreamId}/run-sheet`);
      expect(await page.locator('[data-testid=run-sheet]').getAttribute('data-readonly')).toBe('true');
      await visit(page, `/app/livestreams/${app.server.ids.livestreamId}/live`);
      expect(await page.locator('[data-testid=forbidden]').count()).toBe(0);
      await page.locator('[data-testid=live-status]').waitFor();
    } finally {
      await context.close();
    }
  });
});
