import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, fetchAll, qs } from '../api';
import { type PayoutAction, PayoutTable } from '../components/payout-table';
import { Empty, ErrorBox, Loading } from '../components/status';
import { isPeriod, previousPeriod, todayIn } from '../dates';
import { useMe } from '../session';
import type { ClosePeriod, Payout } from '../types';

export function PayoutsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  // Months are closed once they have ended: the last one is the usual choice.
  const [period, setPeriod] = useState(() => previousPeriod(todayIn(me.org.timezone).slice(0, 7)));
  const valid = isPeriod(period);

  const payouts = useQuery({
    queryKey: ['payouts', period],
    queryFn: () => fetchAll<Payout>('/payouts', { period }),
    enabled: valid,
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['payouts'] });
    void queryClient.invalidateQueries({ queryKey: ['ledger'] });
  };

  const close = useMutation({
    mutationFn: (p: string) => api<ClosePeriod>('/payouts/close', { method: 'POST', body: { period: p } }),
    onSuccess: refresh,
  });
  const act = useMutation({
    mutationFn: (a: PayoutAction) =>
      api<Payout>(`/payouts/${encodeURIComponent(a.id)}/${a.kind}`, {
        method: 'POST',
        body: a.kind === 'mark-paid' ? { reference: a.reference } : {},
      }),
    onSuccess: refresh,
  });

  const choose = (value: string) => {
    setPeriod(value);
    close.reset();
    act.reset();
  };
  const rows = payouts.data ?? [];

  return (
    <section>
      <div className="page-head">
        <h1>{t('payout.title')}</h1>
        <div className="range">
          <label>
            {t('payout.period')}
            <input type="month" name="period" value={period} onChange={(e) => choose(e.target.value)} />
          </label>
          <button
            type="button"
            className="btn primary"
            data-testid="close-month"
            disabled={!valid || close.isPending}
            onClick={() => close.mutate(period)}
          >
            {close.isPending ? t('payout.closing') : t('payout.close')}
          </button>
          {valid && (
            <a className="btn" data-testid="export-csv" href={`/api/v1/payouts/export.csv${qs({ period })}`}>
              {t('payout.exportCsv')}
            </a>
          )}
        </div>
      </div>
      <div data-testid="payout-messages">
        {close.isError && <ErrorBox error={close.error} />}
        {act.isError && <ErrorBox error={act.error} />}
        {close.data && (
          <p className="notice" role="status">
            {t('payout.closed', { count: close.data.payouts.length })}
          </p>
        )}
      </div>
      {payouts.isPending && valid && <Loading />}
      {payouts.isError && <ErrorBox error={payouts.error} onRetry={() => void payouts.refetch()} />}
      {payouts.isSuccess && rows.length === 0 && <Empty>{t('payout.empty')}</Empty>}
      {rows.length > 0 && <PayoutTable rows={rows} busy={act.isPending} onAction={(a) => act.mutate(a)} />}
    </section>
  );
}
