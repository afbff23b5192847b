import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney, formatPercent } from '../../format';
import { Link } from '../../router/link';
import type { LedgerEntry } from '../../types';
import { Badge } from '../ui/badge';
import { type Column, ResponsiveList } from '../ui/responsive-list';

/** What an entry is for: its order line (with base × rate), its livestream session, or the reason given. */
function Cause({ entry }: { entry: LedgerEntry }) {
  const { t, i18n } = useTranslation();
  const rate =
    entry.baseMinor !== null && entry.rateBps !== null
      ? t('ledger.rateOf', {
          rate: formatPercent(entry.rateBps / 10_000, i18n.language),
          base: formatMoney(entry.baseMinor, entry.currency, i18n.language),
        })
      : null;
  if (entry.lineId)
    return (
      <span className="ledger-cause">
        {t('ledger.cause.line')} <span className="mono small">{entry.lineId}</span>
        {rate && <small className="muted">{rate}</small>}
      </span>
    );
  if (entry.sessionId) return <Link to={`/livestreams/${encodeURIComponent(entry.sessionId)}`}>{t('ledger.cause.session')}</Link>;
  if (entry.reason) return <span className="ledger-reason">{entry.reason}</span>;
  return <span className="muted">{t('common.none')}</span>;
}

/** Ledger entries as a table (cards below 640 px): KOS, kind, status, amount, eligible date and cause. */
export function LedgerList({
  rows,
  timeZone,
  kosName,
}: {
  rows: readonly LedgerEntry[];
  timeZone: string;
  kosName: (kosId: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const columns: Column<LedgerEntry>[] = [
    { key: 'kos', header: t('ledger.field.kosId'), role: 'title', cell: (e) => kosName(e.kosId) },
    {
      key: 'status',
      header: t('ledger.field.status'),
      role: 'status',
      cell: (e) => <Badge of="ledger.status" value={e.status} />,
    },
    { key: 'kind', header: t('ledger.field.kind'), cell: (e) => <Badge of="ledger.kind" value={e.kind} /> },
    {
      key: 'amount',
      header: t('ledger.field.amountMinor'),
      numeric: true,
      cell: (e) => (
        <span className={e.amountMinor < 0 ? 'negative' : undefined}>{formatMoney(e.amountMinor, e.currency, lang)}</span>
      ),
    },
    {
      key: 'eligible',
      header: t('ledger.field.eligibleAt'),
      cell: (e) => (e.eligibleAt ? formatDate(e.eligibleAt, lang, timeZone) : t('common.none')),
    },
    { key: 'cause', header: t('ledger.field.cause'), cell: (e) => <Cause entry={e} /> },
    { key: 'created', header: t('ledger.field.createdAt'), cell: (e) => formatDate(e.createdAt, lang, timeZone) },
  ];
  return (
    <ResponsiveList
      data-testid="ledger-table"
      caption={t('ledger.listCaption')}
      rows={rows}
      columns={columns}
      rowKey={(e) => e.id}
    />
  );
}
