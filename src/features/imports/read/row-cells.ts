import { isEmptyCell } from '../fields.js';

/**
 * The cells of one CSV row by normalised header, read through the table's header index (resolved once
 * per file) from the record's own array: no `Map` of 48 cells is built per row (docs/imports.md,
 * "Speed"). It answers like the `Map` it replaces: an empty cell or one of NUL padding alone is absent,
 * and iteration follows the header's order (first of each duplicated header).
 */
export class RowCells implements ReadonlyMap<string, string> {
  constructor(
    private readonly index: ReadonlyMap<string, number>,
    private readonly cells: readonly string[],
  ) {}

  get(key: string): string | undefined {
    const i = this.index.get(key);
    if (i === undefined) return undefined;
    const value = this.cells[i];
    // NUL padding alone is no value; a NUL inside a value is for the field rules (fields.ts).
    return value === undefined || isEmptyCell(value) ? undefined : value;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  get size(): number {
    let size = 0;
    for (const key of this.index.keys()) if (this.get(key) !== undefined) size++;
    return size;
  }

  *entries(): MapIterator<[string, string]> {
    for (const key of this.index.keys()) {
      const value = this.get(key);
      if (value !== undefined) yield [key, value];
    }
  }

  *keys(): MapIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }

  forEach(callback: (value: string, key: string, map: ReadonlyMap<string, string>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }
}
