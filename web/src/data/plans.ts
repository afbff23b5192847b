/** Commission plans: the list (optionally those covering one KOS), one plan, and saving (owners and admins). */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../api';
import type { Page, Plan } from '../types';

const PAGE_SIZE = 50;

/** Plans page by page (`GET /plans`); `kosId` keeps those that cover that KOS. */
export function usePlanPages(kosId: string) {
  return useInfiniteQuery({
    queryKey: ['plans', 'list', kosId],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api<Page<Plan>>(`/plans${qs({ kosId, limit: PAGE_SIZE, cursor: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One plan (`GET /plans/{id}`); '' or `new` asks nothing. */
export function usePlan(id: string) {
  return useQuery({
    queryKey: ['plans', 'one', id],
    queryFn: () => api<Plan>(`/plans/${encodeURIComponent(id)}`),
    enabled: id !== '' && id !== 'new',
  });
}

/** Creates a plan (no `id`: `POST /plans`) or changes one (`PATCH /plans/{id}`); a 409 names the overlapping plan. */
export function useSavePlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Record<string, unknown> }) =>
      id
        ? api<Plan>(`/plans/${encodeURIComponent(id)}`, { method: 'PATCH', body })
        : api<Plan>('/plans', { method: 'POST', body }),
    onSuccess: (saved) => {
      client.setQueryData(['plans', 'one', saved.id], saved);
      void client.invalidateQueries({ queryKey: ['plans'] });
    },
  });
}
