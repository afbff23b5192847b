/** A KOS member's own data for /me: their record, links, lines, ledger, payouts and upcoming sessions. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { kosPatch } from '../../../src/features/kos/kos.schema';
import { api, fetchAll } from '../api';
import type { Kos, LedgerEntry, Livestream, OrderLine, Payout, TrackedLink } from '../types';
import { usePagedList } from './kos';

type KosPatchBody = z.input<typeof kosPatch>;
/** What a KOS member may change of their own record (PATCH /kos/{id}): bio, avatar and contacts. */
export type OwnProfile = Required<Pick<KosPatchBody, 'bio' | 'avatarUrl' | 'contacts'>>;

/** The member's own KOS record; the API answers no other (the same cache entry as the KOS page's). */
export function useMyKos(kosId: string) {
  return useQuery({ queryKey: ['kos', 'one', kosId], queryFn: () => api<Kos>(`/kos/${encodeURIComponent(kosId)}`) });
}

/** Saves the member's bio, avatar and contacts (the contacts replace the stored ones). */
export function useSaveOwnProfile(kosId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (profile: OwnProfile) => api<Kos>(`/kos/${encodeURIComponent(kosId)}`, { method: 'PATCH', body: profile }),
    onSuccess: (kos) => client.setQueryData(['kos', 'one', kos.id], kos),
  });
}

/** The member's tracked links, page by page. */
export function useMyLinks(kosId: string) {
  return usePagedList<TrackedLink>(['links', 'byKos', kosId], '/links', { kosId });
}

/** The order lines attributed to the member, page by page (newest first, as the API lists them). */
export function useMyLines(kosId: string) {
  return usePagedList<OrderLine>(['lines', 'byKos', kosId], '/lines', { kosId });
}

/** Every ledger entry of the member (the earnings' totals add them all up). */
export function useMyLedger(kosId: string) {
  return useQuery({ queryKey: ['ledger', 'allOfKos', kosId], queryFn: () => fetchAll<LedgerEntry>('/ledger', { kosId }) });
}

/** Every monthly payout of the member. */
export function useMyPayouts(kosId: string) {
  return useQuery({ queryKey: ['payouts', 'allOfKos', kosId], queryFn: () => fetchAll<Payout>('/payouts', { kosId }) });
}

/** The member's sessions from `today` (YYYY-MM-DD, org time zone) on that are scheduled or live, soonest first. */
export function useMyUpcomingSessions(kosId: string, today: string) {
  return useQuery({
    queryKey: ['livestreams', 'upcomingOfKos', kosId, today],
    queryFn: async () =>
      (await fetchAll<Livestream>('/livestreams', { kosId, from: today }))
        .filter((s) => s.status === 'scheduled' || s.status === 'live')
        .sort((a, b) => a.scheduledStart.localeCompare(b.scheduledStart)),
  });
}
