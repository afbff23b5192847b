import type { TestContext, TestOrg } from '../../../test/support/app.js';

/** Test fixture (not a test file): user agents and a fresh org with one KOS to make links for. */
export const PHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148';
export const BOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

let n = 0;

/** A new org with one KOS (code `<prefix><n>`), for a test of links. */
export async function orgWithKos(t: TestContext, prefix: string): Promise<{ org: TestOrg; kosId: string; code: string }> {
  const org = await t.newOrg();
  n += 1;
  const code = `${prefix}${n}`;
  const kos = await t.call(org.apiKey, 'POST', '/api/v1/kos', {
    code,
    handle: `${prefix.toLowerCase()}-${org.slug}`,
    name: 'Lan',
    relationship: 'independent',
  });
  return { org, kosId: kos.json().id, code };
}
