import { describe, expect, test } from 'vitest';
import { DailyRollup, dailyDeltas, type RollupClick } from './daily-rollup.js';

const click = (over: Partial<RollupClick> = {}): RollupClick => ({
  orgId: 'o',
  linkId: 'L1',
  kosId: 'k',
  day: '2026-11-01',
  isBot: false,
  isUnique: true,
  ...over,
});

const row = (over: Partial<{ linkId: string; day: string; clicks: number; uniqueClicks: number; bots: number }>) => ({
  linkId: 'L1',
  day: '2026-11-01',
  orgId: 'o',
  kosId: 'k',
  clicks: 0,
  uniqueClicks: 0,
  bots: 0,
  ...over,
});

describe('the daily link rollup', () => {
  test.each([
    ['a unique click', [click()], [row({ clicks: 1, uniqueClicks: 1 })]],
    [
      'a repeat counts as a click, not a unique one',
      [click(), click({ isUnique: false })],
      [row({ clicks: 2, uniqueClicks: 1 })],
    ],
    ['a bot counts apart, never as a click', [click({ isBot: true, isUnique: false })], [row({ bots: 1 })]],
    [
      'each (link, day) is its own row',
      [click(), click({ day: '2026-11-02' }), click({ linkId: 'L2' })],
      [
        row({ clicks: 1, uniqueClicks: 1 }),
        row({ day: '2026-11-02', clicks: 1, uniqueClicks: 1 }),
        row({ linkId: 'L2', clicks: 1, uniqueClicks: 1 }),
      ],
    ],
    ['no clicks, no rows', [], []],
  ])('%s', (_edge, clicks, expected) => {
    expect(dailyDeltas(clicks)).toEqual(expected);
  });

  test('adding click by click (the rebuild) gives what one pass over a batch (the writer) gives', () => {
    const clicks = [click(), click({ isBot: true }), click({ day: '2026-11-02', isUnique: false })];
    const rollup = new DailyRollup();
    for (const c of clicks) rollup.add(c);
    expect(rollup.deltas()).toEqual(dailyDeltas(clicks));
    expect(rollup.days).toBe(2);
  });
});
