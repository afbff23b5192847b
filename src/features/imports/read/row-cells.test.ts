import { describe, expect, test } from 'vitest';
import { isEmptyCell } from '../fields.js';
import { RowCells } from './row-cells.js';

// RowCells replaced a Map built per CSV row (docs/imports.md, "Speed"): it must answer as that Map did.
describe('RowCells', () => {
  const index = new Map([
    ['order id', 0],
    ['price', 2],
    ['sub_id1', 3],
    ['note', 5],
  ]);
  const cells = ['A1', 'ignored', '', '\u0000\u0000', 'x', ' padded\u0000 '];
  const asMap = () => {
    const map = new Map<string, string>();
    for (const [key, i] of index) {
      const value = cells[i];
      if (value !== undefined && !isEmptyCell(value)) map.set(key, value);
    }
    return map;
  };

  test('get, has, size and iteration match the Map of the non-empty cells, in header order', () => {
    const row = new RowCells(index, cells);
    const map = asMap();
    for (const key of ['order id', 'price', 'sub_id1', 'note', 'missing']) {
      expect(row.get(key)).toBe(map.get(key));
      expect(row.has(key)).toBe(map.has(key));
    }
    expect(row.size).toBe(map.size);
    expect([...row]).toEqual([...map]);
    expect([...row.keys()]).toEqual([...map.keys()]);
    expect([...row.values()]).toEqual([...map.values()]);
    const seen: string[] = [];
    row.forEach((value, key) => {
      seen.push(`${key}=${value}`);
    });
    expect(seen).toEqual(['order id=A1', 'note= padded\u0000 ']);
  });

  test('a short record: missing cells are absent', () => {
    const row = new RowCells(index, ['B2']);
    expect(row.get('order id')).toBe('B2');
    expect(row.get('note')).toBeUndefined();
    expect(row.size).toBe(1);
  });
});
