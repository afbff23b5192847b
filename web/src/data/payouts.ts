import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAll, qs } from '../api';
import type { ClosePeriod, Locale, Payout } from '../types';

/** A money step of one payout: approve a draft, or mark an approved payout paid with the bank transfer's reference. */
export type PayoutStep = { kind: 'approve'; payout: Payout } | { kind: 'mark-paid'; payout: Payout; reference: string };

/** The same-origin URL of a month's bank/payroll export (CSV, UTF-8 with a BOM) for a download link. */
export const exportUrl = (period: string): string => `/api/v1/payouts/export.csv${qs({ period })}`;

/** The same-origin URL of a payout's printable statement (HTML) in `lang`. */
export const statementUrl = (payout: Pick<Payout, 'id'>, lang: Locale): string =>
  `/api/v1/payouts/${encodeURIComponent(payout.id)}/statement${qs({ lang })}`;

/** Every payout of `period` (`YYYY-MM`); asks nothing while `enabled` is false (a month not chosen yet). */
export function usePayouts(period: string, enabled = true) {
  return useQuery({
    queryKey: ['payouts', 'list', period],
    queryFn: () => fetchAll<Payout>('/payouts', { period }),
    enabled,
  });
}

/** What a money step changes: the payouts, and the ledger entries they pay (approved, then paid). */
function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['payouts'] }),
      queryClient.invalidateQueries({ queryKey: ['ledger'] }),
    ]);
}

/** Closes an ended month (`mutate(period)`): one draft payout per KOS; closing it again answers the same payouts. */
export function useClosePeriod() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (period: string) => api<ClosePeriod>('/payouts/close', { method: 'POST', body: { period } }),
    onSuccess: refresh,
  });
}

/** Runs one PayoutStep (`mutate(step)`): `POST /payouts/{id}/approve` or `/mark-paid` with `{ reference }`. */
export function usePayoutStep() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (step: PayoutStep) => {
      const path = `/payouts/${encodeURIComponent(step.payout.id)}`;
      return step.kind === 'approve'
        ? api<Payout>(`${path}/approve`, { method: 'POST' })
        : api<Payout>(`${path}/mark-paid`, { method: 'POST', body: { reference: step.reference } });
    },
    onSuccess: refresh,
  });
}
