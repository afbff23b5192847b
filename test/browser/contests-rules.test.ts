import { describe, expect, test } from 'vitest';
import {
  CONTEST_METRICS,
  CONTEST_SCOPES,
  CONTEST_STATUSES,
  MAX_TARGETS,
  MONEY_METRICS,
} from '../../src/features/contests/contests.js';
import { webModule } from './web-module.js';

/** The contest pages' pure pieces: the API's enums, the PK bar, ties, and what the form sends. */
type Row = { rank: number; kosId?: string; unitId?: string; name: string; value: number; target?: number };
const rules = await webModule<{
  CONTEST_METRICS: readonly string[];
  CONTEST_SCOPES: readonly string[];
  CONTEST_STATUSES: readonly string[];
  MAX_TARGETS: number;
  pkSplit(a: number, b: number): { a: number; b: number; leader: string };
  isTied(rows: readonly Row[], row: Row): boolean;
  isMoneyMetric(metric: string): boolean;
}>('data/contests-enums.ts');
const draft = await webModule<{
  emptyDraft(today: string): Record<string, unknown>;
  readDraft(d: Record<string, unknown>, currency: string): { body: Record<string, unknown>; errors: Record<string, string> };
}>('components/contests/contest-draft.ts');

test('the console offers exactly the API’s metrics, scopes, statuses and number of targets', () => {
  expect(rules.CONTEST_METRICS).toEqual(CONTEST_METRICS);
  expect(rules.CONTEST_SCOPES).toEqual(CONTEST_SCOPES);
  expect(rules.CONTEST_STATUSES).toEqual(CONTEST_STATUSES);
  expect(rules.MAX_TARGETS).toBe(MAX_TARGETS);
  expect(CONTEST_METRICS.filter(rules.isMoneyMetric)).toEqual(MONEY_METRICS);
});

describe('the PK bar', () => {
  test.each([
    [300, 200, { a: 60, b: 40, leader: 'a' }],
    [200, 300, { a: 40, b: 60, leader: 'b' }],
    [5, 5, { a: 50, b: 50, leader: 'tie' }],
    [0, 0, { a: 50, b: 50, leader: 'tie' }],
    [100, 0, { a: 100, b: 0, leader: 'a' }],
    [-50, 100, { a: 0, b: 100, leader: 'b' }],
    [1, 2, { a: 33, b: 67, leader: 'b' }],
  ])('%i against %i', (a, b, split) => {
    expect(rules.pkSplit(a, b)).toEqual(split);
  });
});

test('a shared rank is a tie (1, 1, 3)', () => {
  const rows: Row[] = [
    { rank: 1, kosId: 'a', name: 'A', value: 5 },
    { rank: 1, kosId: 'b', name: 'B', value: 5 },
    { rank: 3, kosId: 'c', name: 'C', value: 2 },
  ];
  expect(rows.map((r) => rules.isTied(rows, r))).toEqual([true, true, false]);
});

describe('what the form sends', () => {
  const base = { ...draft.emptyDraft('2026-06-01'), name: ' Đua tháng 6 ', to: '2026-06-30' };

  test('money in minor units, lists left out when empty, no unit kind for a KOS contest', () => {
    const { body, errors } = draft.readDraft(
      {
        ...base,
        prizes: [{ rankFrom: '1', rankTo: '3', amount: '1.500.000' }],
        targets: [{ value: '10.000.000', bonus: '500.000' }],
      },
      'VND',
    );
    expect(errors).toEqual({});
    expect(body).toEqual({
      name: 'Đua tháng 6',
      metric: 'netSales',
      scope: 'kos',
      from: '2026-06-01',
      to: '2026-06-30',
      participants: {},
      prizes: [{ rankFrom: 1, rankTo: 3, amountMinor: 1_500_000 }],
      targets: [{ value: 10_000_000, bonusMinor: 500_000 }],
    });
  });

  test('a count metric takes whole targets; a unit PK names its kind and its units', () => {
    const { body, errors } = draft.readDraft(
      {
        ...base,
        metric: 'orders',
        scope: 'unit',
        unitKind: 'store',
        unitIds: ['u1'],
        prizes: [],
        targets: [{ value: '50', bonus: '20.50' }],
      },
      'CNY',
    );
    expect(errors).toEqual({});
    expect(body).toMatchObject({ scope: 'unit', unitKind: 'store', participants: { unitIds: ['u1'] } });
    expect(body.targets).toEqual([{ value: 50, bonusMinor: 2050 }]);
  });

  test.each([
    ['the last day before the first', { to: '2026-05-31' }, 'to', 'contests.error.toBeforeFrom'],
    ['no name', { name: '  ' }, 'name', 'contests.error.required'],
    [
      'ranks the wrong way round',
      { prizes: [{ rankFrom: '3', rankTo: '1', amount: '1' }] },
      'prizes.0.rankTo',
      'contests.error.rankOrder',
    ],
    ['rank 0', { prizes: [{ rankFrom: '0', rankTo: '1', amount: '1' }] }, 'prizes.0.rankFrom', 'contests.error.whole'],
    [
      'an unreadable amount',
      { prizes: [{ rankFrom: '1', rankTo: '1', amount: 'abc' }] },
      'prizes.0.amountMinor',
      'contests.error.amount',
    ],
    [
      'targets not increasing',
      {
        targets: [
          { value: '200', bonus: '1' },
          { value: '200', bonus: '2' },
        ],
      },
      'targets.1.value',
      'contests.error.targetsIncreasing',
    ],
  ])('%s', (_, patch, path, key) => {
    expect(draft.readDraft({ ...base, ...patch }, 'VND').errors[path]).toBe(key);
  });
});
