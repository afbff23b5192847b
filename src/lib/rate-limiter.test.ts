import { describe, expect, test } from 'vitest';
import { RateLimiter } from './rate-limiter.js';

type Step = { at: number; key?: string; take: boolean } | { at: number; key?: string; reset: true };

/** limit 3 per 1000 ms; each step runs at its clock time and, for `take`, expects that answer. */
const rows: [string, Step[]][] = [
  [
    'the first attempts pass up to the limit',
    [
      { at: 0, take: true },
      { at: 1, take: true },
      { at: 2, take: true },
    ],
  ],
  [
    'the attempt after the limit is refused',
    [
      { at: 0, take: true },
      { at: 0, take: true },
      { at: 0, take: true },
      { at: 999, take: false },
    ],
  ],
  [
    'a new window starts exactly windowMs after the window opened',
    [
      { at: 0, take: true },
      { at: 0, take: true },
      { at: 0, take: true },
      { at: 999, take: false },
      { at: 1000, take: true },
      { at: 1000, take: true },
    ],
  ],
  [
    'refused attempts do not move the window (fixed, not sliding)',
    [
      { at: 0, take: true },
      { at: 1, take: true },
      { at: 2, take: true },
      { at: 500, take: false },
      { at: 998, take: false },
      { at: 1000, take: true },
    ],
  ],
  [
    'the window opens at the first attempt, not at a round time',
    [
      { at: 700, take: true },
      { at: 1200, take: true },
      { at: 1600, take: true },
      { at: 1699, take: false },
      { at: 1700, take: true },
    ],
  ],
  [
    'keys are counted apart',
    [
      { at: 0, key: 'a', take: true },
      { at: 0, key: 'a', take: true },
      { at: 0, key: 'a', take: true },
      { at: 0, key: 'a', take: false },
      { at: 0, key: 'b', take: true },
    ],
  ],
  [
    'reset forgets a key at once',
    [
      { at: 0, take: true },
      { at: 0, take: true },
      { at: 0, take: true },
      { at: 0, take: false },
      { at: 10, reset: true },
      { at: 10, take: true },
      { at: 10, take: true },
      { at: 10, take: true },
      { at: 11, take: false },
    ],
  ],
  [
    'reset of another key changes nothing',
    [
      { at: 0, take: true },
      { at: 0, take: true },
      { at: 0, take: true },
      { at: 1, key: 'b', reset: true },
      { at: 2, take: false },
    ],
  ],
  [
    'a long pause gives a fresh window',
    [
      { at: 0, take: true },
      { at: 0, take: true },
      { at: 0, take: true },
      { at: 0, take: false },
      { at: 86_400_000, take: true },
    ],
  ],
];

describe('RateLimiter', () => {
  test.each(rows)('%s', (_name, steps) => {
    let now = 0;
    const limiter = new RateLimiter(3, 1000, () => now);
    steps.forEach((step, i) => {
      now = step.at;
      const key = step.key ?? 'lan@example.com';
      if ('reset' in step) void limiter.reset(key);
      else expect({ step: i, allowed: limiter.allow(key) }).toEqual({ step: i, allowed: step.take });
    });
  });

  test('the login limit of 10 per 15 minutes refuses the 11th attempt and allows one after the window', () => {
    let now = Date.parse('2025-06-01T00:00:00Z');
    const limiter = new RateLimiter(10, 15 * 60_000, () => now);
    const answers = Array.from({ length: 11 }, () => limiter.allow('lan@example.com'));
    expect(answers).toEqual([...Array(10).fill(true), false]);
    now += 15 * 60_000 - 1;
    expect(limiter.allow('lan@example.com')).toBe(false);
    now += 1;
    expect(limiter.allow('lan@example.com')).toBe(true);
  });

  test('without an injected clock it uses the real time', () => {
    const limiter = new RateLimiter(1, 60_000);
    expect([limiter.allow('k'), limiter.allow('k'), limiter.allow('other')]).toEqual([true, false, true]);
  });
});
