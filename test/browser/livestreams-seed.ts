import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { TestServer } from '../support/server.js';

/** Calls the test server's API as its owner (a Bearer API key made once through a sign-in). */
export type OwnerApi = <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;

export async function ownerApi(server: TestServer): Promise<OwnerApi> {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: server.ownerEmail, password: server.ownerPassword }),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const made = await fetch(`${server.url}/api/v1/api-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: server.url },
    body: JSON.stringify({ name: 'browser test seed', role: 'owner' }),
  });
  if (!made.ok) throw new Error(`API key failed: ${made.status} ${await made.text()}`);
  const { key } = (await made.json()) as { key: string };
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

/** Two catalogue products for sessions and flash offers (SKU SRM50 in “Sắc Đẹp”, KCN30). */
export async function seedProducts(api: OwnerApi): Promise<{ serumId: string; creamId: string }> {
  const serum = await api<{ id: string }>('POST', '/products', {
    sku: 'SRM50',
    name: 'Serum Hoa Sen 50ml',
    category: 'Sắc Đẹp',
    priceMinor: 350_000,
  });
  const cream = await api<{ id: string }>('POST', '/products', {
    sku: 'KCN30',
    name: 'Kem chống nắng 30ml',
    priceMinor: 220_000,
  });
  return { serumId: serum.id, creamId: cream.id };
}

/** axe-core's source, for a context's init script (the console's CSP allows no inline script). */
export const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The serious and critical axe violations of the page as shown now (the context must have AXE as an init script). */
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

/** Whether the page scrolls sideways (content wider than the viewport). */
export const overflowsSideways = (page: Page): Promise<boolean> =>
  page.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth') as Promise<boolean>;

/** `YYYY-MM-DD` `days` from today in the org's zone (Asia/Ho_Chi_Minh). */
export function dayFromToday(days: number, timeZone = 'Asia/Ho_Chi_Minh'): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
