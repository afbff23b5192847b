import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../api';
import type { LedgerEntry, Page } from '../types';

/** The filters of `/ledger`, as `GET /ledger` query parameters (`period` is `YYYY-MM`); `''` is unset. */
export interface LedgerFilter {
  kosId: string;
  kind: string;
  status: string;
  period: string;
}

/** No filter: every entry the caller may see (the defaults of the page's `useQueryState`). */
export const NO_LEDGER_FILTER: LedgerFilter = { kosId: '', kind: '', status: '', period: '' };

/** What `POST /ledger` books by hand: a bonus (positive) or an adjustment (any sign but 0), with its reason. */
export interface ManualEntry {
  kosId: string;
  kind: 'bonus' | 'adjustment';
  /** In minor units of the org's currency. */
  amountMinor: number;
  reason: string;
}

/** The ledger entries matching `filter`, 100 a page (`fetchNextPage` for more). */
export function useLedger(filter: LedgerFilter) {
  return useInfiniteQuery({
    queryKey: ['ledger', 'list', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api<Page<LedgerEntry>>(`/ledger${qs({ ...filter, limit: 100, cursor: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Books a manual entry (owners, admins); the ledger lists and the dashboard's figures are asked again. */
export function useBookEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entry: ManualEntry) => api<LedgerEntry>('/ledger', { method: 'POST', body: entry }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['ledger'] }),
        queryClient.invalidateQueries({ queryKey: ['analytics'] }),
      ]),
  });
}
