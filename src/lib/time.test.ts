import { describe, expect, test } from 'vitest';
import { addDays, dayInZone, dayStart, offsetSpans } from './time.js';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const hoursLong = (day: string, tz: string) => (dayStart(addDays(day, 1), tz) - dayStart(day, tz)) / HOUR;

describe('dayStart', () => {
  test.each([
    ['an ordinary winter day', '2026-01-15', 'Europe/Berlin', '2026-01-14T23:00:00.000Z'],
    ['an ordinary summer day', '2026-07-15', 'Europe/Berlin', '2026-07-14T22:00:00.000Z'],
    ['Berlin spring-forward day (clocks jump at 02:00)', '2026-03-29', 'Europe/Berlin', '2026-03-28T23:00:00.000Z'],
    ['the day after Berlin springs forward', '2026-03-30', 'Europe/Berlin', '2026-03-29T22:00:00.000Z'],
    ['Berlin fall-back day (03:00 back to 02:00)', '2026-10-25', 'Europe/Berlin', '2026-10-24T22:00:00.000Z'],
    ['New York spring-forward day', '2026-03-08', 'America/New_York', '2026-03-08T05:00:00.000Z'],
    ['New York fall-back day', '2026-11-01', 'America/New_York', '2026-11-01T04:00:00.000Z'],
    ['a day whose midnight is skipped starts at 01:00 (Havana)', '2026-03-08', 'America/Havana', '2026-03-08T05:00:00.000Z'],
    ['a day whose midnight is skipped starts at 01:00 (Santiago)', '2026-09-06', 'America/Santiago', '2026-09-06T04:00:00.000Z'],
    ['a day whose midnight comes twice starts at the first (Havana)', '2026-11-01', 'America/Havana', '2026-11-01T04:00:00.000Z'],
    ['a zone without DST (Ho Chi Minh City)', '2026-03-29', 'Asia/Ho_Chi_Minh', '2026-03-28T17:00:00.000Z'],
    ['a zone ahead of UTC with a midnight transition (Beirut)', '2026-03-29', 'Asia/Beirut', '2026-03-28T22:00:00.000Z'],
  ])('%s', (_edge, day, tz, expected) => {
    const start = dayStart(day, tz);
    expect(iso(start)).toBe(expected);
    expect(dayInZone(start, tz)).toBe(day);
    expect(dayInZone(start - 1, tz)).toBe(addDays(day, -1));
  });

  test.each([
    ['Berlin spring-forward day', '2026-03-29', 'Europe/Berlin', 23],
    ['Berlin fall-back day', '2026-10-25', 'Europe/Berlin', 25],
    ['New York spring-forward day', '2026-03-08', 'America/New_York', 23],
    ['New York fall-back day', '2026-11-01', 'America/New_York', 25],
    ['Havana day that starts at 01:00', '2026-03-08', 'America/Havana', 23],
    ['Havana day with two midnights', '2026-11-01', 'America/Havana', 25],
    ['an ordinary day', '2026-06-10', 'Europe/Berlin', 24],
    ['a day without DST', '2026-03-29', 'Asia/Ho_Chi_Minh', 24],
  ])('%s: %s in %s is %i hours long', (_edge, day, tz, hours) => {
    expect(hoursLong(day, tz)).toBe(hours);
  });
});

describe('addDays', () => {
  test.each([
    ['within a month', '2026-03-08', 1, '2026-03-09'],
    ['across a month end', '2026-03-31', 1, '2026-04-01'],
    ['across a year end, backwards', '2026-01-01', -1, '2025-12-31'],
    ['over a leap day', '2028-02-28', 1, '2028-02-29'],
    ['30 days back over a DST change', '2026-04-10', -30, '2026-03-11'],
  ])('%s', (_edge, day, days, expected) => {
    expect(addDays(day, days)).toBe(expected);
  });
});

describe('offsetSpans', () => {
  const spans = (from: string, to: string, tz: string) =>
    offsetSpans(at(from), at(to), tz).map((s) => [iso(s.start), s.offsetMs / HOUR]);

  test('a year of Berlin: winter, summer, winter, changing at the transitions', () => {
    expect(spans('2025-12-31T23:00:00Z', '2026-12-31T23:00:00Z', 'Europe/Berlin')).toEqual([
      ['2025-12-31T23:00:00.000Z', 1],
      ['2026-03-29T01:00:00.000Z', 2],
      ['2026-10-25T01:00:00.000Z', 1],
    ]);
  });

  test('a year of New York', () => {
    expect(spans('2026-01-01T05:00:00Z', '2027-01-01T05:00:00Z', 'America/New_York')).toEqual([
      ['2026-01-01T05:00:00.000Z', -5],
      ['2026-03-08T07:00:00.000Z', -4],
      ['2026-11-01T06:00:00.000Z', -5],
    ]);
  });

  test.each([
    ['a zone without DST over a year', '2025-12-31T17:00:00Z', '2026-12-31T17:00:00Z', 'Asia/Ho_Chi_Minh', 7],
    ['China over a year', '2025-12-31T16:00:00Z', '2026-12-31T16:00:00Z', 'Asia/Shanghai', 8],
    ['Berlin in summer only', '2026-06-01T00:00:00Z', '2026-07-01T00:00:00Z', 'Europe/Berlin', 2],
    ['a range that ends at the transition', '2026-03-01T00:00:00Z', '2026-03-29T01:00:00Z', 'Europe/Berlin', 1],
    ['a range that starts at the transition', '2026-03-29T01:00:00Z', '2026-04-10T00:00:00Z', 'Europe/Berlin', 2],
    ['a range shorter than a day', '2026-03-29T00:00:00Z', '2026-03-29T00:30:00Z', 'Europe/Berlin', 1],
    ['an empty range', '2026-03-29T00:00:00Z', '2026-03-29T00:00:00Z', 'Europe/Berlin', 1],
  ])('%s: one span, a fixed offset', (_edge, from, to, tz, hours) => {
    expect(spans(from, to, tz)).toEqual([[iso(at(from)), hours]]);
  });

  test('a range of a few hours over the transition', () => {
    expect(spans('2026-10-25T00:00:00Z', '2026-10-25T02:00:00Z', 'Europe/Berlin')).toEqual([
      ['2026-10-25T00:00:00.000Z', 2],
      ['2026-10-25T01:00:00.000Z', 1],
    ]);
  });
});
