import { useTranslation } from 'react-i18next';
import { usePagedList } from '../../data/kos';
import { formatDate, formatMoney, formatNumber } from '../../format';
import { useMe } from '../../session';
import type { OrderLine } from '../../types';
import { Badge } from '../ui/badge';
import type { Column } from '../ui/responsive-list';
import { PagedTable } from './paged-table';

/** The KOS's order lines (GET /lines?kosId=), newest as the API lists them, with status and attribution. */
export function KosSalesTab({ kosId }: { kosId: string }) {
  const { t, i18n } = useTranslation();
  const { org } = useMe();
  const lines = usePagedList<OrderLine>(['lines', 'byKos', kosId], '/lines', { kosId });
  const lang = i18n.language;
  const columns: Column<OrderLine>[] = [
    {
      key: 'product',
      header: t('kos.sales.product'),
      role: 'title',
      cell: (l) => l.productName ?? l.sku ?? t('common.none'),
    },
    { key: 'status', header: t('kos.sales.status'), role: 'status', cell: (l) => <Badge of="lines.status" value={l.status} /> },
    { key: 'orderTime', header: t('kos.sales.orderTime'), cell: (l) => formatDate(l.orderTime, lang, org.timezone) },
    { key: 'order', header: t('kos.sales.orderId'), cell: (l) => <span className="mono">{l.orderId}</span> },
    { key: 'platform', header: t('kos.sales.platform'), cell: (l) => <Badge of="platform" value={l.platform} /> },
    { key: 'quantity', header: t('kos.sales.quantity'), numeric: true, cell: (l) => formatNumber(l.quantity, lang) },
    { key: 'net', header: t('kos.sales.net'), numeric: true, cell: (l) => formatMoney(l.netMinor, l.currency, lang) },
    {
      key: 'attribution',
      header: t('kos.sales.attribution'),
      cell: (l) => <Badge of="lines.attribution" value={l.attribution} />,
    },
  ];
  return (
    <section aria-labelledby="kos-sales-title">
      <h2 id="kos-sales-title">{t('kos.tab.sales')}</h2>
      <PagedTable
        data-testid="kos-sales"
        list={lines}
        columns={columns}
        rowKey={(l) => l.id}
        caption={t('kos.tab.sales')}
        empty={t('kos.sales.empty')}
      />
    </section>
  );
}
