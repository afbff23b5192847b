import { describe, expect, test } from 'vitest';
import { queryPeriod } from './analytics.js';

const iso = (p: { from: number; to: number }) => [new Date(p.from).toISOString(), new Date(p.to).toISOString()];

describe('queryPeriod', () => {
  test.each([
    [
      'days of a DST zone over a spring-forward day',
      { from: '2026-03-29', to: '2026-03-30' },
      'Europe/Berlin',
      ['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z'],
    ],
    [
      'days of a DST zone over a fall-back day',
      { from: '2026-11-01', to: '2026-11-02' },
      'America/New_York',
      ['2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z'],
    ],
    [
      'a day that starts at 01:00',
      { from: '2026-03-08', to: '2026-03-09' },
      'America/Havana',
      ['2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z'],
    ],
    [
      'date-times are their own instants',
      { from: '2026-03-29T00:30:00+01:00', to: '2026-03-29T12:00:00Z' },
      'Europe/Berlin',
      ['2026-03-28T23:30:00.000Z', '2026-03-29T12:00:00.000Z'],
    ],
    [
      'without from: 30 calendar days before a day, over the spring-forward',
      { to: '2026-04-10' },
      'Europe/Berlin',
      ['2026-03-10T23:00:00.000Z', '2026-04-09T22:00:00.000Z'],
    ],
    [
      'without from: 30 × 24 h before a date-time',
      { to: '2026-04-10T00:00:00Z' },
      'Europe/Berlin',
      ['2026-03-11T00:00:00.000Z', '2026-04-10T00:00:00.000Z'],
    ],
  ])('%s', (_edge, q, tz, expected) => {
    expect(iso(queryPeriod(q, tz, Date.parse('2026-06-01T12:00:00Z')))).toEqual(expected);
  });

  test('without either: the 30 local days up to the end of today', () => {
    // 30 March 2026, 00:30 in Berlin (summer time): today is the 30th, the period starts on 1 March (winter).
    expect(iso(queryPeriod({}, 'Europe/Berlin', Date.parse('2026-03-29T22:30:00Z')))).toEqual([
      '2026-02-28T23:00:00.000Z',
      '2026-03-30T22:00:00.000Z',
    ]);
  });
});
