import { describe, expect, test } from 'vitest';
import { cursorAfter, type Page, pageQuery, toPage } from './pagination.js';

const rows = (...ids: string[]) => ids.map((id) => ({ id, name: `row ${id}` }));
const URL_SAFE = /^[A-Za-z0-9_-]+$/;

describe('toPage and cursorAfter', () => {
  test.each([
    ['more rows than the limit', rows('a', 'b', 'c', 'd'), 3, ['a', 'b', 'c'], 'c'],
    ['exactly the limit', rows('a', 'b', 'c'), 3, ['a', 'b', 'c'], null],
    ['fewer rows than the limit', rows('a'), 3, ['a'], null],
    ['no rows', rows(), 3, [], null],
    ['limit one', rows('x', 'y'), 1, ['x'], 'x'],
  ])('%s', (_name, fetched, limit, items, after) => {
    const page = toPage(fetched, limit);
    expect(page.items.map((r) => r.id)).toEqual(items);
    if (after === null) expect(page.nextCursor).toBeNull();
    else {
      expect(page.nextCursor).toMatch(URL_SAFE);
      expect(cursorAfter(page.nextCursor ?? undefined)).toBe(after);
    }
  });

  test.each([
    ['a time-ordered id', '0mbx3k2a9000Ab3dE5fG7h'],
    ['an id with characters that are not URL-safe', 'a/b+c=d?e&f'],
    ['a non-ASCII id', 'đơn-hàng-已取消'],
    ['an id whose base64 would need padding', 'ab'],
  ])('the cursor of %s is URL-safe and round-trips', (_name, id) => {
    const cursor = toPage(rows(id, 'zzz'), 1).nextCursor;
    expect(cursor).toMatch(URL_SAFE);
    expect(cursorAfter(cursor ?? undefined)).toBe(id);
  });

  test('no cursor means the first page', () => {
    expect(cursorAfter(undefined)).toBeUndefined();
    expect(cursorAfter('')).toBeUndefined();
  });

  test('walking pages with limit + 1 fetches visits every row once, in order', () => {
    const all = rows(...Array.from({ length: 11 }, (_, i) => `id${String(i).padStart(2, '0')}`));
    const fetch = (after: string | undefined, n: number) => all.filter((r) => after === undefined || r.id > after).slice(0, n);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<{ id: string; name: string }> = toPage(fetch(cursorAfter(cursor ?? undefined), 4 + 1), 4);
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((r) => r.id));
  });
});

describe('pageQuery', () => {
  test.each([
    ['defaults', {}, { limit: 50 }],
    ['a limit from the query string', { limit: '20' }, { limit: 20 }],
    ['the maximum limit', { limit: '500' }, { limit: 500 }],
    ['a cursor', { cursor: 'YWJj' }, { limit: 50, cursor: 'YWJj' }],
  ])('accepts %s', (_name, input, parsed) => {
    expect(pageQuery.parse(input)).toEqual(parsed);
  });

  test.each([
    ['a limit over 500', { limit: '501' }, 'limit'],
    ['a zero limit', { limit: '0' }, 'limit'],
    ['a fractional limit', { limit: '2.5' }, 'limit'],
    ['a limit that is not a number', { limit: 'ten' }, 'limit'],
    ['a cursor with + and /', { cursor: 'a+b/c' }, 'cursor'],
    ['a cursor with padding', { cursor: 'YQ==' }, 'cursor'],
  ])('rejects %s', (_name, input, path) => {
    const result = pageQuery.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([path]);
  });
});
