import { describe, expect, test } from 'vitest';
import { contestAwards } from './awards.js';
import { contestStatus, prizeProblems, takesPart, targetsOutOfOrder } from './contests.js';
import { type Competitor, highestTarget, rankStandings, unitCompetitors } from './standings.js';

const kos = (code: string, value: number): Competitor => ({ kosId: `id-${code}`, code, name: code, value });
const brief = (rows: ReturnType<typeof rankStandings>) => rows.map((r) => `${r.rank} ${r.code ?? r.name} ${r.value}`);

describe('ranks (docs/contests.md)', () => {
  test.each([
    {
      name: 'no tie',
      values: [
        ['B', 5],
        ['A', 9],
        ['C', 1],
      ],
      ranks: ['1 A 9', '2 B 5', '3 C 1'],
    },
    {
      name: 'a tie at the top shares 1, then 3',
      values: [
        ['B', 9],
        ['A', 9],
        ['C', 4],
      ],
      ranks: ['1 A 9', '1 B 9', '3 C 4'],
    },
    {
      name: 'a tie in the middle, three ways',
      values: [
        ['D', 2],
        ['A', 10],
        ['C', 5],
        ['B', 5],
        ['E', 5],
      ],
      ranks: ['1 A 10', '2 B 5', '2 C 5', '2 E 5', '5 D 2'],
    },
    {
      name: 'zeros and negatives rank last',
      values: [
        ['A', 0],
        ['B', -3],
        ['C', 0],
      ],
      ranks: ['1 A 0', '1 C 0', '3 B -3'],
    },
    { name: 'one competitor', values: [['A', 0]], ranks: ['1 A 0'] },
    { name: 'none', values: [], ranks: [] },
  ] as { name: string; values: [string, number][]; ranks: string[] }[])('$name', ({ values, ranks }) => {
    expect(
      brief(
        rankStandings(
          values.map(([c, v]) => kos(c, v)),
          [],
        ),
      ),
    ).toEqual(ranks);
  });

  test('units order by name after value', () => {
    const rows = rankStandings(
      [
        { unitId: 'u2', name: 'Quận 7', value: 100 },
        { unitId: 'u1', name: 'Quận 1', value: 100 },
        { unitId: 'u3', name: 'Biên Hòa', value: 50 },
      ],
      [],
    );
    expect(rows.map((r) => `${r.rank} ${r.name}`)).toEqual(['1 Quận 1', '1 Quận 7', '3 Biên Hòa']);
  });
});

describe('targets do not stack', () => {
  const targets = [
    { value: 100, bonusMinor: 1_000 },
    { value: 200, bonusMinor: 3_000 },
    { value: 500, bonusMinor: 10_000 },
  ];
  test.each([
    [99, null],
    [100, 100],
    [199, 100],
    [200, 200],
    [10_000, 500],
    [0, null],
    [-5, null],
  ])('value %i reaches %s', (value, reached) => {
    expect(highestTarget(targets, value)?.value ?? null).toBe(reached);
  });
  test('the row carries the highest target reached; the award is its bonus alone, not 1 000 + 3 000', () => {
    const rows = rankStandings([kos('A', 250)], targets);
    expect(rows[0]?.target).toBe(200);
    expect(contestAwards(rows, [], targets, new Map())).toEqual([
      { kosId: 'id-A', unitId: null, kind: 'target', rank: 1, amountMinor: 3_000 },
    ]);
  });
});

describe('awards (docs/contests.md)', () => {
  const prizes = [
    { rankFrom: 1, rankTo: 1, amountMinor: 5_000_000 },
    { rankFrom: 2, rankTo: 3, amountMinor: 2_000_000 },
  ];
  const targets = [{ value: 1_000, bonusMinor: 300_000 }];

  test('a tie for first: both get the first prize; the next is ranked 3 and gets the rank-3 prize', () => {
    const rows = rankStandings([kos('A', 900), kos('B', 900), kos('C', 500), kos('D', 100)], []);
    const awards = contestAwards(rows, prizes, [], new Map());
    expect(awards.map((a) => `${a.kosId} ${a.rank} ${a.amountMinor}`)).toEqual([
      'id-A 1 5000000',
      'id-B 1 5000000',
      'id-C 3 2000000',
    ]);
  });

  test('a tie across the end of the prizes: every KOS of the shared rank 3 gets it, rank 5 nothing', () => {
    const rows = rankStandings([kos('A', 9), kos('B', 8), kos('C', 7), kos('D', 7), kos('E', 6)], []);
    expect(contestAwards(rows, prizes, [], new Map()).map((a) => `${a.kosId} ${a.amountMinor}`)).toEqual([
      'id-A 5000000',
      'id-B 2000000',
      'id-C 2000000',
      'id-D 2000000',
    ]);
  });

  test('a prize and a target bonus can both be won', () => {
    const rows = rankStandings([kos('A', 1_500)], targets);
    expect(contestAwards(rows, prizes, targets, new Map()).map((a) => `${a.kind} ${a.amountMinor}`)).toEqual([
      'prize 5000000',
      'target 300000',
    ]);
  });

  test('a value ≤ 0 wins nothing, not even a prize of its rank', () => {
    const rows = rankStandings([kos('A', 0), kos('B', -10)], [{ value: 1, bonusMinor: 5 }]);
    expect(rows.map((r) => r.rank)).toEqual([1, 2]);
    expect(contestAwards(rows, prizes, [{ value: 1, bonusMinor: 5 }], new Map())).toEqual([]);
  });

  test('a unit award goes in full to every participating KOS of the unit', () => {
    const rows = rankStandings(
      [
        { unitId: 'q1', name: 'Q1', value: 700 },
        { unitId: 'q7', name: 'Q7', value: 0 },
      ],
      [],
    );
    const members = new Map([
      ['q1', ['k2', 'k1']],
      ['q7', ['k3']],
    ]);
    expect(contestAwards(rows, prizes, [], members)).toEqual([
      { kosId: 'k1', unitId: 'q1', kind: 'prize', rank: 1, amountMinor: 5_000_000 },
      { kosId: 'k2', unitId: 'q1', kind: 'prize', rank: 1, amountMinor: 5_000_000 },
    ]);
  });
});

