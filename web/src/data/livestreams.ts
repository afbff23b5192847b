/** Livestream sessions: the list, the calendar's month, one session, its funnel, and saving (create, edit, stats, status). */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAll, qs } from '../api';
import { isDate } from '../dates';
import type { Livestream, LivestreamMetrics, Page, PlatformAccount, Product } from '../types';

/** The list's filters as the page holds them ('' = not set); dates are `YYYY-MM-DD` in the org's zone. */
export interface LivestreamFilter {
  kosId: string;
  status: string;
  from: string;
  to: string;
}

const PAGE_SIZE = 50;
const path = (id: string) => `/livestreams/${encodeURIComponent(id)}`;

/** The list's query: `from`/`to` only when they are dates (`[from, to)`, "starting before" `to`, as the API reads them). */
const listParams = (f: LivestreamFilter) => ({
  kosId: f.kosId || undefined,
  status: f.status || undefined,
  from: isDate(f.from) ? f.from : undefined,
  to: isDate(f.to) ? f.to : undefined,
});

/** Sessions page by page (`GET /livestreams`), filtered as in the URL. */
export function useLivestreamPages(filter: LivestreamFilter) {
  const params = listParams(filter);
  return useInfiniteQuery({
    queryKey: ['livestreams', 'list', params],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api<Page<Livestream>>(`/livestreams${qs({ ...params, limit: PAGE_SIZE, cursor: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Every session scheduled in `[from, to)` (org-zone dates), for the calendar. */
export function useLivestreamsBetween(filter: Pick<LivestreamFilter, 'kosId' | 'status'>, from: string, to: string) {
  const params = { kosId: filter.kosId || undefined, status: filter.status || undefined, from, to };
  return useQuery({
    queryKey: ['livestreams', 'between', params],
    queryFn: () => fetchAll<Livestream>('/livestreams', params),
  });
}

/** One session (`GET /livestreams/{id}`). */
export function useLivestream(id: string) {
  return useQuery({ queryKey: ['livestreams', 'one', id], queryFn: () => api<Livestream>(path(id)), enabled: id !== '' });
}

/** A session's funnel metrics (`GET /livestreams/{id}/metrics`). */
export function useLivestreamMetrics(id: string) {
  return useQuery({
    queryKey: ['livestreams', 'metrics', id],
    queryFn: () => api<LivestreamMetrics>(`${path(id)}/metrics`),
    enabled: id !== '',
  });
}

/** The platform accounts of a KOS, for the session form (nothing asked until a KOS is chosen). */
export function useAccountsOf(kosId: string) {
  return useQuery({
    queryKey: ['kos', 'accounts', kosId],
    queryFn: () => fetchAll<PlatformAccount>(`/kos/${encodeURIComponent(kosId)}/accounts`),
    enabled: kosId !== '',
  });
}

/** The whole product catalogue, for a session's products and flash offers. */
export function useCatalogue() {
  return useQuery({ queryKey: ['products', 'all'], queryFn: () => fetchAll<Product>('/products') });
}

/**
 * Creates a session (no `id`: `POST /livestreams`) or changes one (`PATCH /livestreams/{id}`: fields, stats or a
 * status move). Refreshes every session list and, since ending a session books its fee, the ledger.
 */
export function useSaveLivestream() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Record<string, unknown> }) =>
      id ? api<Livestream>(path(id), { method: 'PATCH', body }) : api<Livestream>('/livestreams', { method: 'POST', body }),
    onSuccess: (saved) => {
      client.setQueryData(['livestreams', 'one', saved.id], saved);
      void client.invalidateQueries({ queryKey: ['livestreams'] });
      void client.invalidateQueries({ queryKey: ['ledger'] });
    },
  });
}
