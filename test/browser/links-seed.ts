import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import type { TestServer } from '../support/server.js';
import { type Console, type Language, newContext, signIn } from './harness.js';

/**
 * What the browser tests of the catalogue and link pages (links, products, units) share: records seeded
 * through the public API with an owner API key, and axe-core on a page in the state a test left it.
 */
export type OwnerApi = <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;

/** Signs in as the owner, makes an owner API key and returns a caller of `/api/v1` with it. */
export async function ownerApi(server: TestServer): Promise<OwnerApi> {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: server.ownerEmail, password: server.ownerPassword }),
  });
  if (!login.ok) throw new Error(`owner login: ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const created = await fetch(`${server.url}/api/v1/api-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: server.url },
    body: JSON.stringify({ name: 'browser test seed', role: 'owner' }),
  });
  if (!created.ok) throw new Error(`owner API key: ${created.status} ${await created.text()}`);
  const { key } = (await created.json()) as { key: string };
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

export interface SeededProduct {
  id: string;
  sku: string;
  name: string;
}

/** A catalogue product to pick in the link form. */
export const seedProduct = (api: OwnerApi, sku = 'SERUM-HS', name = 'Serum Hoa Sen') =>
  api<SeededProduct>('POST', '/products', { sku, name, priceMinor: 349_000, category: 'Skincare' });

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A signed-in context in `language` whose pages load axe (through the DevTools protocol, outside the CSP). */
export async function axePage(
  c: Console,
  email: string,
  password: string,
  language: Language,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(c.browser, { language });
  await context.addInitScript(AXE);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, c.server.url, email, password);
  return { context, page };
}

/** The serious and critical axe violations of the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const violations = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)")) as {
    id: string;
    impact: string | null;
    help: string;
    nodes: { target: string[] }[];
  }[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The boxes of `selector` on `page` not wholly inside `width` (a card's status or button pushed off a phone). */
export const offScreen = (page: Page, selector: string, width: number) =>
  page.locator(selector).evaluateAll(
    (els, w) =>
      els
        .map((el) => el.getBoundingClientRect())
        .filter((box) => box.width === 0 || box.left < 0 || box.right > w)
        .map((box) => `${box.left}–${box.right}`),
    width,
  );

/** Whether the page is wider than the screen (a phone would scroll sideways). */
export const scrollsSideways = (page: Page) =>
  page.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth') as Promise<boolean>;
