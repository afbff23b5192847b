import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMyLedger } from '../../data/me';
import { formatDate, formatMoney } from '../../format';
import { Link } from '../../router/link';
import { useMe } from '../../session';
import type { LedgerEntry } from '../../types';
import { Badge } from '../ui/badge';
import { EmptyState } from '../ui/empty-state';
import { ErrorBox } from '../ui/error-box';
import { Loading } from '../ui/loading';
import { type Column, ResponsiveList } from '../ui/responsive-list';

const TOTALS = ['pending', 'approved', 'paid'] as const;
const STEP = 20;

/**
 * The KOS member's earnings: totals by status (void entries count nowhere) and the entries, newest first. On
 * the home page (not `standalone`) it leads to /me/earnings, with the payouts and their statements (docs/portal.md).
 */
export function MyEarnings({ kosId, standalone = false }: { kosId: string; standalone?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const me = useMe();
  const ledger = useMyLedger(kosId);
  const [shown, setShown] = useState(STEP);
  const entries = [...(ledger.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const currency = entries[0]?.currency ?? me.org.currency;
  const total = (status: (typeof TOTALS)[number]) =>
    entries.filter((e) => e.status === status).reduce((sum, e) => sum + e.amountMinor, 0);
  const columns: Column<LedgerEntry>[] = [
    { key: 'kind', header: t('me.earnings.kind'), role: 'title', cell: (e) => <Badge of="ledger.kind" value={e.kind} /> },
    {
      key: 'status',
      header: t('me.earnings.status'),
      role: 'status',
      cell: (e) => <Badge of="ledger.status" value={e.status} />,
    },
    { key: 'amount', header: t('me.earnings.amount'), cell: (e) => formatMoney(e.amountMinor, e.currency, lang), numeric: true },
    { key: 'date', header: t('me.earnings.date'), cell: (e) => formatDate(e.createdAt, lang, me.org.timezone) },
    {
      key: 'eligible',
      header: t('me.earnings.eligibleAt'),
      cell: (e) => (e.eligibleAt ? formatDate(e.eligibleAt, lang, me.org.timezone) : t('common.none')),
    },
    { key: 'reason', header: t('me.earnings.reason'), cell: (e) => e.reason ?? t('common.none') },
  ];

  return (
    <section className="me-section" id="me-earnings" aria-labelledby="me-earnings-title" data-testid="my-earnings">
      <h2 id="me-earnings-title">{t('me.earnings.heading')}</h2>
      {ledger.isPending && <Loading />}
      {ledger.isError && <ErrorBox error={ledger.error} onRetry={() => void ledger.refetch()} />}
      {ledger.data && (
        <dl className="me-totals" data-testid="my-totals">
          {TOTALS.map((s) => (
            <div key={s} className="metric" data-testid={`total-${s}`}>
              <dt className="metric-label">{t(`me.earnings.total.${s}`)}</dt>
              <dd className="metric-value">{formatMoney(total(s), currency, lang)}</dd>
            </div>
          ))}
        </dl>
      )}
      {!standalone && (
        <p>
          <Link to="/me/earnings" data-testid="open-earnings">
            {t('myEarnings.open')}
          </Link>
        </p>
      )}
      {ledger.isSuccess && entries.length === 0 && <EmptyState>{t('me.earnings.empty')}</EmptyState>}
      {entries.length > 0 && (
        <ResponsiveList
          data-testid="my-entry-table"
          caption={t('me.earnings.entries')}
          rows={entries.slice(0, shown)}
          columns={columns}
          rowKey={(e) => e.id}
        />
      )}
      {entries.length > shown && (
        <button type="button" className="btn" onClick={() => setShown(shown + STEP)}>
          {t('common.loadMore')}
        </button>
      )}
    </section>
  );
}
