import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Console, consoleErrors, screenshot, settled, signedInPage, startConsole } from './harness.js';
import { type Call, ownerApi } from './me-seed.js';
import { type SeededTiers, seedTiers } from './tiers-seed.js';

/**
 * A KOS's scorecard in the console (docs/tiers.md): tiers, RPG as a radar with its figures, the 30-day KPIs,
 * the tier history, a day picked in the past; the tier set by hand and locked on the KOS's page; the
 * roster's tier and RPG columns and sorts; a KOS member's own scorecard; a phone.
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

interface ScorecardAnswer {
  tier: string | null;
  tierLocked: boolean;
  rpg: { relevance: number; performance: number; growth: number; score: number } | null;
}
const visit = async (page: Page, path: string) => {
  await page.goto(app.server.url + path);
  await settled(page);
};
const text = async (page: Page, selector: string) => ((await page.locator(selector).textContent()) ?? '').trim();
/** Page scripts are strings: the tests are compiled without the DOM's types. */
const scrollsSideways = (page: Page) =>
  page.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth');

describe('the owner', () => {
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    page = (await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword)).page;
    errors = consoleErrors(page);
  });

  test('opens the scorecard from the KOS page: tiers, RPG radar and figures, KPIs, history', async () => {
    const api = await call<ScorecardAnswer>('GET', `/kos/${seed.minhKosId}/scorecard`);
    expect(api.tier).toBe('S');
    await visit(page, `/app/kos/${seed.minhKosId}`);
    await page.locator('[data-testid=scorecard-link]').click();
    await page.waitForURL(`${app.server.url}/app/kos/${seed.minhKosId}/scorecard`);
    await settled(page);
    expect(await page.locator('[data-testid=scorecard-tier]').getAttribute('data-tier')).toBe('S');
    await page.locator('[data-testid=rpg-radar] canvas').waitFor();
    for (const axis of ['relevance', 'performance', 'growth'] as const) {
      expect(await text(page, `[data-testid=rpg-${axis}]`)).toBe(String(api.rpg?.[axis]));
    }
    expect(await text(page, '[data-testid=rpg-score]')).toBe(String(api.rpg?.score));
    // MINH02's 450 000 net of three days ago, in VND.
    expect(await text(page, '[data-testid=kpi-netSalesMinor] .metric-value')).toMatch(/450[.,]000/);
    expect(await text(page, '[data-testid=kpi-orders] .metric-value')).toBe('1');
    await page.locator('[data-testid=tier-history] tbody tr').first().waitFor();
    expect(await page.locator('[data-testid=tier-history] tbody tr').count()).toBe(1);
    expect(await page.locator('[data-testid=tier-history] .badge').getAttribute('data-value')).toBe('recompute');
    await screenshot(page, 'scorecard/minh');
    expect(errors).toEqual([]);
  });

  test('a day picked in the past reads that day’s window (in the URL)', async () => {
    await visit(page, `/app/kos/${seed.minhKosId}/scorecard`);
    // The sales were three days ago: on that day the 30-day window ends the day before them.
    await page.locator('input[name=date]').fill(seed.saleDay);
    await page.waitForURL(new RegExp(`date=${seed.saleDay}`));
    await settled(page);
    await page.locator('[data-testid=kpi-orders] .metric-value', { hasText: /^0$/ }).waitFor();
    await screenshot(page, 'scorecard/past-day');
  });

  test('the weekly trend is shown when the server has it', async () => {
    const res = await fetch(`${app.server.url}/api/v1/kos/${seed.minhKosId}/scorecard/trend`);
    await visit(page, `/app/kos/${seed.minhKosId}/scorecard`);
    await page.locator('[data-testid=tier-history]').waitFor();
    if (res.status === 404) expect(await page.locator('[data-testid=scorecard-trend]').count()).toBe(0);
    else await page.locator('[data-testid=trend-chart] canvas').waitFor();
  });

  test('a server without the trend: the chart is left out, the rest is shown', async () => {
    const { context, page: own } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword);
    try {
      await own.route('**/scorecard/trend*', (route) =>
        route.fulfill({ status: 404, contentType: 'application/problem+json', body: '{"status":404,"title":"Not Found"}' }),
      );
      await visit(own, `/app/kos/${seed.minhKosId}/scorecard`);
      await own.locator('[data-testid=tier-history] tbody tr').first().waitFor();
      await own.locator('[data-testid=rpg-table]').waitFor();
      expect(await own.locator('[data-testid=scorecard-trend], main [data-testid=error-box]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  test('sets LAN01’s tier by hand and locks it; a recompute leaves it', async () => {
    await visit(page, `/app/kos/${seed.lanKosId}`);
    const control = page.locator('[data-testid=tier-control]');
    expect(await text(page, '[data-testid=kos-tier]')).toBe('B');
    await control.locator('select[name=tier]').selectOption('A');
    await control.locator('[data-testid=save-tier]').click();
    await page.locator('[data-testid=kos-tier]', { hasText: 'A' }).waitFor();
    await control.locator('[data-testid=toggle-lock]').click();
    await page.locator('[data-testid=tier-control] [data-testid=tier-locked]').waitFor();
    await screenshot(page, 'scorecard/tier-locked');
    await call('POST', '/tiers/recompute', {});
    const card = await call<ScorecardAnswer>('GET', `/kos/${seed.lanKosId}/scorecard`);
    expect(card).toMatchObject({ tier: 'A', tierLocked: true });

    await visit(page, `/app/kos/${seed.lanKosId}/scorecard`);
    await page.locator('[data-testid=scorecard] [data-testid=tier-locked]').waitFor();
    const reasons = await page
      .locator('[data-testid=tier-history] .badge')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-value')));
    expect(reasons.sort()).toEqual(['manual', 'recompute']);
    // Unlocked again for the tests that follow.
    await call('PATCH', `/kos/${seed.lanKosId}`, { tierLocked: false });
  });

  test('the roster shows tier and RPG and sorts by them', async () => {
    const { items } = await call<{ items: { code: string; rpg: { score: number } | null; tier: string | null }[] }>(
      'GET',
      '/scorecards',
    );
    const scored = items
      .filter((i) => i.rpg)
      .sort((a, b) => (b.rpg?.score ?? 0) - (a.rpg?.score ?? 0) || a.code.localeCompare(b.code));
    await visit(page, '/app/kos?sort=rpg');
    const rows = page.locator('[data-testid=kos-table] tbody tr');
    await rows.first().waitFor();
    await page.locator('[data-testid=kos-table] [data-rpg]:not([data-rpg=""])').first().waitFor();
    const codes = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('.mono')?.textContent ?? ''));
    // The scored (active) KOS first, best score first; the paused one without a score last.
    expect(codes.slice(0, scored.length)).toEqual(scored.map((s) => s.code));
    expect(codes.at(-1)).toBe('HOA03');
    await visit(page, '/app/kos?sort=tier');
    await page.locator('[data-testid=kos-table] tbody tr').first().waitFor();
    const tiers = await page
      .locator('[data-testid=kos-table] tbody tr [data-tier]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-tier')));
    const rank = (t: string | null) => 'SABC'.indexOf(t ?? '');
    const given = tiers.filter(Boolean);
    expect(given).toEqual([...given].sort((a, b) => rank(a) - rank(b)));
    expect(tiers[0]).toBe('S');
    await visit(page, '/app/kos?tier=S');
    expect(await page.locator('[data-testid=kos-table] tbody tr').count()).toBe(1);
    await screenshot(page, 'scorecard/roster');
  });
});

