import { describe, expect, test } from 'vitest';
import { webModule } from './web-module.js';

/** The console's router without a browser: pattern matching, the route table of issue 10's URLs, query merging. */
type Params = Readonly<Record<string, string>>;
const match = await webModule<{
  bestMatch<R extends { path: string }>(routes: readonly R[], path: string): { route: R; params: Params } | null;
  fillPath(pattern: string, params: Params): string;
}>('router/match.ts');
const { findRoute } = await webModule<{ findRoute(path: string): { route: { path: string }; params: Params } | null }>(
  'routes.ts',
);
const { mergeSearch } = await webModule<{ mergeSearch(search: string, update: Record<string, unknown>): string }>(
  'router/search-params.ts',
);

describe('the router', () => {
  const routes = [{ path: '/kos/:id' }, { path: '/kos/new' }, { path: '/kos' }, { path: '/' }];

  test.each([
    ['the root', '/', '/', {}],
    ['a static path', '/kos', '/kos', {}],
    ['a trailing slash', '/kos/', '/kos', {}],
    ['a static segment before a param listed first', '/kos/new', '/kos/new', {}],
    ['a param, decoded', '/kos/a%20b', '/kos/:id', { id: 'a b' }],
  ])('%s: %s → %s', (_, path, pattern, params) => {
    expect(match.bestMatch(routes, path)).toEqual({ route: { path: pattern }, params });
  });

  test.each(['/kos/1/accounts', '/nope', '/kos/%E0%A4%A'])('no route for %s', (path) => {
    expect(match.bestMatch(routes, path)).toBeNull();
  });

  test('fillPath escapes params', () => {
    expect(match.fillPath('/kos/:id', { id: 'a/b c' })).toBe('/kos/a%2Fb%20c');
  });

  test.each([
    '/',
    '/kos',
    '/kos/new',
    '/kos/01J0ABC',
    '/links',
    '/products',
    '/units',
    '/imports',
    '/lines',
    '/livestreams',
    '/livestreams/01J0ABC',
    '/plans',
    '/ledger',
    '/payouts',
    '/settings',
    '/me',
  ])('issue 10’s URL /app%s has a page', (path) => {
    expect(findRoute(path)).not.toBeNull();
  });

  test('/kos/new is the form, not a KOS named "new"', () => {
    expect(findRoute('/kos/new')?.route.path).toBe('/kos/new');
  });

  test.each([
    ['adds a key', '?a=1', { b: 2 }, '?a=1&b=2'],
    ['changes a key', '?a=1&b=2', { a: 'x' }, '?a=x&b=2'],
    ['removes a key set to empty', '?a=1&b=2', { a: '', b: null }, ''],
    ['escapes values', '', { q: 'Lan & co' }, '?q=Lan+%26+co'],
  ])('mergeSearch %s', (_, search, update, want) => {
    expect(mergeSearch(search, update)).toBe(want);
  });
});
