import type { TestContext, TestOrg } from '../../../test/support/app.js';
import type { PendingClick } from './click-writer.js';

/** Test fixture (not a test file): a link to click, and clicks on it as the redirect hands them over. */
export const PHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148';

export interface ClickedLink {
  org: TestOrg;
  kosId: string;
  linkId: string;
  /** Click number `i` on the link: its own 12-character id, `stepMs` after the previous, from one of `visitors` addresses. */
  click(i: number, over?: Partial<PendingClick>): PendingClick;
}

let n = 0;

/** A new org, KOS and link (through the API); its clicks start at `from` (ISO time) in Asia/Ho_Chi_Minh. */
export async function clickedLink(
  t: TestContext,
  options: { from: string; stepMs: number; visitors: number },
): Promise<ClickedLink> {
  const org = await t.newOrg();
  n += 1;
  const run = n.toString(36).padStart(3, '0');
  const kos = (
    await t.call(org.apiKey, 'POST', '/api/v1/kos', {
      code: `CF${n}X`,
      handle: `cf-${org.slug}`,
      name: 'K',
      relationship: 'agent',
    })
  ).json();
  const link = (await t.call(org.apiKey, 'POST', '/api/v1/links', { kosId: kos.id, destinationUrl: 'https://e.com/' })).json();
  const start = Date.parse(options.from);
  return {
    org,
    kosId: kos.id,
    linkId: link.id,
    click: (i, over = {}) => ({
      clickId: `f${run}${String(i).padStart(8, '0')}`,
      orgId: org.orgId,
      linkId: link.id,
      kosId: kos.id,
      timezone: 'Asia/Ho_Chi_Minh',
      at: start + i * options.stepMs,
      ip: `198.51.100.${i % options.visitors}`,
      userAgent: PHONE,
      referer: undefined,
      ...over,
    }),
  };
}