describe('a KOS member', () => {
  test('opens their own scorecard from /app/me, and only theirs', async () => {
    const { context, page } = await signedInPage(app, app.server.kosMemberEmail, app.server.memberPassword);
    try {
      const errors = consoleErrors(page);
      await page.waitForURL(`${app.server.url}/app/me`);
      await settled(page);
      await page.locator('[data-testid=my-scorecard-link]').click();
      await page.waitForURL(`${app.server.url}/app/me/scorecard`);
      await settled(page);
      await page.locator('[data-testid=rpg-table]').waitFor();
      expect(await page.locator('[data-testid=kpi-netSalesMinor] .metric-value').textContent()).toMatch(/280[.,]000/);
      expect(await page.locator('[data-testid=tier-control], [data-testid=recompute-now]').count()).toBe(0);
      await screenshot(page, 'scorecard/kos-member');
      // Someone else's scorecard: the member lands on their own.
      await page.goto(`${app.server.url}/app/kos/${seed.minhKosId}/scorecard`);
      await page.waitForURL(`${app.server.url}/app/me/scorecard`);
      await visit(page, '/app/tiers');
      await page.locator('[data-testid=forbidden]').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

test('on a phone the scorecard fits the screen', async () => {
  const { context, page } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword, {
    width: 390,
    language: 'vi',
  });
  try {
    await visit(page, `/app/kos/${seed.lanKosId}/scorecard`);
    await page.locator('[data-testid=rpg-radar] canvas').waitFor();
    await page.locator('[data-testid=tier-history] tbody tr').first().waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, 'scorecard/phone');
  } finally {
    await context.close();
  }
});
