import type { Page } from './types';

/** Values a problem's text is filled with (`{ minimum: 4 }` for `field.too_small`). */
export type ProblemParams = Readonly<Record<string, string | number | boolean | null | readonly string[] | readonly number[]>>;

/** One field of a 422/409: `path` names it (`code`, `taxProfile.taxCode`); `key` and `params` say why. */
export interface FieldProblem {
  path: string;
  message: string;
  key?: string;
  params?: ProblemParams;
}

/**
 * An application/problem+json answer of the API. `detail` and `message` are English for developers; the
 * console shows `key` (stable, e.g. `kos.code.taken`) translated with `params` instead (problem-text.ts).
 */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  code?: string;
  detail?: string;
  key?: string;
  params?: ProblemParams;
  errors?: FieldProblem[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
  get status(): number {
    return this.problem.status;
  }
}

/** fetch() itself failed: offline, or the server is down or unreachable. */
export class NetworkError extends Error {}

const BASE = '/api/v1';

/** Calls the API on the same origin with the session cookie; throws ApiError on a non-2xx answer. */
export function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  return send<T>(path, {
    method: init.method ?? 'GET',
    headers:
      init.body === undefined
        ? { accept: 'application/json' }
        : { 'content-type': 'application/json', accept: 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

/**
 * POSTs a multipart form (the browser sets the boundary); same answers as `api`.
 * `headers` adds request headers such as `Prefer: respond-async`.
 */
export function apiUpload<T>(path: string, form: FormData, headers: Record<string, string> = {}): Promise<T> {
  return send<T>(path, { method: 'POST', headers: { ...headers, accept: 'application/json' }, body: form });
}

async function send<T>(path: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(BASE + path, { ...init, credentials: 'same-origin' });
  } catch (e) {
    throw new NetworkError(e instanceof Error ? e.message : String(e));
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const p = (data && typeof data === 'object' ? data : {}) as Partial<Problem>;
    throw new ApiError({ ...p, status: res.status, detail: p.detail ?? (text.slice(0, 200) || res.statusText) });
  }
  return data as T;
}

/** A query string from the set values only. */
export function qs(params: Record<string, string | number | null | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') sp.set(k, String(v));
  const s = sp.toString();
  return s ? `?${s}` : '';
}

/** Every item of a list, page by page (500 a page), up to `maxPages`. */
export async function fetchAll<T>(path: string, params: Record<string, string | undefined> = {}, maxPages = 20): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < maxPages; i++) {
    const page = await api<Page<T>>(path + qs({ ...params, limit: 500, cursor }));
    items.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return items;
}
