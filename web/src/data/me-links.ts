/** A KOS member's own links (docs/portal.md "Own links"): the catalogue to pick from, and making a link. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ownLinkCreate } from '../../../src/features/links/links.schema';
import { api, qs } from '../api';
import type { Page, Product, TrackedLink } from '../types';

export type OwnLinkBody = Pick<z.input<typeof ownLinkCreate>, 'productId' | 'title'>;

/** Up to 20 catalogue products whose name or SKU holds `q` (all of the first 20 when `q` is empty). */
export function useCatalogueSearch(q: string) {
  return useQuery({
    queryKey: ['products', 'search', q],
    queryFn: () => api<Page<Product>>(`/products${qs({ q, limit: 20 })}`),
    placeholderData: (previous) => previous,
  });
}

/** `POST /links {productId, title?}`: the link goes to the product's page; every list of links is asked again. */
export function useCreateOwnLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OwnLinkBody) => api<TrackedLink>('/links', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['links'] }),
  });
}
