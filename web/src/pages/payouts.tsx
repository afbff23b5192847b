import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../access/use-can';
import { PayoutList } from '../components/payouts/payout-list';
import { type PayoutAsk, PayoutStepDialog } from '../components/payouts/payout-step-dialog';
import { PayoutTotals } from '../components/payouts/payout-totals';
import { ConfirmDialog } from '../components/ui/confirm-dialog';
import { EmptyState } from '../components/ui/empty-state';
import { ErrorBox } from '../components/ui/error-box';
import { Field } from '../components/ui/field';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { useAllKos } from '../data';
import { exportUrl, useClosePeriod, usePayoutStep, usePayouts } from '../data/payouts';
import { isPeriod, previousPeriod, todayIn } from '../dates';
import { useQueryState } from '../router/search-params';
import { useMe } from '../session';
import type { Payout } from '../types';
import '../styles/payouts.css';

/**
 * `/app/payouts?period=YYYY-MM`: the payouts of a month. Owners and admins close the month, approve and
 * mark paid (each money step confirmed in a dialog), download the bank/payroll export; everyone here
 * opens a payout's printable statement in their language. Managers and viewers only read.
 */
export default function PayoutsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  // Months are closed once they have ended: the last one is the usual choice.
  const [{ period }, setQuery] = useQueryState({ period: previousPeriod(todayIn(me.org.timezone).slice(0, 7)) });
  const valid = isPeriod(period);
  const payouts = usePayouts(period, valid);
  const roster = useAllKos();
  const kosName = new Map((roster.data ?? []).map((k) => [k.id, `${k.name} (${k.code})`]));
  const nameOf = (p: Payout) => kosName.get(p.kosId) ?? p.kosId;
  const close = useClosePeriod();
  const step = usePayoutStep();
  const [closing, setClosing] = useState(false);
  const [asking, setAsking] = useState<PayoutAsk>(null);
  const rows = payouts.data ?? [];

  const ask = (next: PayoutAsk) => {
    step.reset();
    setAsking(next);
  };
  const askClose = () => {
    close.reset();
    setClosing(true);
  };

  return (
    <section className="payouts-page">
      <PageHeader title={t('payouts.title')}>
        <Field label={t('payouts.field.period')}>
          <input
            type="month"
            name="period"
            value={period}
            onChange={(e) => setQuery({ period: e.target.value }, { push: true })}
          />
        </Field>
        {can('payouts.close') && (
          <button type="button" className="btn primary" data-testid="close-month" disabled={!valid} onClick={askClose}>
            {t('payouts.close')}
          </button>
        )}
        {valid && can('payouts.export') && (
          <a className="btn" data-testid="export-csv" href={exportUrl(period)} download={`payouts-${period}.csv`}>
            {t('payouts.exportCsv')}
          </a>
        )}
      </PageHeader>
      <div data-testid="payout-messages">
        {close.data && !closing && (
          <p className="notice" role="status">
            {t('payouts.closed', { count: close.data.payouts.length, period: close.data.period })}
          </p>
        )}
      </div>
      {!valid && <EmptyState>{t('payouts.choosePeriod')}</EmptyState>}
      {payouts.isPending && valid && <Loading />}
      {payouts.isError && <ErrorBox error={payouts.error} onRetry={() => void payouts.refetch()} />}
      {payouts.isSuccess && rows.length === 0 && <EmptyState>{t('payouts.empty')}</EmptyState>}
      {rows.length > 0 && (
        <>
          <PayoutTotals rows={rows} />
          <PayoutList
            rows={rows}
            nameOf={nameOf}
            busy={step.isPending}
            onApprove={(payout) => ask({ kind: 'approve', payout })}
            onMarkPaid={(payout) => ask({ kind: 'mark-paid', payout })}
          />
        </>
      )}
      <ConfirmDialog
        open={closing}
        title={t('payouts.closeConfirm.title', { period })}
        confirmLabel={t('payouts.close')}
        busy={close.isPending}
        error={close.error}
        onConfirm={() => close.mutate(period, { onSuccess: () => setClosing(false) })}
        onCancel={() => setClosing(false)}
      >
        <p>{t('payouts.closeConfirm.text', { period })}</p>
      </ConfirmDialog>
      <PayoutStepDialog
        asking={asking}
        nameOf={nameOf}
        busy={step.isPending}
        error={step.error}
        onConfirm={(next) => step.mutate(next, { onSuccess: () => setAsking(null) })}
        onCancel={() => setAsking(null)}
      />
    </section>
  );
}
