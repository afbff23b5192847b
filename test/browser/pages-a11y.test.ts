import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Console, LANGUAGES, newContext, screenshot, settled, signIn, startConsole } from './harness.js';

/**
 * axe-core on every page URL of issue 10 in the three languages: no serious or critical violation.
 * Placeholder pages count too. Each page also leaves a screenshot: output/pages/<language>/<page>.png.
 */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let app: Console;
beforeAll(async () => {
  app = await startConsole();
});
afterAll(async () => {
  await app?.close();
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** The serious and critical violations of the page as shown now. */
async function seriousViolations(page: Page): Promise<string[]> {
  // A string, run in the page (the tests are compiled without the DOM's types).
  const violations = (await page.evaluate(
    "axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)",
  )) as Violation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A context whose pages load axe (through the DevTools protocol: the console's CSP allows no inline script). */
async function axeContext(language: (typeof LANGUAGES)[number]): Promise<BrowserContext> {
  const context = await newContext(app.browser, { language });
  await context.addInitScript(AXE);
  return context;
}

async function check(page: Page, path: string, name: string, language: string) {
  await page.goto(app.server.url + path);
  await settled(page);
  await screenshot(page, `pages/${language}/${name}`);
  expect(await seriousViolations(page)).toEqual([]);
}

describe.each(LANGUAGES)('%s', (language) => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await axeContext(language);
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await context?.close();
  });

  test('the login page', async () => {
    await page.goto(`${app.server.url}/app/`);
    await page.locator('input[name=email]').waitFor();
    await screenshot(page, `pages/${language}/login`);
    expect(await seriousViolations(page)).toEqual([]);
    await signIn(page, app.server.url, app.server.ownerEmail, app.server.ownerPassword);
  });

  test.each<[string, (s: Console['server']) => string]>([
    ['dashboard', () => '/app/'],
    ['kos', () => '/app/kos'],
    ['kos-new', () => '/app/kos/new'],
    ['kos-profile', (s) => `/app/kos/${s.ids.lanKosId}`],
    ['kos-onboarding', (s) => `/app/kos/${s.ids.lanKosId}/onboarding`],
    ['matrix', () => '/app/matrix'],
    ['tiers', () => '/app/tiers'],
    ['kos-scorecard', (s) => `/app/kos/${s.ids.lanKosId}/scorecard`],
    ['settings-tiers', () => '/app/settings?section=tiers'],
    ['links', () => '/app/links'],
    ['products', () => '/app/products'],
    ['advisor', () => '/app/advisor?goal=awareness'],
    ['recruitment', () => '/app/recruitment'],
    ['units', () => '/app/units'],
    ['imports', () => '/app/imports'],
    ['import-mappings', () => '/app/imports/mappings'],
    ['import-mapping-new', () => '/app/imports/mappings/new'],
    ['lines', () => '/app/lines'],
    ['livestreams', () => '/app/livestreams'],
    ['livestream', (s) => `/app/livestreams/${s.ids.livestreamId}`],
    ['run-sheet', (s) => `/app/livestreams/${s.ids.livestreamId}/run-sheet`],
    ['live-room', (s) => `/app/livestreams/${s.ids.livestreamId}/live`],
    ['plans', () => '/app/plans'],
    ['ledger', () => '/app/ledger'],
    ['payouts', (s) => `/app/payouts?period=${s.closedPeriod}`],
    ['training', () => '/app/training'],
    ['training-course-new', () => '/app/training/courses/new'],
    ['contests', () => '/app/contests'],
    ['contests-new', () => '/app/contests?edit=new'],
    ['settings', () => '/app/settings'],
    ['not-found', () => '/app/no/such/page'],
  ])('%s', async (name, path) => {
    await check(page, path(app.server), name, language);
  });

  test('a KOS member’s home, /app/me', async () => {
    const kos = await axeContext(language);
    try {
      const own = await kos.newPage();
      own.setDefaultTimeout(15_000);
      await signIn(own, app.server.url, app.server.kosMemberEmail, app.server.memberPassword, '/app/me');
      await check(own, '/app/me', 'me', language);
      await check(own, '/app/me/scorecard', 'my-scorecard', language);
      await check(own, '/app/me/contests', 'my-contests', language);
    } finally {
      await kos.close();
    }
  });

  test('a KOS member’s links and earnings, /app/me/links, /app/me/earnings', async () => {
    const kos = await axeContext(language);
    try {
      const own = await kos.newPage();
      own.setDefaultTimeout(15_000);
      await signIn(own, app.server.url, app.server.kosMemberEmail, app.server.memberPassword, '/app/me/links');
      await check(own, '/app/me/links', 'my-links', language);
      await check(own, '/app/me/earnings', 'my-earnings', language);
    } finally {
      await kos.close();
    }
  }, 60_000);

  test('a KOS member’s run-sheet and live room of their session', async () => {
    const kos = await axeContext(language);
    try {
      const own = await kos.newPage();
      own.setDefaultTimeout(15_000);
      const session = `/app/livestreams/${app.server.ids.livestreamId}`;
      await signIn(own, app.server.url, app.server.kosMemberEmail, app.server.memberPassword, `${session}/run-sheet`);
      await check(own, `${session}/run-sheet`, 'my-run-sheet', language);
      await check(own, `${session}/live`, 'my-live-room', language);
    } finally {
      await kos.close();
    }
  }, 60_000);

  test('a KOS member’s portal pages, /app/me/accounts, /app/me/bio, /app/me/sessions', async () => {
    const kos = await axeContext(language);
    try {
      const own = await kos.newPage();
      own.setDefaultTimeout(15_000);
      await signIn(own, app.server.url, app.server.kosMemberEmail, app.server.memberPassword, '/app/me/accounts');
      await check(own, '/app/me/accounts', 'my-accounts', language);
      await check(own, '/app/me/bio', 'my-bio', language);
      await check(own, '/app/me/sessions', 'my-sessions', language);
    } finally {
      await kos.close();
    }
  }, 60_000); // three pages, each signed in, loaded and scanned: more than the default 30 s on a busy machine

  test('a KOS member’s training, /app/me/training', async () => {
    const kos = await axeContext(language);
    try {
      const own = await kos.newPage();
      own.setDefaultTimeout(15_000);
      await signIn(own, app.server.url, app.server.kosMemberEmail, app.server.memberPassword, '/app/me/training');
      await check(own, '/app/me/training', 'me-training', language);
    } finally {
      await kos.close();
    }
  });
});
