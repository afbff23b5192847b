import { describe, expect, test } from 'vitest';
import { subtreeIds, wouldCycle } from './units.js';

// HQ → north → (hanoi → store1), south
const tree = [
  { id: 'hq', parentId: null },
  { id: 'north', parentId: 'hq' },
  { id: 'south', parentId: 'hq' },
  { id: 'hanoi', parentId: 'north' },
  { id: 'store1', parentId: 'hanoi' },
  { id: 'other', parentId: null },
];

describe('unit tree rules', () => {
  test.each([
    ['hq', ['hq', 'north', 'south', 'hanoi', 'store1']],
    ['north', ['north', 'hanoi', 'store1']],
    ['store1', ['store1']],
    ['other', ['other']],
    ['unknown', ['unknown']],
  ])('subtree of %s', (root, expected) => {
    expect([...subtreeIds(tree, root)].sort()).toEqual([...expected].sort());
  });

  test('a subtree survives a damaged tree that already contains a cycle', () => {
    const looped = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ];
    expect([...subtreeIds(looped, 'a')].sort()).toEqual(['a', 'b']);
  });

  test.each([
    ['north', 'store1', true],
    ['north', 'hanoi', true],
    ['north', 'north', true],
    ['hq', 'store1', true],
    ['hanoi', 'south', false],
    ['store1', 'hq', false],
    ['north', null, false],
    ['other', 'north', false],
  ] as const)('moving %s below %s closes a cycle: %s', (unit, parent, expected) => {
    expect(wouldCycle(tree, unit, parent)).toBe(expected);
  });
});
