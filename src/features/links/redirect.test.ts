import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isHeaderSafe } from '../../lib/url.js';
import { linkFieldsJson } from '../clicks/click-log-format.js';
import type { PendingClick } from '../clicks/click-writer.js';
import { LinkCache } from './link-cache.js';
import { fillDestination } from './links.js';
import type { LinkTarget } from './links.repository.js';
import { prepareTarget, Redirector } from './redirect.js';

const target = (destinationUrl: string, over: Partial<LinkTarget> = {}): LinkTarget => ({
  linkId: 'link-1',
  orgId: 'org-1',
  kosId: 'kos-1',
  kosCode: 'KOS0042',
  slug: 'ab3-Xy_9',
  destinationUrl,
  disabled: false,
  expiresAt: null,
  timezone: 'Asia/Ho_Chi_Minh',
  locale: 'vi',
  ...over,
});

async function redirectOnce(link: LinkTarget) {
  const pushed: PendingClick[] = [];
  const cache = new LinkCache(async () => prepareTarget(link));
  const redirector = new Redirector(cache, { push: (c) => void pushed.push(c) }, () => 1_764_000_000_000);
  const request = { method: 'GET', ip: '203.0.113.9', userAgent: 'UA', referer: undefined, acceptLanguage: 'vi' };
  const first = await redirector.answer(link.slug, request); // loaded, then answered
  const second = await redirector.answer(link.slug, request); // from the cache, synchronously
  return { answers: [first, second], pushed };
}

describe('redirect with the link prepared once in the cache', () => {
  test('the location is what fillDestination writes for the click id, or the broken-link page when not header-safe', async () => {
    const piece = fc.oneof(
      fc.constantFrom('{click_id}', '{kos_code}', '{slug}', '{', '}', '{click_', 'id}', '?a=1&b=', '/', 'é', '\n', ' '),
      fc.string({ maxLength: 6 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 8 }), async (pieces) => {
        const link = target(`https://shop.example.com/${pieces.join('')}`);
        const { answers, pushed } = await redirectOnce(link);
        expect(pushed.length).toBe(answers.filter((a) => a.status === 302).length);
        answers.forEach((answer, i) => {
          const clickId = pushed[i]?.clickId ?? 'AAAAAAAAAAAA';
          const expected = fillDestination(link.destinationUrl, { clickId, kosCode: link.kosCode, slug: link.slug });
          if (isHeaderSafe(expected)) expect(answer).toEqual({ status: 302, location: expected });
          else expect(answer.status).toBe(500);
        });
      }),
      { numRuns: 500 },
    );
  });

  test('each click carries the link fields serialised once, equal to serialising them per click', async () => {
    const link = target('https://shop.example.com/p/{kos_code}?c={click_id}&s={slug}&again={click_id}', {
      orgId: 'org "quoted" \\ ngày',
    });
    const { answers, pushed } = await redirectOnce(link);
    expect(pushed).toHaveLength(2);
    for (const [i, click] of pushed.entries()) {
      expect(click.linkJson).toBe(linkFieldsJson(click));
      expect(answers[i]).toEqual({
        status: 302,
        location: `https://shop.example.com/p/KOS0042?c=${click.clickId}&s=ab3-Xy_9&again=${click.clickId}`,
      });
    }
  });
});
