import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { enumKey } from '../../enums';
import { formatDateTime, formatMoney, formatNumber } from '../../format';
import type { OrderLine } from '../../types';
import { Badge } from '../ui/badge';
import { type Column, ResponsiveList } from '../ui/responsive-list';

/** A line's order id as people read it: `250101ABC` or, for the second item of an order, `250101ABC · 2`. */
export const orderLabel = (l: OrderLine) => (l.lineKey === '1' ? l.orderId : `${l.orderId} · ${l.lineKey}`);

/**
 * Order lines as a table (cards below 640 px): the order id leads each row — with its checkbox when the
 * caller may assign — the status beside it, and "Unassign" for an attributed line.
 */
export function LineList({
  rows,
  timeZone,
  kosName,
  selected,
  onToggle,
  onUnassign,
}: {
  rows: readonly OrderLine[];
  timeZone: string;
  kosName: (l: OrderLine) => string;
  /** The ids ticked for assignment; absent when the caller may not assign (no checkboxes, no actions). */
  selected?: ReadonlySet<string>;
  onToggle?: (line: OrderLine, on: boolean) => void;
  onUnassign?: (line: OrderLine) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const none = t('common.none');
  const money = (minor: number, l: OrderLine) => formatMoney(minor, l.currency, lang);

  const columns: Column<OrderLine>[] = [
    {
      key: 'order',
      header: t('lines.field.orderId'),
      role: 'title',
      cell: (l) =>
        selected && onToggle ? (
          <label className="line-pick">
            <input type="checkbox" name="line" checked={selected.has(l.id)} onChange={(e) => onToggle(l, e.target.checked)} />
            <span className="mono">{orderLabel(l)}</span>
          </label>
        ) : (
          <span className="mono">{orderLabel(l)}</span>
        ),
    },
    { key: 'status', header: t('lines.field.status'), role: 'status', cell: (l) => <Badge of="lines.status" value={l.status} /> },
    {
      key: 'attribution',
      header: t('lines.field.attribution'),
      cell: (l) => (
        <span className="line-owner">
          <Badge of="lines.attribution" value={l.attribution} data-testid="line-attribution" />
          {l.kosId && <span>{kosName(l)}</span>}
        </span>
      ),
    },
    { key: 'platform', header: t('lines.field.platform'), cell: (l) => t(enumKey('platform', l.platform)) },
    {
      key: 'product',
      header: t('lines.field.productName'),
      cell: (l) => `${l.productName ?? l.sku ?? none} × ${formatNumber(l.quantity, lang)}`,
    },
    { key: 'gross', header: t('lines.field.grossMinor'), numeric: true, cell: (l) => money(l.grossMinor, l) },
    { key: 'net', header: t('lines.field.netMinor'), numeric: true, cell: (l) => money(l.netMinor, l) },
    { key: 'time', header: t('lines.field.orderTime'), cell: (l) => formatDateTime(l.orderTime, lang, timeZone) },
  ];
  if (onUnassign)
    columns.push({
      key: 'actions',
      header: t('lines.actions'),
      role: 'actions',
      cell: (l) =>
        l.kosId ? (
          <button type="button" className="btn small" data-testid="unassign" onClick={() => onUnassign(l)}>
            {t('lines.unassign')}
          </button>
        ) : null,
    });

  return (
    <ResponsiveList
      data-testid="line-table"
      caption={t('lines.listCaption')}
      rows={rows}
      columns={columns}
      rowKey={(l) => l.id}
      rowProps={(l) =>
        ({ 'data-line-id': l.id, className: selected?.has(l.id) ? 'selected' : undefined }) as HTMLAttributes<HTMLTableRowElement>
      }
    />
  );
}
