import { useTranslation } from 'react-i18next';
import { enumKey } from '../../enums';
import { formatDateTime, formatMoney } from '../../format';
import { Link } from '../../router/link';
import { useMe } from '../../session';
import type { Livestream } from '../../types';
import { Badge } from '../ui/badge';
import { type Column, ResponsiveList } from '../ui/responsive-list';
import { type StatusAsk, StatusButtons } from './status-actions';

/** Sessions as a table, cards on a phone (title, status and the status actions always visible). */
export function LivestreamList({
  rows,
  kosName,
  onAsk,
}: {
  rows: readonly Livestream[];
  kosName: (id: string) => string;
  onAsk: (ask: StatusAsk) => void;
}) {
  const { t, i18n } = useTranslation();
  const timeZone = useMe().org.timezone;
  const when = (iso: string) => formatDateTime(iso, i18n.language, timeZone);
  const columns: Column<Livestream>[] = [
    {
      key: 'title',
      header: t('livestreams.field.title'),
      role: 'title',
      cell: (s) => <Link to={`/livestreams/${encodeURIComponent(s.id)}`}>{s.title}</Link>,
    },
    {
      key: 'status',
      header: t('livestreams.field.status'),
      role: 'status',
      cell: (s) => <Badge of="livestreams.status" value={s.status} />,
    },
    { key: 'kos', header: t('livestreams.field.kosId'), cell: (s) => kosName(s.kosId) },
    { key: 'platform', header: t('livestreams.field.platform'), cell: (s) => t(enumKey('platform', s.platform)) },
    { key: 'start', header: t('livestreams.field.scheduledStart'), cell: (s) => when(s.scheduledStart) },
    {
      key: 'fee',
      header: t('livestreams.field.feeMinor'),
      numeric: true,
      cell: (s) => (s.feeMinor === null ? t('livestreams.planFeeShort') : formatMoney(s.feeMinor, s.currency, i18n.language)),
    },
    { key: 'products', header: t('livestreams.field.productIds'), numeric: true, cell: (s) => s.productIds.length },
    {
      key: 'actions',
      header: t('livestreams.column.actions'),
      role: 'actions',
      cell: (s) => <StatusButtons session={s} onAsk={onAsk} />,
    },
  ];
  return (
    <ResponsiveList
      data-testid="livestream-table"
      caption={t('livestreams.listCaption')}
      rows={rows}
      columns={columns}
      rowKey={(s) => s.id}
    />
  );
}
