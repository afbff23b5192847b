import { useTranslation } from 'react-i18next';
import { usePagedList } from '../../data/kos';
import { formatDate, formatMoney } from '../../format';
import { useMe } from '../../session';
import type { LedgerEntry, Payout } from '../../types';
import { Badge } from '../ui/badge';
import type { Column } from '../ui/responsive-list';
import { PagedTable } from './paged-table';

/** What the KOS earned: ledger entries (GET /ledger?kosId=) and monthly payouts (GET /payouts?kosId=). */
export function KosEarningsTab({ kosId }: { kosId: string }) {
  const { t, i18n } = useTranslation();
  const { org } = useMe();
  const lang = i18n.language;
  const entries = usePagedList<LedgerEntry>(['ledger', 'byKos', kosId], '/ledger', { kosId });
  const payouts = usePagedList<Payout>(['payouts', 'byKos', kosId], '/payouts', { kosId });
  const money = (minor: number, currency: string) => formatMoney(minor, currency, lang);

  const entryColumns: Column<LedgerEntry>[] = [
    { key: 'kind', header: t('kos.earnings.kind'), role: 'title', cell: (e) => <Badge of="ledger.kind" value={e.kind} /> },
    {
      key: 'status',
      header: t('kos.earnings.status'),
      role: 'status',
      cell: (e) => <Badge of="ledger.status" value={e.status} />,
    },
    { key: 'amount', header: t('kos.earnings.amount'), numeric: true, cell: (e) => money(e.amountMinor, e.currency) },
    { key: 'createdAt', header: t('kos.earnings.createdAt'), cell: (e) => formatDate(e.createdAt, lang, org.timezone) },
    {
      key: 'eligibleAt',
      header: t('kos.earnings.eligibleAt'),
      cell: (e) => (e.eligibleAt ? formatDate(e.eligibleAt, lang, org.timezone) : t('common.none')),
    },
    { key: 'reason', header: t('kos.earnings.reason'), cell: (e) => e.reason ?? t('common.none') },
  ];
  const payoutColumns: Column<Payout>[] = [
    { key: 'period', header: t('kos.earnings.period'), role: 'title', cell: (p) => <span className="mono">{p.period}</span> },
    {
      key: 'status',
      header: t('kos.earnings.status'),
      role: 'status',
      cell: (p) => <Badge of="payouts.status" value={p.status} />,
    },
    { key: 'gross', header: t('kos.earnings.gross'), numeric: true, cell: (p) => money(p.grossMinor, p.currency) },
    { key: 'withheld', header: t('kos.earnings.withheld'), numeric: true, cell: (p) => money(p.withheldMinor, p.currency) },
    { key: 'net', header: t('kos.earnings.net'), numeric: true, cell: (p) => money(p.netMinor, p.currency) },
    { key: 'reference', header: t('kos.earnings.reference'), cell: (p) => p.reference ?? t('common.none') },
  ];
  return (
    <section aria-labelledby="kos-earnings-title">
      <h2 id="kos-earnings-title">{t('kos.tab.earnings')}</h2>
      <h3>{t('kos.earnings.payouts')}</h3>
      <PagedTable
        data-testid="kos-payouts"
        list={payouts}
        columns={payoutColumns}
        rowKey={(p) => p.id}
        caption={t('kos.earnings.payouts')}
        empty={t('kos.earnings.noPayouts')}
      />
      <h3>{t('kos.earnings.entries')}</h3>
      <PagedTable
        data-testid="kos-ledger"
        list={entries}
        columns={entryColumns}
        rowKey={(e) => e.id}
        caption={t('kos.earnings.entries')}
        empty={t('kos.earnings.noEntries')}
      />
    </section>
  );
}
