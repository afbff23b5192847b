import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Console, screenshot, settled, signedInPage, startConsole } from './harness.js';
import { type Call, ownerApi } from './me-seed.js';

/**
 * `/app/settings`: the owner edits the organisation and a tax rule, adds a member and an API key (shown
 * once); a manager and a viewer read the organisation and tax rules and are offered nothing else.
 */
let app: Console;
let call: Call;
beforeAll(async () => {
  app = await startConsole();
  call = await ownerApi(app.server);
});
afterAll(async () => {
  await app?.close();
});

interface OrgAnswer {
  name: string;
  attributionWindowDays: number;
  taxRules: { rateBps: number; thresholdMinor: number; validFrom: string; validTo?: string | null }[];
  webhookSecretSet: boolean;
}
const visit = async (page: Page, path: string) => {
  await page.goto(app.server.url + path);
  await settled(page);
};

describe('the owner', () => {
  let page: Page;
  beforeAll(async () => {
    page = (await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword)).page;
  });

  test('edits the organisation', async () => {
    await visit(page, '/app/settings');
    const form = page.locator('[data-testid=org-form]');
    await form.locator('input[name=name]').fill('Console Test Brand');
    await form.locator('input[name=attributionWindowDays]').fill('14');
    await form.locator('[data-testid=save-org]').click();
    await page.locator('[data-testid=org-saved]').waitFor();
    const org = await call<OrgAnswer>('GET', '/org');
    expect(org.name).toBe('Console Test Brand');
    expect(org.attributionWindowDays).toBe(14);
    // The sidebar shows the org of GET /me, asked again after the change.
    await page.locator('.org-name', { hasText: 'Console Test Brand' }).waitFor();
    await screenshot(page, 'settings/org');
  });

  test('a value the server refuses shows its error next to the field', async () => {
    await page.locator('[data-testid=org-form] input[name=attributionWindowDays]').fill('400');
    await page.locator('[data-testid=save-org]').click();
    await page.locator('.field-error[data-field=attributionWindowDays]').waitFor();
  });

  test('edits a tax rule and adds one, each saving confirmed', async () => {
    await visit(page, '/app/settings?section=tax');
    const rules = page.locator('[data-testid=tax-rule]');
    expect(await rules.count()).toBe(1);
    await rules.first().locator('input[name=rateBps]').fill('9.5');
    await page.locator('[data-testid=add-tax-rule]').click();
    const added = rules.nth(1);
    await added.locator('input[name=country]').fill('VN');
    await added.locator('input[name=rateBps]').fill('10');
    await added.locator('input[name=thresholdMinor]').fill('5000000');
    await added.locator('input[name=validFrom]').fill('2027-01-01');
    await added.locator('input[name=validTo]').fill('2026-12-31');
    await page.locator('[data-testid=save-tax-rules]').click();
    await page.locator('dialog[open] [data-testid=confirm]').click();
    // validTo before validFrom: the server's error sits under the second rule's "Valid to".
    await added.locator('.field-error[data-field=validTo]').waitFor();
    await screenshot(page, 'settings/tax-error');
    await added.locator('input[name=validTo]').fill('');
    await page.locator('[data-testid=save-tax-rules]').click();
    await page.locator('dialog[open] [data-testid=confirm]').click();
    await page.locator('[data-testid=tax-saved]').waitFor();
    const org = await call<OrgAnswer>('GET', '/org');
    expect(org.taxRules.map((r) => r.rateBps)).toEqual([950, 1000]);
    expect(org.taxRules[1]).toMatchObject({ thresholdMinor: 5_000_000, validFrom: '2027-01-01' });
    await screenshot(page, 'settings/tax');
  });

  test('sets a generated webhook secret that is never shown back', async () => {
    await visit(page, '/app/settings?section=webhook');
    await page.locator('[data-testid=generate-secret]').click();
    const secret = await page.locator('input[name=webhookSecret]').inputValue();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    await page.locator('[data-testid=save-secret]').click();
    await page.locator('[data-testid=webhook-saved]').waitFor();
    expect((await call<OrgAnswer>('GET', '/org')).webhookSecretSet).toBe(true);
    expect(await page.locator('input[name=webhookSecret]').inputValue()).toBe('');
    expect(await page.content()).not.toContain(secret);
    await screenshot(page, 'settings/webhook');
  });

  test('adds a manager of the region', async () => {
    await visit(page, '/app/settings?section=members');
    const form = page.locator('[data-testid=member-form]');
    await form.locator('input[name=email]').fill('new.manager@console.test');
    await form.locator('input[name=name]').fill('Phạm Quang Huy');
    await form.locator('input[name=password]').fill('manager-password');
    await form.locator('select[name=role]').selectOption('manager');
    await form.locator('select[name=unitId]').selectOption(app.server.ids.regionId);
    await form.locator('[data-testid=create-member]').click();
    const row = page.locator('[data-testid=member-table] tbody tr', { hasText: 'new.manager@console.test' });
    await row.waitFor();
    expect(await row.locator('.badge').getAttribute('data-value')).toBe('manager');
    expect(await row.textContent()).toContain('Miền Nam');
    // The only owner can be neither removed nor demoted.
    const owner = page.locator('[data-testid=member-table] tbody tr', { hasText: app.server.ownerEmail });
    expect(await owner.locator('[data-testid=remove-member], [data-testid=change-role]').count()).toBe(0);
    await screenshot(page, 'settings/members');
  });

  test('changes a member’s role in a dialog', async () => {
    const row = page.locator('[data-testid=member-table] tbody tr', { hasText: 'new.manager@console.test' });
    await row.locator('[data-testid=change-role]').click();
    const dialog = page.locator('dialog[open]');
    await dialog.locator('select[name=role]').selectOption('viewer');
    await dialog.locator('[data-testid=confirm]').click();
    await row.locator('.badge[data-value=viewer]').waitFor();
  });

  test('creates an API key, shown once with a copy button, and deletes it', async () => {
    await visit(page, '/app/settings?section=apiKeys');
    const form = page.locator('[data-testid=api-key-form]');
    await form.locator('input[name=name]').fill('Reporting');
    await form.locator('select[name=role]').selectOption('viewer');
    await form.locator('[data-testid=create-api-key]').click();
    const shown = page.locator('[data-testid=new-api-key]');
    await shown.waitFor();
    const key = await shown.inputValue();
    expect(key.length).toBeGreaterThan(20);
    await page.locator('[data-testid=copy-api-key]').waitFor();
    await screenshot(page, 'settings/api-key-shown');
    const me = await fetch(`${app.server.url}/api/v1/me`, { headers: { authorization: `Bearer ${key}` } });
    expect(((await me.json()) as { role: string }).role).toBe('viewer');
    await page.locator('[data-testid=key-stored]').click();
    await shown.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(key);
    const row = page.locator('[data-testid=api-key-table] tbody tr', { hasText: 'Reporting' });
    await row.waitFor();
    await row.locator('[data-testid=delete-api-key]').click();
    await page.locator('dialog[open] [data-testid=confirm]').click();
    await row.waitFor({ state: 'detached' });
    expect((await fetch(`${app.server.url}/api/v1/me`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(401);
  });
});

describe.each([
  ['manager', () => app.server.managerEmail],
  ['viewer', () => app.server.viewerEmail],
])('a %s', (role, email) => {
  test('reads the organisation, brand kit and tax rules and is offered no action', async () => {
    const { context, page } = await signedInPage(app, email(), app.server.memberPassword);
    try {
      await visit(page, '/app/settings');
      const tabs = await page
        .locator('[data-testid=settings-tabs] a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('data-section')));
      expect(tabs).toEqual(['org', 'brand', 'tiers', 'tax']);
      await page.locator('[data-testid=org-settings]').waitFor();
      expect(await page.locator('main form, main button:not(.menu-toggle)').count()).toBe(0);
      await visit(page, '/app/settings?section=brand');
      await page.locator('[data-testid=brand-kit]').waitFor();
      expect(await page.locator('main form, main button:not(.menu-toggle)').count()).toBe(0);
      await visit(page, '/app/settings?section=tiers');
      await page.locator('[data-testid=tier-cutoffs]').waitFor();
      expect(await page.locator('main form, main button:not(.menu-toggle)').count()).toBe(0);
      await visit(page, '/app/settings?section=tax');
      await page.locator('[data-testid=tax-rules-table]').waitFor();
      expect(await page.locator('main form, main button').count()).toBe(0);
      // A section the role may not open shows the organisation instead.
      await visit(page, '/app/settings?section=members');
      await page.locator('[data-testid=org-settings]').waitFor();
      expect(await page.locator('[data-testid=member-table], [data-testid=member-form]').count()).toBe(0);
      await screenshot(page, `settings/${role}`);
    } finally {
      await context.close();
    }
  });
});

test('on a 390 px phone the members list is cards with each role visible', async () => {
  const { context, page } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword, {
    width: 390,
    language: 'vi',
  });
  try {
    await visit(page, '/app/settings?section=members');
    const badges = page.locator('[data-testid=member-table] tbody td.rl-status .badge');
    expect(await badges.count()).toBeGreaterThan(3);
    const outside = await badges.evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).filter((b) => b.right > 390));
    expect(outside).toEqual([]);
    expect(await page.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth')).toBe(false);
    await screenshot(page, 'settings/phone-members');
  } finally {
    await context.close();
  }
});
