import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';

/** A tiny path router under Vite's base (`/app/`); the server answers index.html for every /app/* path. */
const BASE = import.meta.env.BASE_URL.replace(/\/$/, '');

export type Route = 'dashboard' | 'kos' | 'imports' | 'payouts' | 'units' | 'products' | 'settings';
export const ROUTES: readonly Route[] = ['dashboard', 'kos', 'imports', 'payouts', 'units', 'products', 'settings'];

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  return () => window.removeEventListener('popstate', onChange);
}

const currentPath = () => window.location.pathname;

export function routeOf(pathname: string): Route {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  const first = rest.split('/').filter(Boolean)[0] ?? '';
  return (ROUTES as readonly string[]).includes(first) ? (first as Route) : 'dashboard';
}

export const hrefOf = (route: Route): string => (route === 'dashboard' ? `${BASE}/` : `${BASE}/${route}`);

export function useRoute(): Route {
  return routeOf(useSyncExternalStore(subscribe, currentPath));
}

export function navigate(route: Route): void {
  const href = hrefOf(route);
  if (window.location.pathname !== href) window.history.pushState(null, '', href);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** An <a> that navigates without reloading (modifier-clicks still open a new tab). */
export function Link({ to, onClick, ...rest }: { to: Route } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={hrefOf(to)} onClick={handle} {...rest} />;
}
