import { expect, test } from 'vitest';
import { ClickEnricher, enrichClick } from './click-enrich.js';
import type { PendingClick } from './click-writer.js';
import { RepeatDetector } from './clicks.js';
import { PHONE } from './clicks-fixture.js';

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
