import { useTranslation } from 'react-i18next';
import { useCan } from '../../access/use-can';
import { formatMoney, formatNumber } from '../../format';
import type { Product } from '../../types';
import { type Column, ResponsiveList } from '../ui/responsive-list';

const PLATFORMS = ['shopee', 'tiktok_shop', 'lazada'] as const;

/** The catalogue as a table, or cards on a phone: name and price first, Edit last (owners and admins). */
export function ProductList({ rows, onEdit }: { rows: readonly Product[]; onEdit: (p: Product) => void }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const none = t('common.none');

  const columns: Column<Product>[] = [
    { key: 'name', header: t('products.field.name'), cell: (p) => p.name, role: 'title' },
    {
      key: 'price',
      header: t('products.field.priceMinor'),
      cell: (p) => formatMoney(p.priceMinor, p.currency, i18n.language),
      role: 'status',
      numeric: true,
    },
    { key: 'sku', header: t('products.field.sku'), cell: (p) => <span className="mono">{p.sku}</span> },
    { key: 'category', header: t('products.field.category'), cell: (p) => p.category ?? none },
    {
      key: 'stock',
      header: t('products.field.stock'),
      cell: (p) => (p.stock === null ? none : formatNumber(p.stock, i18n.language)),
      numeric: true,
    },
    {
      key: 'platforms',
      header: t('products.platforms'),
      cell: (p) => {
        const listed = PLATFORMS.filter((k) => p.platformIds[k]);
        return listed.length ? listed.map((k) => `${t(`platform.${k}`)} ${p.platformIds[k]}`).join(', ') : none;
      },
    },
    { key: 'faqs', header: t('products.field.faqs'), cell: (p) => formatNumber(p.faqs.length, i18n.language), numeric: true },
    { key: 'usp', header: t('products.field.usp'), cell: (p) => <span className="usp">{p.usp ?? none}</span> },
  ];
  if (can('products.edit')) {
    columns.push({
      key: 'actions',
      header: t('products.actions'),
      role: 'actions',
      cell: (p) => (
        <button
          type="button"
          className="btn small"
          data-testid="edit-product"
          aria-label={`${t('products.editShort')}: ${p.name}`}
          onClick={() => onEdit(p)}
        >
          {t('products.editShort')}
        </button>
      ),
    });
  }

  return (
    <ResponsiveList
      data-testid="product-table"
      caption={t('products.listCaption')}
      rows={rows}
      columns={columns}
      rowKey={(p) => p.id}
    />
  );
}
