/** Contests: the list, one contest, its standings (live while running), saving and closing. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAll } from '../api';
import type { Kos } from '../types';
import { type CloseAnswer, type Contest, LIVE_REFRESH_MS, type Standings } from './contests-enums';

const path = (id: string) => `/contests/${encodeURIComponent(id)}`;

/** Every contest the caller sees (a KOS member: those they take part in). */
export function useContests() {
  return useQuery({ queryKey: ['contests', 'list'], queryFn: () => fetchAll<Contest>('/contests') });
}

/** One contest; '' or `new` asks nothing. Asked again every LIVE_REFRESH_MS while running (it may end). */
export function useContest(id: string) {
  return useQuery({
    queryKey: ['contests', 'one', id],
    queryFn: () => api<Contest>(path(id)),
    enabled: id !== '' && id !== 'new',
    refetchInterval: (query) => (query.state.data?.status === 'running' ? LIVE_REFRESH_MS : false),
  });
}

/** The standings of a contest; `live` asks again every LIVE_REFRESH_MS (a running contest). */
export function useStandings(id: string, live: boolean, enabled = true) {
  return useQuery({
    queryKey: ['contests', 'standings', id],
    queryFn: () => api<Standings>(`${path(id)}/standings`),
    enabled: enabled && id !== '',
    refetchInterval: live ? LIVE_REFRESH_MS : false,
    refetchIntervalInBackground: live,
  });
}

/** Creates a contest (no `id`: `POST /contests`) or changes one (`PATCH /contests/{id}`). */
export function useSaveContest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Record<string, unknown> }) =>
      id ? api<Contest>(path(id), { method: 'PATCH', body }) : api<Contest>('/contests', { method: 'POST', body }),
    onSuccess: (saved) => {
      client.setQueryData(['contests', 'one', saved.id], saved);
      void client.invalidateQueries({ queryKey: ['contests'] });
    },
  });
}

/** Closes an ended contest (books its awards once; closing again answers the same awards). */
export function useCloseContest(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<CloseAnswer>(`${path(id)}/close`, { method: 'POST', body: {} }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['contests'] });
      void client.invalidateQueries({ queryKey: ['ledger'] });
    },
  });
}

/** A KOS member's own KOS record (to mark their unit's row in a unit contest); nothing for staff (`null`). */
export function useOwnKos(kosId: string | null) {
  return useQuery({
    queryKey: ['kos', 'one', kosId ?? ''],
    queryFn: () => api<Kos>(`/kos/${encodeURIComponent(kosId ?? '')}`),
    enabled: !!kosId,
  });
}
