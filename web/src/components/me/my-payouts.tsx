import { useTranslation } from 'react-i18next';
import { useMyPayouts } from '../../data/me';
import { formatMoney } from '../../format';
import type { Payout } from '../../types';
import { Badge } from '../ui/badge';
import { EmptyState } from '../ui/empty-state';
import { ErrorBox } from '../ui/error-box';
import { Loading } from '../ui/loading';
import { type Column, ResponsiveList } from '../ui/responsive-list';

/** The KOS member's monthly payouts, newest month first, each with its printable statement. */
export function MyPayouts({ kosId }: { kosId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const payouts = useMyPayouts(kosId);
  const rows = [...(payouts.data ?? [])].sort((a, b) => b.period.localeCompare(a.period));
  const money = (minor: number, p: Payout) => formatMoney(minor, p.currency, lang);
  const columns: Column<Payout>[] = [
    { key: 'period', header: t('me.payouts.period'), role: 'title', cell: (p) => <span className="mono">{p.period}</span> },
    {
      key: 'status',
      header: t('me.payouts.status'),
      role: 'status',
      cell: (p) => <Badge of="payouts.status" value={p.status} />,
    },
    { key: 'gross', header: t('me.payouts.gross'), cell: (p) => money(p.grossMinor, p), numeric: true },
    { key: 'withheld', header: t('me.payouts.withheld'), cell: (p) => money(p.withheldMinor, p), numeric: true },
    { key: 'net', header: t('me.payouts.net'), cell: (p) => money(p.netMinor, p), numeric: true },
    {
      key: 'statement',
      header: t('me.actions'),
      role: 'actions',
      cell: (p) => (
        <a
          className="btn small"
          href={`/api/v1/payouts/${encodeURIComponent(p.id)}/statement?lang=${encodeURIComponent(lang)}`}
          target="_blank"
          rel="noopener"
        >
          {t('me.payouts.statement')}
        </a>
      ),
    },
  ];
  return (
    <section className="me-section" id="me-payouts" aria-labelledby="me-payouts-title" data-testid="my-payouts">
      <h2 id="me-payouts-title">{t('me.payouts.heading')}</h2>
      {payouts.isPending && <Loading />}
      {payouts.isError && <ErrorBox error={payouts.error} onRetry={() => void payouts.refetch()} />}
      {payouts.isSuccess && rows.length === 0 && <EmptyState>{t('me.payouts.empty')}</EmptyState>}
      {rows.length > 0 && (
        <ResponsiveList
          data-testid="my-payout-table"
          caption={t('me.payouts.heading')}
          rows={rows}
          columns={columns}
          rowKey={(p) => p.id}
        />
      )}
    </section>
  );
}
