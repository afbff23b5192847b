import { useTranslation } from 'react-i18next';
import { useMyLines } from '../../data/me';
import { formatDateTime, formatMoney, formatNumber } from '../../format';
import { useMe } from '../../session';
import type { OrderLine } from '../../types';
import { Badge } from '../ui/badge';
import { EmptyState } from '../ui/empty-state';
import { ErrorBox } from '../ui/error-box';
import { Loading } from '../ui/loading';
import { type Column, ResponsiveList } from '../ui/responsive-list';

/** The order lines attributed to the KOS member, newest first; page by page. */
export function MySales({ kosId }: { kosId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const me = useMe();
  const list = useMyLines(kosId);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const columns: Column<OrderLine>[] = [
    {
      key: 'product',
      header: t('me.sales.product'),
      role: 'title',
      cell: (l) => l.productName ?? l.sku ?? t('common.none'),
    },
    { key: 'status', header: t('me.sales.status'), role: 'status', cell: (l) => <Badge of="lines.status" value={l.status} /> },
    { key: 'time', header: t('me.sales.orderTime'), cell: (l) => formatDateTime(l.orderTime, lang, me.org.timezone) },
    { key: 'platform', header: t('me.sales.platform'), cell: (l) => <Badge of="platform" value={l.platform} /> },
    { key: 'order', header: t('me.sales.orderId'), cell: (l) => <span className="mono">{l.orderId}</span> },
    { key: 'quantity', header: t('me.sales.quantity'), cell: (l) => formatNumber(l.quantity, lang), numeric: true },
    {
      key: 'net',
      header: t('me.sales.net'),
      cell: (l) => formatMoney(l.netMinor - l.refundMinor, l.currency, lang),
      numeric: true,
    },
  ];
  return (
    <section className="me-section" id="me-sales" aria-labelledby="me-sales-title" data-testid="my-sales">
      <h2 id="me-sales-title">{t('me.sales.heading')}</h2>
      {list.isPending && <Loading />}
      {list.isError && <ErrorBox error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && rows.length === 0 && <EmptyState>{t('me.sales.empty')}</EmptyState>}
      {rows.length > 0 && (
        <ResponsiveList
          data-testid="my-line-table"
          caption={t('me.sales.heading')}
          rows={rows}
          columns={columns}
          rowKey={(l) => l.id}
        />
      )}
      {list.hasNextPage && (
        <button type="button" className="btn" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t('common.loadMore')}
        </button>
      )}
    </section>
  );
}
