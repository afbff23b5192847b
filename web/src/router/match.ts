/**
 * Path patterns such as `/kos/:id`, matched against a console path (the part after `/app`). Pure: the
 * route table, the unit tests and the sidebar all use it.
 */
export type Params = Readonly<Record<string, string>>;

/** `/kos/` and `/kos` are one page; the root stays `/`. */
export function normalizePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

const segmentsOf = (path: string) => normalizePath(path).split('/').filter(Boolean);

/** The params of `path` under `pattern` (`:name` matches one non-empty segment), or null. */
export function matchPath(pattern: string, path: string): Params | null {
  const want = segmentsOf(pattern);
  const got = segmentsOf(path);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const value = got[i] ?? '';
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(value);
      } catch {
        return null; // a malformed escape (`%E0%A4%A`) names no record
      }
    } else if (part !== value) return null;
  }
  return params;
}

/** How specific a pattern is: static segments win over params, so `/kos/new` beats `/kos/:id`. */
const staticCount = (pattern: string) => segmentsOf(pattern).filter((s) => !s.startsWith(':')).length;

/** The most specific route whose pattern matches `path` (table order breaks ties), or null. */
export function bestMatch<R extends { path: string }>(routes: readonly R[], path: string): { route: R; params: Params } | null {
  let best: { route: R; params: Params; score: number } | null = null;
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    const score = staticCount(route.path);
    if (!best || score > best.score) best = { route, params, score };
  }
  return best && { route: best.route, params: best.params };
}

/** `pattern` with its params filled in and escaped: `fillPath('/kos/:id', { id })`. */
export function fillPath(pattern: string, params: Params): string {
  return pattern.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}
