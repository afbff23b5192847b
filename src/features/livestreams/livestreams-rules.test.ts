import { describe, expect, test } from 'vitest';
import {
  fillStats,
  resolveSession,
  type SessionStatus,
  type SessionTimes,
  type Stats,
  sessionRatios,
  type TieCandidate,
  tieSession,
} from './livestreams.js';
import { formatSessionWhen } from './session-when.js';

const H = 3_600_000;
const NOW = Date.parse('2026-11-25T13:00:00Z');
const base: SessionTimes = {
  status: 'scheduled',
  scheduledStart: NOW - 2 * H,
  scheduledEnd: NOW,
  actualStart: null,
  actualEnd: null,
};

describe('status transitions', () => {
  const ok = (from: SessionStatus, to: SessionStatus, times: Partial<SessionTimes> = {}) =>
    resolveSession(from, { ...base, ...times, status: to }, NOW);
  const paths = (r: ReturnType<typeof resolveSession>) => (r.ok ? [] : r.errors.map((e) => e.path));

  const table: [string, SessionStatus, SessionStatus, Partial<SessionTimes>, string[]][] = [
    ['scheduled → live', 'scheduled', 'live', {}, []],
    [
      'scheduled → ended with both actual times (recorded after the fact)',
      'scheduled',
      'ended',
      { actualStart: 1, actualEnd: 2 },
      [],
    ],
    ['scheduled → ended without actual times', 'scheduled', 'ended', {}, ['actualStart', 'actualEnd']],
    ['scheduled → ended without actualEnd', 'scheduled', 'ended', { actualStart: 1 }, ['actualEnd']],
    ['scheduled → cancelled', 'scheduled', 'cancelled', {}, []],
    ['live → ended', 'live', 'ended', { actualStart: NOW - H }, []],
    ['live → cancelled', 'live', 'cancelled', { actualStart: NOW - H }, []],
    ['live → scheduled', 'live', 'scheduled', { actualStart: NOW - H }, ['status']],
    ['ended → live', 'ended', 'live', { actualStart: 1, actualEnd: 2 }, ['status']],
    ['ended → cancelled', 'ended', 'cancelled', { actualStart: 1, actualEnd: 2 }, ['status']],
    ['ended → scheduled', 'ended', 'scheduled', { actualStart: 1, actualEnd: 2 }, ['status']],
    ['cancelled → scheduled', 'cancelled', 'scheduled', {}, ['status']],
    ['cancelled → live', 'cancelled', 'live', {}, ['status']],
    ['cancelled → ended', 'cancelled', 'ended', { actualStart: 1, actualEnd: 2 }, ['status']],
    ['ended stays ended', 'ended', 'ended', { actualStart: 1, actualEnd: 2 }, []],
    ['live with an actualEnd', 'scheduled', 'live', { actualEnd: NOW }, ['actualEnd']],
  ];
  test.each(table)('%s', (_name, from, to, times, expected) => {
    expect(paths(ok(from, to, times))).toEqual(expected);
  });

  test('going live sets a missing actualStart to now and keeps a given one', () => {
    expect(ok('scheduled', 'live')).toMatchObject({ ok: true, session: { actualStart: NOW, actualEnd: null } });
    expect(ok('scheduled', 'live', { actualStart: NOW - H })).toMatchObject({ session: { actualStart: NOW - H } });
  });
  test('ending a live session sets a missing actualEnd to now and keeps a given one', () => {
    expect(ok('live', 'ended', { actualStart: NOW - H })).toMatchObject({ session: { actualEnd: NOW } });
    expect(ok('live', 'ended', { actualStart: NOW - H, actualEnd: NOW - 1 })).toMatchObject({ session: { actualEnd: NOW - 1 } });
  });
  test('a new session starts from scheduled', () => {
    expect(paths(resolveSession(null, { ...base, status: 'cancelled' }, NOW))).toEqual([]);
    expect(resolveSession(null, { ...base, status: 'live' }, NOW)).toMatchObject({ session: { actualStart: NOW } });
  });

  const times: [string, Partial<SessionTimes>, string[]][] = [
    ['scheduledEnd equal to scheduledStart', { scheduledEnd: base.scheduledStart }, ['scheduledEnd']],
    ['scheduledEnd before scheduledStart', { scheduledEnd: base.scheduledStart - 1 }, ['scheduledEnd']],
    ['actualEnd before actualStart', { actualStart: 10, actualEnd: 9 }, ['actualEnd']],
    ['actualEnd equal to actualStart', { actualStart: 10, actualEnd: 10 }, []],
    ['actualEnd without actualStart', { actualEnd: 10 }, ['actualStart']],
    ['times in the past', { scheduledStart: 0, scheduledEnd: 1, actualStart: 0, actualEnd: 1 }, []],
  ];
  test.each(times)('times: %s', (_name, t, expected) => {
    expect(paths(resolveSession('scheduled', { ...base, ...t }, NOW))).toEqual(expected);
  });
});

