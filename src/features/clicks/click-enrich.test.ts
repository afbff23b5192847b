import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { dayInZone, utcDay } from '../../lib/time.js';
import { ClickEnricher } from './click-enrich.js';
import type { PendingClick } from './click-writer.js';
import { deviceClass, isBotAgent, RepeatDetector, referrerHost, visitorHash } from './clicks.js';
import type { ClickRow } from './clicks.repository.js';
import { PHONE } from './clicks-fixture.js';

/** The rule without caches, one click at a time (docs/clicks.md "The path of a click"): what the enricher must answer. */
function enrichClick(click: PendingClick, secret: string, repeats: RepeatDetector): ClickRow {
  const ua = click.userAgent ?? '';
  const bot = isBotAgent(click.userAgent);
  const visitorKey = createHash('sha1').update(click.ip).update('\u0000').update(ua).digest('base64url');
  return {
    clickId: click.clickId,
    orgId: click.orgId,
    linkId: click.linkId,
    kosId: click.kosId,
    clickedAt: click.at,
    day: dayInZone(click.at, click.timezone),
    visitorHash: visitorHash(secret, utcDay(click.at), click.ip, ua),
    userAgent: click.userAgent ? click.userAgent.slice(0, 512) : null,
    referrerHost: referrerHost(click.referer),
    device: deviceClass(click.userAgent, bot),
    isBot: bot,
    isUnique: !bot && repeats.isUnique(`${visitorKey}:${click.linkId}`, click.at),
  };
}

const AGENTS = [
  PHONE,
  'Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)',
  'curl/8',
  undefined,
  '',
  'x'.repeat(590),
  'x'.repeat(5000),
];
const REFERERS = [undefined, 'https://www.tiktok.com/@shop/live', 'not a url', 'https://m.facebook.com/'];
const ZONES = ['Asia/Ho_Chi_Minh', 'Asia/Shanghai', 'America/St_Johns', 'Asia/Kathmandu'];

test('the caching enricher answers exactly what enrichClick does, across UTC and local midnights', () => {
  // Two hours across 00:00 UTC, repeat visitors on a few links, bots, odd referers and zones.
  const start = Date.parse('2026-11-30T23:00:00Z');
  const clicks: PendingClick[] = Array.from({ length: 3000 }, (_, i) => ({
    clickId: `e${String(i).padStart(11, '0')}`,
    orgId: 'org1',
    linkId: `link${i % 3}`,
    kosId: 'kos1',
    timezone: ZONES[i % ZONES.length] as string,
    at: start + i * 2400 + (i % 7) * 13,
    ip: `203.0.113.${i % 23}`,
    userAgent: AGENTS[i % AGENTS.length],
    referer: REFERERS[i % REFERERS.length],
  }));
  const repeats = new RepeatDetector();
  const expected = clicks.map((c) => enrichClick(c, 'secret-secret-secret', repeats));
  const enricher = new ClickEnricher('secret-secret-secret', new RepeatDetector());
  const actual = clicks.map((c) => enricher.enrich(c));
  expect(actual).toEqual(expected);
  // The data covers what the caches key on: both UTC days, repeats and uniques, bots and humans.
  expect(new Set(actual.map((r) => r.visitorHash)).size).toBeGreaterThan(23);
  expect(actual.some((r) => r.isUnique) && actual.some((r) => !r.isUnique && !r.isBot)).toBe(true);
  expect(new Set(actual.map((r) => r.day))).toEqual(new Set(['2026-11-30', '2026-12-01']));
});