describe('unit contests sum a subtree', () => {
  //        north (region)            south (region)
  //       /       \                      |
  //  hn (store)  team-x (team)        q1 (store)
  //                 |
  //             hn2 (store)
  const units = [
    { id: 'north', name: 'North', kind: 'region', parentId: null },
    { id: 'south', name: 'South', kind: 'region', parentId: null },
    { id: 'hn', name: 'Hà Nội', kind: 'store', parentId: 'north' },
    { id: 'team-x', name: 'Team X', kind: 'team', parentId: 'north' },
    { id: 'hn2', name: 'Hà Nội 2', kind: 'store', parentId: 'team-x' },
    { id: 'q1', name: 'Quận 1', kind: 'store', parentId: 'south' },
  ];
  const participants = [
    { kosId: 'a', unitPath: ['hn', 'north'], value: 100 },
    { kosId: 'b', unitPath: ['hn2', 'team-x', 'north'], value: 250 },
    { kosId: 'c', unitPath: ['north'], value: 40 },
    { kosId: 'd', unitPath: ['q1', 'south'], value: 300 },
    { kosId: 'e', unitPath: [], value: 999 },
  ];

  test('regions: the sum of every participating KOS below, at any depth; a KOS without a unit counts nowhere', () => {
    const { competitors, members } = unitCompetitors(units, 'region', undefined, participants);
    expect(competitors.map((c) => `${c.unitId} ${c.value}`)).toEqual(['north 390', 'south 300']);
    expect(members.get('north')).toEqual(['a', 'b', 'c']);
  });

  test('stores inside participants.unitIds only, a store without sales at 0', () => {
    const { competitors } = unitCompetitors(units, 'store', ['north'], participants.slice(1));
    expect(competitors.map((c) => `${c.unitId} ${c.value}`)).toEqual(['hn 0', 'hn2 250']);
  });
});

describe('participation and validation', () => {
  const k = { id: 'k1', status: 'active', unitPath: ['store', 'region'], relationship: 'agent', tier: 'A' };
  test.each([
    [{}, k, true],
    [{}, { ...k, status: 'paused' }, false],
    [{ unitIds: ['region'] }, k, true],
    [{ unitIds: ['region'], relationships: ['employee'] }, k, false],
    [{ tiers: ['A', 'S'] }, k, true],
    [{ tiers: ['A'] }, { ...k, tier: null }, false],
    [{ kosIds: ['k2'] }, k, false],
    [{ kosIds: [], unitIds: [] }, k, true],
  ] as [Parameters<typeof takesPart>[0], Parameters<typeof takesPart>[1], boolean][])('%j takes %j: %s', (p, facts, yes) => {
    expect(takesPart(p, facts)).toBe(yes);
  });

  test('status by the org day', () => {
    const c = { from: '2026-11-01', to: '2026-11-30', closedAt: null };
    expect(contestStatus(c, '2026-10-31')).toBe('upcoming');
    expect(contestStatus(c, '2026-11-01')).toBe('running');
    expect(contestStatus(c, '2026-11-30')).toBe('running');
    expect(contestStatus(c, '2026-12-01')).toBe('ended');
    expect(contestStatus({ ...c, closedAt: 1 }, '2026-12-01')).toBe('closed');
  });

  test('prize ranges and targets', () => {
    expect(
      prizeProblems([
        { rankFrom: 1, rankTo: 3, amountMinor: 1 },
        { rankFrom: 3, rankTo: 4, amountMinor: 1 },
        { rankFrom: 6, rankTo: 5, amountMinor: 1 },
        { rankFrom: 5, rankTo: 5, amountMinor: 1 },
      ]),
    ).toEqual([
      { index: 1, reason: 'overlap' },
      { index: 2, reason: 'range' },
    ]);
    expect(
      targetsOutOfOrder([
        { value: 1, bonusMinor: 1 },
        { value: 2, bonusMinor: 1 },
      ]),
    ).toBe(-1);
    expect(
      targetsOutOfOrder([
        { value: 2, bonusMinor: 1 },
        { value: 2, bonusMinor: 1 },
      ]),
    ).toBe(1);
  });
});
