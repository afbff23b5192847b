import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { type Console, LANGUAGES, screenshot, settled, signedInPage, startConsole } from './harness.js';
import { axePage, type OwnerApi, ownerApi, scrollsSideways, seriousViolations } from './links-seed.js';

/** Recruitment: the public form on a phone (no JavaScript needed), then the pipeline in the console up to a KOS. */
vi.setConfig({ testTimeout: 120_000 });
let app: Console;
let api: OwnerApi;
let drive: { id: string; slug: string; applyUrl: string };

beforeAll(async () => {
  app = await startConsole();
  api = await ownerApi(app.server);
  drive = await api('POST', '/recruitment/drives', {
    name: 'Tuyển KOS Hoa Sen mùa hè',
    slug: `hoa-sen-he-${Date.now().toString(36)}`,
    categories: ['Mỹ phẩm', 'Chăm sóc da'],
    relationships: ['independent', 'store_staff'],
    questions: [{ key: 'weekends', label: 'Bạn có thể livestream cuối tuần không?' }],
  });
  // One application from the start, so each test also runs alone.
  const res = await fetch(`${app.server.url}/apply/${drive.slug}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Đỗ Mai',
      phone: '0900 000 001',
      email: 'mai@example.vn',
      relationship: 'independent',
      consent: 'yes',
    }),
  });
  if (res.status !== 201) throw new Error(`seed application: ${res.status} ${await res.text()}`);
});
afterAll(async () => {
  await app?.close();
});

test('an applicant fills the public form on a 390 px phone, JavaScript off, and sees the thank-you page', async () => {
  const context = await app.browser.newContext({
    viewport: { width: 390, height: 844 },
    javaScriptEnabled: false,
    isMobile: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  try {
    await page.goto(`${app.server.url}/apply/${drive.slug}`);
    expect(await page.locator('h1').textContent()).toBe('Tuyển KOS Hoa Sen mùa hè');
    expect(await scrollsSideways(page)).toBe(false);
    await page.locator('input[name=name]').fill('Phạm Thu Hà');
    await page.locator('input[name=phone]').fill('0987 654 321');
    await page.locator('input[name=email]').fill('thuha@example.vn');
    await page.locator('input[name=province]').fill('Đà Nẵng');
    await page.locator('input[name=relationship][value=store_staff]').check();
    await page.locator('select[name="accounts[0][platform]"]').selectOption('tiktok_shop');
    await page.locator('input[name="accounts[0][handle]"]').fill('@thuha.beauty');
    await page.locator('input[name="accounts[0][followers]"]').fill('4.200');
    await page.locator('input[name=categories][value="Mỹ phẩm"]').check();
    await page.locator('input[name=sales]').fill('15.000.000');
    await page.locator('input[name=coverage]').fill('2');
    await page.locator('input[name="answers[weekends]"][value=yes]').check();
    await page.locator('input[name=consent]').check();
    await screenshot(page, 'recruitment/apply-phone');
    await page.locator('button[type=submit]').click();
    await page.locator('h1').filter({ hasText: 'Cảm ơn bạn!' }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, 'recruitment/apply-thanks');
  } finally {
    await context.close();
  }
  const { items } = await api<{ items: { name: string; accounts: unknown[]; salesMinor: number }[] }>(
    'GET',
    `/recruitment/applications?driveId=${drive.id}`,
  );
  expect(items.find((a) => a.name === 'Phạm Thu Hà')).toMatchObject({
    name: 'Phạm Thu Hà',
    salesMinor: 15_000_000,
    accounts: [{ platform: 'tiktok_shop', handle: 'thuha.beauty', followers: 4_200 }],
  });
});

test('the owner moves the application through the pipeline to a KOS', async () => {
  // An application of its own, so this test does not depend on the phone test's.
  const res = await fetch(`${app.server.url}/apply/${drive.slug}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Lê Văn Bình',
      phone: '0912 111 222',
      email: 'binh@example.vn',
      relationship: 'independent',
      accounts: [{ platform: 'shopee', handle: `binh${Date.now().toString(36)}`, followers: 900 }],
      consent: true,
    }),
  });
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as { id: string };

  const { context, page } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword);
  try {
    await page.locator('aside.sidebar a[href="/app/recruitment"]').click();
    await settled(page);
    await page.locator('a', { hasText: 'Tuyển KOS Hoa Sen mùa hè' }).click();
    await settled(page);
    await page.locator('[data-testid=share-box] img').waitFor();
    expect(await page.locator('[data-testid=apply-url]').inputValue()).toBe(drive.applyUrl);
    const card = page.locator(`[data-testid=application-card][data-id="${id}"]`);
    const move = async (to: string, note?: string, override = false) => {
      await card.locator(`button[data-action=${to}]`).click();
      const dialog = page.locator('dialog[open]');
      await dialog.waitFor();
      if (override) await dialog.locator('input[name=override]').check();
      if (note) await dialog.locator('textarea[name=note]').fill(note);
      await dialog.locator('[data-testid=confirm]').click();
      await page.locator(`.pipeline-col[data-status=${to}] [data-id="${id}"]`).waitFor();
    };
    expect(await page.locator(`.pipeline-col[data-status=new] [data-id="${id}"]`).count()).toBe(1);
    await move('screening', 'Gọi điện lần 1');
    await move('interview');
    // The score is below the pass score: the dialog asks for the override and a note.
    await card.locator('button[data-action=accepted]').click();
    await page.locator('dialog[open] .alert').waitFor();
    await page.locator('dialog[open] button.btn:not([data-testid])').click();
    await move('accepted', 'Phỏng vấn rất tốt, nhận thử việc', true);
    await screenshot(page, 'recruitment/pipeline');

    await card.locator('a').click();
    await settled(page);
    await page.locator('[data-testid=criteria]').waitFor();
    expect(await page.locator('[data-testid=history] li').count()).toBe(4);
    const code = `BINH${Date.now().toString(36).slice(-4).toUpperCase()}`;
    await page.locator('[data-testid=convert-form] input[name=code]').fill(code);
    await page.locator('[data-testid=convert-form] button[type=submit]').click();
    await page.waitForURL(/\/app\/kos\//);
    await settled(page);
    expect(await page.locator('main h1').textContent()).toBe('Lê Văn Bình');
    await screenshot(page, 'recruitment/converted-kos');
  } finally {
    await context.close();
  }
  const kos = await api<{ items: { code: string; status: string }[] }>('GET', '/kos?limit=500');
  expect(kos.items.find((k) => k.code.startsWith('BINH'))).toMatchObject({ status: 'onboarding' });
});

test.each(LANGUAGES)('axe finds nothing serious on the drive and application pages (%s)', async (language) => {
  const { items } = await api<{ items: { id: string }[] }>('GET', `/recruitment/applications?driveId=${drive.id}`);
  const { context, page } = await axePage(app, app.server.ownerEmail, app.server.ownerPassword, language);
  try {
    for (const [path, shown] of [
      [`/app/recruitment/drives/${drive.id}`, '[data-testid=pipeline]'],
      [`/app/recruitment/applications/${items[0]?.id}`, '[data-testid=criteria]'],
    ] as const) {
      await page.goto(app.server.url + path);
      await settled(page);
      await page.locator(shown).waitFor();
      expect(await seriousViolations(page), path).toEqual([]);
    }
  } finally {
    await context.close();
  }
});
