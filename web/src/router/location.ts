import { useSyncExternalStore } from 'react';
import { normalizePath } from './match';

/**
 * The browser's location as the console sees it: paths without Vite's base (`/app`), changed with the
 * History API. The server answers index.html for every /app/* path, so any of them can be loaded directly.
 */
const BASE = import.meta.env.BASE_URL.replace(/\/$/, '');
/** Fired after pushState/replaceState, which (unlike back/forward) fire no event of their own. */
const CHANGE = 'kos:location';

/** A console path and its query (`/kos`, `?status=active`). */
export interface AppLocation {
  path: string;
  search: string;
}

/** `/app/kos/1` → `/kos/1`; a path outside the base is returned as it is. */
export function toAppPath(pathname: string): string {
  const inside = pathname === BASE || pathname.startsWith(`${BASE}/`);
  return normalizePath(inside ? pathname.slice(BASE.length) : pathname);
}

/** The URL of a console path (`/kos?status=active` → `/app/kos?status=active`). */
export const hrefOf = (to: string): string => `${BASE}${to.startsWith('/') ? to : `/${to}`}`;

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

// One string snapshot, so React sees no change unless the URL really changed.
const snapshot = () => window.location.pathname + window.location.search;

export function useLocation(): AppLocation {
  const url = useSyncExternalStore(subscribe, snapshot);
  const q = url.indexOf('?');
  return { path: toAppPath(q < 0 ? url : url.slice(0, q)), search: q < 0 ? '' : url.slice(q) };
}

/**
 * Goes to a console path (`navigate('/kos/' + id)`). `replace` rewrites the current history entry
 * (filters as they are typed) instead of adding one (a new page, which back returns from).
 */
export function navigate(to: string, { replace = false }: { replace?: boolean } = {}): void {
  const href = hrefOf(to);
  if (href === snapshot()) return;
  if (replace) window.history.replaceState(window.history.state, '', href);
  else {
    window.history.pushState(null, '', href);
    window.scrollTo(0, 0);
  }
  window.dispatchEvent(new Event(CHANGE));
}