describe('tieSession', () => {
  const s = (id: string, start: number, end: number | null, more: Partial<TieCandidate> = {}): TieCandidate => ({
    id,
    kosId: 'K1',
    platform: 'tiktok_shop',
    actualStart: start,
    actualEnd: end,
    ...more,
  });
  const line = (orderTime: number, more: Partial<{ kosId: string; platform: string }> = {}) => ({
    kosId: 'K1',
    platform: 'tiktok_shop',
    orderTime,
    ...more,
  });
  const sessions = [s('A', 10 * H, 12 * H), s('B', 11 * H, 13 * H), s('C', 20 * H, null)];

  const rows: [string, TieCandidate[], ReturnType<typeof line>, number, string | null][] = [
    ['at the actual start (inclusive)', sessions, line(10 * H), 0, 'A'],
    ['inside one session only', sessions, line(10.5 * H), 0, 'A'],
    ['overlap: the latest-starting wins', sessions, line(11.5 * H), 0, 'B'],
    ['at the actual end (inclusive)', sessions, line(13 * H), 0, 'B'],
    ['just after the end, no post-live window', sessions, line(13 * H + 1), 0, null],
    ['within the post-live window', sessions, line(14 * H), 1, 'B'],
    ['at the end of the post-live window', [s('A', 10 * H, 12 * H)], line(14 * H), 2, 'A'],
    ['just after the post-live window', [s('A', 10 * H, 12 * H)], line(14 * H + 1), 2, null],
    ['before any session', sessions, line(9 * H), 5, null],
    ['a session still live (no actualEnd) holds orders from its start on', sessions, line(21 * H), 0, 'C'],
    ['another KOS', sessions, line(10.5 * H, { kosId: 'K2' }), 0, null],
    ['another platform', sessions, line(10.5 * H, { platform: 'shopee' }), 0, null],
    ['equal starts: the greater id', [s('X2', 10 * H, 12 * H), s('X1', 10 * H, 13 * H)], line(11 * H), 0, 'X2'],
    ['no sessions', [], line(11 * H), 0, null],
    [
      'the window of an earlier session reaches past a later one: still the latest-starting',
      [s('A', 10 * H, 11 * H), s('B', 11.5 * H, 11.6 * H)],
      line(11.55 * H),
      3,
      'B',
    ],
  ];
  test.each(rows)('%s', (_name, candidates, l, window, expected) => {
    expect(tieSession(candidates, l, window)).toBe(expected);
  });
});

describe('session ratios', () => {
  const stats = (s: Partial<Stats>) => fillStats(s);
  const rows: [string, Partial<Stats>, { gmvMinor: number; orders: number }, Record<string, number | null>][] = [
    [
      'full funnel',
      { views: 2000, productClicks: 400, addToCart: 100, questions: 50, questionsAnswered: 40 },
      { gmvMinor: 5_000_000, orders: 20 },
      { gpm: 2_500_000, ctr: 0.2, ctor: 0.05, addToCartRate: 0.25, responseRate: 0.8 },
    ],
    [
      'zero denominators give null',
      {},
      { gmvMinor: 100, orders: 1 },
      { gpm: null, ctr: null, ctor: null, addToCartRate: null, responseRate: null },
    ],
    [
      'zero numerators give 0',
      { views: 10, productClicks: 5, questions: 2 },
      { gmvMinor: 0, orders: 0 },
      { gpm: 0, ctr: 0.5, ctor: 0, addToCartRate: 0, responseRate: 0 },
    ],
    ['unrounded fractions', { views: 3, productClicks: 3 }, { gmvMinor: 1, orders: 1 }, { gpm: 1000 / 3, ctr: 1, ctor: 1 / 3 }],
  ];
  test.each(rows)('%s', (_name, s, sales, expected) => {
    expect(sessionRatios(stats(s), sales)).toMatchObject(expected);
  });

  test('fillStats: missing keys are 0 on create and keep the stored value on change', () => {
    expect(fillStats({ views: 5 })).toEqual({
      views: 5,
      viewers: 0,
      peakViewers: 0,
      avgWatchSeconds: 0,
      comments: 0,
      questions: 0,
      questionsAnswered: 0,
      productClicks: 0,
      addToCart: 0,
    });
    expect(fillStats({ comments: 7 }, fillStats({ views: 5, comments: 1 }))).toMatchObject({ views: 5, comments: 7, viewers: 0 });
  });
});

describe('formatSessionWhen', () => {
  const at = Date.parse('2026-11-25T13:00:00Z');
  test.each([
    ['vi', 'Asia/Ho_Chi_Minh', '20:00 25/11/2026'],
    ['zh-CN', 'Asia/Shanghai', '2026年11月25日 21:00'],
    ['en', 'Asia/Ho_Chi_Minh', '25 Nov 2026, 20:00'],
    ['vi', 'UTC', '13:00 25/11/2026'],
  ] as const)('%s in %s', (locale, zone, expected) => {
    expect(formatSessionWhen(at, zone, locale)).toBe(expected);
  });
  test('midnight is 00, not 24', () => {
    expect(formatSessionWhen(Date.parse('2026-11-25T17:05:00Z'), 'Asia/Ho_Chi_Minh', 'vi')).toBe('00:05 26/11/2026');
  });
});
