import { describe, expect, test } from 'vitest';
import { dayInZone } from '../../lib/time.js';
import { deviceClass, isBotAgent, RepeatDetector, referrerHost, UNIQUE_WINDOW_MS, visitorHash } from './clicks.js';

describe('click rules', () => {
  test.each([
    ['iPhone Safari', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148', 'mobile'],
    ['Android Chrome', 'Mozilla/5.0 (Linux; Android 14; SM-A546E) Chrome/120 Mobile Safari/537.36', 'mobile'],
    ['TikTok in-app', 'Mozilla/5.0 (Linux; Android 13) musical_ly_2023 BytedanceWebview/d8a21c6', 'mobile'],
    ['Zalo in-app', 'Mozilla/5.0 (iPhone) Zalo iOS/23.09', 'mobile'],
    ['iPad', 'Mozilla/5.0 (iPad; CPU OS 16_0 like Mac OS X)', 'tablet'],
    ['desktop Chrome', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0 Safari/537.36', 'desktop'],
    ['no user agent', undefined, 'unknown'],
  ])('device class: %s', (_name, ua, expected) => {
    expect(deviceClass(ua, false)).toBe(expected);
  });

  test.each([
    ['Googlebot', 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', true],
    ['Facebook link preview', 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)', true],
    ['curl', 'curl/8.4.0', true],
    ['headless Chrome', 'Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/120.0 Safari/537.36', true],
    ['missing user agent', undefined, true],
    ['a phone', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148', false],
  ])('bot detection: %s', (_name, ua, expected) => {
    expect(isBotAgent(ua)).toBe(expected);
  });

  test.each([
    ['first click', [0], [true]],
    ['repeat within the hour', [0, 59 * 60_000], [true, false]],
    ['exactly one hour later counts again', [0, UNIQUE_WINDOW_MS], [true, true]],
    ['window runs from the counted click, not the repeat', [0, 30 * 60_000, 61 * 60_000], [true, false, true]],
  ])('unique within 1 hour: %s', (_name, times, expected) => {
    const detector = new RepeatDetector();
    expect(times.map((at) => detector.isUnique('visitor:link', at))).toEqual(expected);
  });

  test('the repeat detector stays bounded', () => {
    const detector = new RepeatDetector(100);
    for (let i = 0; i < 1000; i++) detector.isUnique(`v${i}`, i);
    expect(detector.isUnique('v999', 1000)).toBe(false);
    expect(detector.isUnique('v0', 1000)).toBe(true);
  });

  test('visitor hashes rotate daily and never contain the address', () => {
    const a = visitorHash('s3cret', '2026-11-01', '203.0.113.9', 'UA');
    expect(a).toBe(visitorHash('s3cret', '2026-11-01', '203.0.113.9', 'UA'));
    expect(a).not.toBe(visitorHash('s3cret', '2026-11-02', '203.0.113.9', 'UA'));
    expect(a).not.toContain('203');
  });

  test.each([
    ['full URL', 'https://www.tiktok.com/@lan/video/1', 'www.tiktok.com'],
    ['garbage', 'not a url', null],
    ['absent', undefined, null],
  ])('referrer host: %s', (_name, referer, expected) => {
    expect(referrerHost(referer)).toBe(expected);
  });

  test.each([
    ['16:59:59Z is still the same day in Hanoi', '2026-11-01T16:59:59Z', 'Asia/Ho_Chi_Minh', '2026-11-01'],
    ['17:00Z is the next day in Hanoi', '2026-11-01T17:00:00Z', 'Asia/Ho_Chi_Minh', '2026-11-02'],
    ['16:00Z is the next day in Shanghai', '2026-11-01T16:00:00Z', 'Asia/Shanghai', '2026-11-02'],
  ])('rollup day: %s', (_name, iso, tz, day) => {
    expect(dayInZone(Date.parse(iso), tz)).toBe(day);
  });
});
