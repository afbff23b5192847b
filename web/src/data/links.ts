import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { linkCreate, linkPatch } from '../../../src/features/links/links.schema';
import { api, qs } from '../api';
import type { Page, TrackedLink } from '../types';

/** The filters of `/links`, as `GET /links` query parameters (`disabled` is `'true'`, `'false'` or `''`). */
export interface LinkFilter {
  kosId: string;
  productId: string;
  campaign: string;
  disabled: string;
}

/** No filter: every link the caller may see (the defaults of the page's `useQueryState`). */
export const NO_LINK_FILTER: LinkFilter = { kosId: '', productId: '', campaign: '', disabled: '' };

/** What the link form sends: a PATCH body, plus `kosId` when it creates (`POST /links`). */
export type LinkBody = z.input<typeof linkPatch> & Partial<Pick<z.input<typeof linkCreate>, 'kosId'>>;

/** How a link is shown: disabled, expired (its expiry passed, as the redirect judges it) or active. */
export function linkStatus(link: TrackedLink, now = Date.now()): 'active' | 'disabled' | 'expired' {
  if (link.disabled) return 'disabled';
  if (link.expiresAt !== null && Date.parse(link.expiresAt) <= now) return 'expired';
  return 'active';
}

/** The same-origin URL of a link's QR code (SVG of its short URL), for `<img src>` and the download. */
export const qrUrl = (id: string): string => `/api/v1/links/${encodeURIComponent(id)}/qr.svg`;

/** The links matching `filter`, 50 a page (`fetchNextPage` for more). */
export function useLinkList(filter: LinkFilter) {
  return useInfiniteQuery({
    queryKey: ['links', 'list', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api<Page<TrackedLink>>(`/links${qs({ ...filter, limit: 50, cursor: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Creates a link (`id` null: `POST /links`) or changes one (`PATCH /links/{id}`); every list of links is asked again. */
export function useSaveLink(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LinkBody) =>
      id === null
        ? api<TrackedLink>('/links', { method: 'POST', body })
        : api<TrackedLink>(`/links/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['links'] }),
  });
}
