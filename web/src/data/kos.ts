/** The KOS roster, one KOS's record, its platform accounts, and the paged lists of the KOS page's tabs. */
import {
  type InfiniteData,
  type UseInfiniteQueryResult,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type { accountCreate } from '../../../src/features/accounts/accounts.schema';
import type { kosCreate } from '../../../src/features/kos/kos.schema';
import { api, fetchAll, qs } from '../api';
import type { Kos, Page, PlatformAccount } from '../types';

/** The body of POST /kos, as the form sends it (PATCH /kos/{id} takes the same fields). */
export type KosCreateBody = z.input<typeof kosCreate>;
/** The body of POST /kos/{id}/accounts and PATCH /accounts/{id}. */
export type AccountBody = z.input<typeof accountCreate>;

/** A list read page by page (`{ items, nextCursor }`): `data.pages`, `hasNextPage`, `fetchNextPage()`. */
export type PagedList<T> = UseInfiniteQueryResult<InfiniteData<Page<T>>, Error>;

/** How many rows a page of a tab or the roster asks for. */
const PAGE_SIZE = 50;

const kosPath = (id: string) => `/kos/${encodeURIComponent(id)}`;

/**
 * Any cursor-paged list of the API (`/kos`, `/links`, `/lines`…) with `params` as its filters (empty ones are
 * left out); cached under `[...key, params]`, so invalidating `key` (or a prefix of it) reloads it.
 */
export function usePagedList<T>(
  key: readonly unknown[],
  path: string,
  params: Record<string, string | undefined> = {},
): PagedList<T> {
  return useInfiniteQuery({
    queryKey: [...key, params],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api<Page<T>>(path + qs({ ...params, limit: PAGE_SIZE, cursor: pageParam })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One KOS (GET /kos/{id}); the same cache entry as `useKos` of data.ts. */
export function useKosRecord(id: string) {
  return useQuery({ queryKey: ['kos', 'one', id], queryFn: () => api<Kos>(kosPath(id)) });
}

/** Creates a KOS (no `id`) or changes the KOS `id`; the roster, counts and the record are reloaded. */
export function useSaveKos(id?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: KosCreateBody) =>
      id ? api<Kos>(kosPath(id), { method: 'PATCH', body }) : api<Kos>('/kos', { method: 'POST', body }),
    onSuccess: (kos) => {
      client.setQueryData(['kos', 'one', kos.id], kos);
      void client.invalidateQueries({ queryKey: ['kos'] });
    },
  });
}

/** A KOS's platform accounts, all of them (a KOS has a handful); the same cache entry as `useKosAccounts`. */
export function useAccounts(kosId: string) {
  return useQuery({
    queryKey: ['kos', 'accounts', kosId],
    queryFn: () => fetchAll<PlatformAccount>(`${kosPath(kosId)}/accounts`),
  });
}

/** `save` adds an account (no `accountId`) or changes one; `remove` deletes one by id. Both reload the list. */
export function useAccountMutations(kosId: string) {
  const client = useQueryClient();
  // An account change can change the KOS's onboarding steps and, completing them, its status.
  const reload = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['kos', 'accounts', kosId] }),
      client.invalidateQueries({ queryKey: ['kos', 'onboarding', kosId] }),
      client.invalidateQueries({ queryKey: ['kos', 'one', kosId] }),
      client.invalidateQueries({ queryKey: ['matrix'] }),
    ]);
  const save = useMutation({
    mutationFn: ({ accountId, body }: { accountId?: string; body: AccountBody }) =>
      accountId
        ? api<PlatformAccount>(`/accounts/${encodeURIComponent(accountId)}`, { method: 'PATCH', body })
        : api<PlatformAccount>(`${kosPath(kosId)}/accounts`, { method: 'POST', body }),
    onSuccess: reload,
  });
  const remove = useMutation({
    mutationFn: (accountId: string) => api<void>(`/accounts/${encodeURIComponent(accountId)}`, { method: 'DELETE' }),
    onSuccess: reload,
  });
  return { save, remove };
}
