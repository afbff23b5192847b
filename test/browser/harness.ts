import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * What the console's browser tests share: one build of web/dist per test run, the real app on a temporary
 * database, Debian's Chromium through playwright-core, sign-in, console-error capture and screenshots
 * (under test/browser/output/, git-ignored).
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WEB_CONFIG = join(ROOT, 'web/vite.config.ts');
export const CHROMIUM = process.env.KOS_CHROMIUM ?? '/usr/bin/chromium';
export const OUTPUT = join(ROOT, 'test/browser/output');
export const LANGUAGES = ['en', 'vi', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

// Test files run in parallel workers of one vitest process; the console is built once per run (the stamp
// names the run), under a lock, into a folder of the run's own — so two test runs at once (two engineers,
// two checkouts' CI) never serve each other's half-written build. KOS_WEB_BUILD=0 serves web/dist as it is.
const RUN = `vitest-${process.ppid}`;
export const CONSOLE_DIR =
  process.env.KOS_WEB_BUILD === '0'
    ? join(ROOT, 'web/dist')
    : join(tmpdir(), `kosmatrix-console-${Buffer.from(ROOT).toString('hex').slice(-24)}-${RUN}`);
const STAMP = join(CONSOLE_DIR, '.built-for-test-run');
const LOCK = join(tmpdir(), `kosmatrix-web-build-${Buffer.from(ROOT).toString('hex').slice(-24)}`);
const STALE_LOCK_MS = 180_000;
const readStamp = () => {
  try {
    return readFileSync(STAMP, 'utf8');
  } catch {
    return '';
  }
};
function tryLock(): boolean {
  try {
    mkdirSync(LOCK);
    return true;
  } catch {
    // A build that crashed left its lock behind: take it over after a while.
    const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
    return false;
  }
}

/** Rebuilds web/dist once per test run so no test uses a stale console (KOS_WEB_BUILD=0 skips). */
export async function ensureConsoleBuilt(): Promise<void> {
  if (process.env.KOS_WEB_BUILD === '0') return;
  const run = RUN;
  while (readStamp() !== run) {
    if (!tryLock()) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    try {
      if (readStamp() !== run) {
        await build({ configFile: WEB_CONFIG, logLevel: 'warn', build: { outDir: CONSOLE_DIR, emptyOutDir: true } });
        writeFileSync(STAMP, run);
      }
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}

export interface Console {
  server: TestServer;
  browser: Browser;
  close(): Promise<void>;
}

/** The built console served by a fresh test server, and a headless Chromium. */
export async function startConsole(): Promise<Console> {
  await ensureConsoleBuilt();
  const server = await startTestServer({ consoleDir: CONSOLE_DIR });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** A browser context in `language` (the console's stored choice) at `width` × 800. */
export async function newContext(
  browser: Browser,
  { language = 'en', width = 1280 }: { language?: Language; width?: number } = {},
) {
  const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'en-US' });
  // Init scripts run through the DevTools protocol, outside the page's CSP.
  await context.addInitScript(`try { localStorage.setItem('kos.locale', ${JSON.stringify(language)}) } catch {}`);
  return context;
}

/** Signs in through the login form at `path` and waits for the signed-in shell (its nav is folded on a phone). */
export async function signIn(page: Page, url: string, email: string, password: string, path = '/app/'): Promise<void> {
  await page.goto(url + path);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('button[type=submit]').click();
  await page.locator('aside.sidebar').waitFor();
}

/** A signed-in page of a new context. */
export async function signedInPage(
  c: Console,
  email: string,
  password: string,
  options: { language?: Language; width?: number } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(c.browser, options);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await signIn(page, c.server.url, email, password);
  return { context, page };
}

/** Every console error and uncaught exception of `page` from now on (Chromium logs a failed request as one). */
export function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Waits until the page's `<h1>` is shown and nothing in `<main>` is still loading. */
export async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  // Polled from here: waitForFunction would eval a string in the page, which the console's CSP refuses.
  const deadline = Date.now() + 15_000;
  while ((await page.locator('main .loading').count()) > 0) {
    if (Date.now() > deadline) throw new Error(`still loading after 15 s: ${page.url()}`);
    await page.waitForTimeout(50);
  }
}

/** Saves a full-page screenshot as test/browser/output/<name>.png (`name` may hold folders). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const file = join(OUTPUT, `${name.replace(/[^\w/.-]+/g, '-')}.png`);
  mkdirSync(join(file, '..'), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
}
