import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { productCreate } from '../../../src/features/products/products.schema';
import { api, fetchAll, qs } from '../api';
import type { Page, Product } from '../types';

/** The filters of `/products`: `q` searches SKU and name, `category` matches a category. */
export interface ProductFilter {
  q: string;
  category: string;
}

/** No filter: the whole catalogue (the defaults of the page's `useQueryState`). */
export const NO_PRODUCT_FILTER: ProductFilter = { q: '', category: '' };

/** What the product form sends, whole, to `POST /products` or `PATCH /products/{id}` (it replaces FAQs and platform ids). */
export type ProductBody = z.input<typeof productCreate>;

/** The products matching `filter`, 50 a page (`fetchNextPage` for more). */
export function useProductList(filter: ProductFilter) {
  return useInfiniteQuery({
    queryKey: ['products', 'list', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api<Page<Product>>(`/products${qs({ ...filter, limit: 50, cursor: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The whole catalogue, for pickers and labels (a link's product). */
export function useAllProducts() {
  return useQuery({ queryKey: ['products', 'all'], queryFn: () => fetchAll<Product>('/products') });
}

/** Creates a product (`id` null) or changes one (owners and admins); every product query is asked again. */
export function useSaveProduct(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProductBody) =>
      id === null
        ? api<Product>('/products', { method: 'POST', body })
        : api<Product>(`/products/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['products'] }),
  });
}
