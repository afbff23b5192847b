import { afterEach, describe, expect, test, vi } from 'vitest';
import { newId, randomAlphanumeric } from './ids.js';

const ALPHANUMERIC = /^[0-9A-Za-z]*$/;
const realNow = Date.now.bind(Date);

describe('randomAlphanumeric', () => {
  test.each([
    ['no characters', 0],
    ['one character', 1],
    ['a click id', 12],
    ['an API key body', 40],
    ['a long run', 5000],
  ])('%s: exactly the length asked, only A–Z a–z 0–9', (_name, length) => {
    const value = randomAlphanumeric(length);
    expect(value).toHaveLength(length);
    expect(value).toMatch(ALPHANUMERIC);
  });

  test('uses the whole 62-character alphabet', () => {
    expect(new Set(randomAlphanumeric(20_000)).size).toBe(62);
  });

  test('does not repeat itself', () => {
    const values = Array.from({ length: 1000 }, () => randomAlphanumeric(12));
    expect(new Set(values).size).toBe(values.length);
  });
});

describe('newId', () => {
  afterEach(() => vi.restoreAllMocks());

  const increasing = (ids: string[]) => ids.every((id, i) => i === 0 || (ids[i - 1] as string) < id);

  test.each([
    ['a tight loop on the real clock (many ids per millisecond)', realNow],
    ['a frozen clock', () => 1_750_000_000_000],
    [
      'a clock that ticks every call',
      (() => {
        let t = 1_750_000_000_000;
        return () => t++;
      })(),
    ],
  ])('strictly increasing and sortable under %s', (_name, clock) => {
    vi.spyOn(Date, 'now').mockImplementation(clock);
    const ids = Array.from({ length: 5000 }, () => newId());
    expect(increasing(ids)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const shuffled = [...ids].reverse();
    expect(shuffled.sort()).toEqual(ids);
  });

  test('ids made in a later millisecond sort after earlier ones', () => {
    const now = vi.spyOn(Date, 'now');
    now.mockReturnValue(Date.parse('2025-01-01T00:00:00Z'));
    const early = Array.from({ length: 50 }, () => newId());
    now.mockReturnValue(Date.parse('2025-01-01T00:00:00.001Z'));
    const late = newId();
    expect(early.every((id) => id < late)).toBe(true);
  });

  test('ids are opaque, URL-safe and of one length', () => {
    const ids = Array.from({ length: 100 }, () => newId());
    for (const id of ids) {
      expect(id).toMatch(/^[0-9A-Za-z]+$/);
      expect(id).toHaveLength(22);
      expect(encodeURIComponent(id)).toBe(id);
    }
  });
});
