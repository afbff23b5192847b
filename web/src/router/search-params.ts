import { useCallback, useMemo, useRef, useState } from 'react';
import { navigate, toAppPath, useLocation } from './location';

/** Values to set in the query; `null`, `undefined` and `''` remove the key. */
export type SearchUpdate = Readonly<Record<string, string | number | null | undefined>>;
/** `push` adds a history entry (back undoes the change); the default rewrites the current one. */
export interface SearchOptions {
  push?: boolean;
}

/** `search` with `update` applied, keys not named kept as they are: `?a=1` + `{b: 2}` → `?a=1&b=2`. */
export function mergeSearch(search: string, update: SearchUpdate): string {
  const sp = new URLSearchParams(search);
  for (const [k, v] of Object.entries(update)) {
    if (v === undefined || v === null || v === '') sp.delete(k);
    else sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

/** Changes the current page's query (reads the live URL, so two quick updates both land). */
export function setSearch(update: SearchUpdate, { push = false }: SearchOptions = {}): void {
  const path = toAppPath(window.location.pathname);
  navigate(path + mergeSearch(window.location.search, update), { replace: !push });
}

/** The current query and a setter that merges into it: filters live in the URL, so back, forward and bookmarks keep them. */
export function useSearchParams(): [URLSearchParams, typeof setSearch] {
  const { search } = useLocation();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  return [params, setSearch];
}

/**
 * Typed filters kept in the query: `const [f, setF] = useQueryState({ status: '', q: '' })`. A key missing
 * from the URL reads as its default, and a value set back to its default leaves the URL.
 */
export function useQueryState<T extends { [K in keyof T]: string }>(
  defaults: T,
): [T, (update: Partial<T>, options?: SearchOptions) => void] {
  const [params] = useSearchParams();
  const entries = Object.entries(defaults as Record<string, string>);
  const values = Object.fromEntries(entries.map(([k, d]) => [k, params.get(k) ?? d])) as T;
  // The setter keeps one identity (effects and memoised children may depend on it) and reads the latest defaults.
  const latest = useRef<Record<string, string>>(defaults);
  latest.current = defaults;
  const set = useCallback((update: Partial<T>, options?: SearchOptions) => {
    const changes = Object.entries(update as Record<string, string | undefined>);
    setSearch(Object.fromEntries(changes.map(([k, v]) => [k, v === latest.current[k] ? null : v])), options);
  }, []);
  return [values, set];
}

/**
 * A list page with an editor opened by `?edit=new|<id>` (plans, contests): `open` pushes a history entry so
 * Back closes the editor; `close(name)` returns to the list and keeps the saved item's name for a notice.
 */
export function useEditorQuery<T extends { edit: string } & { [K in keyof T]: string }>(defaults: T) {
  const [query, setQuery] = useQueryState(defaults);
  const [saved, setSaved] = useState('');
  const open = (edit: string) => {
    setSaved('');
    setQuery({ edit } as Partial<T>, { push: true });
  };
  const close = (name = '') => {
    setSaved(name);
    setQuery({ edit: '' } as Partial<T>);
  };
  return { query, setQuery, saved, open, close };
}
