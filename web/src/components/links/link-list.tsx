import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../access/use-can';
import { linkStatus } from '../../data/links';
import { formatDateTime, formatNumber } from '../../format';
import { Link } from '../../router/link';
import { useMe } from '../../session';
import type { Kos, Product, TrackedLink } from '../../types';
import { Badge } from '../ui/badge';
import { type Column, ResponsiveList } from '../ui/responsive-list';
import { CopyButton } from './copy-button';

/** What a link is called: its title, else its product's name, else the destination's host (as bio pages say). */
export function linkLabel(link: TrackedLink, products: ReadonlyMap<string, Product>): string {
  if (link.title) return link.title;
  const product = link.productId ? products.get(link.productId) : undefined;
  if (product) return product.name;
  try {
    return new URL(link.destinationUrl.replaceAll(/[{}]/g, '')).host;
  } catch {
    return link.destinationUrl;
  }
}

export const shortUrlId = (link: TrackedLink) => `short-url-${link.id}`;

export interface LinkListProps {
  rows: readonly TrackedLink[];
  kos: ReadonlyMap<string, Kos>;
  products: ReadonlyMap<string, Product>;
  onQr: (link: TrackedLink) => void;
  onEdit: (link: TrackedLink) => void;
}

/** The links as a table, or cards on a phone: label and status first, then copy, QR and edit. */
export function LinkList({ rows, kos, products, onQr, onEdit }: LinkListProps) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const timeZone = useMe().org.timezone;
  const none = t('common.none');
  const count = (n: number) => formatNumber(n, i18n.language);

  const columns: Column<TrackedLink>[] = [
    {
      key: 'label',
      header: t('links.field.title'),
      role: 'title',
      cell: (l) => {
        const k = kos.get(l.kosId);
        return (
          <>
            {linkLabel(l, products)}
            <small className="link-kos">
              {k ? <Link to={`/kos/${encodeURIComponent(k.id)}`}>{`${k.name} (${k.code})`}</Link> : none}
            </small>
          </>
        );
      },
    },
    {
      key: 'status',
      header: t('links.field.status'),
      cell: (l) => <Badge of="links.status" value={linkStatus(l)} />,
      role: 'status',
    },
    {
      key: 'shortUrl',
      header: t('links.field.shortUrl'),
      cell: (l) => (
        <span id={shortUrlId(l)} className="short-url">
          {l.shortUrl}
        </span>
      ),
    },
    { key: 'clicks', header: t('links.field.clickCount'), cell: (l) => count(l.clickCount), numeric: true },
    { key: 'unique', header: t('links.field.uniqueClickCount'), cell: (l) => count(l.uniqueClickCount), numeric: true },
    { key: 'campaign', header: t('links.field.campaign'), cell: (l) => l.campaign ?? none },
    {
      key: 'expires',
      header: t('links.field.expiresAt'),
      cell: (l) => (l.expiresAt ? formatDateTime(l.expiresAt, i18n.language, timeZone) : none),
    },
    {
      key: 'actions',
      header: t('links.actions'),
      role: 'actions',
      cell: (l) => (
        <>
          <CopyButton text={l.shortUrl} targetId={shortUrlId(l)} />
          <button
            type="button"
            className="btn small"
            data-testid="show-qr"
            aria-describedby={shortUrlId(l)}
            onClick={() => onQr(l)}
          >
            {t('links.qr')}
          </button>
          {can('links.edit') && (
            <button
              type="button"
              className="btn small"
              data-testid="edit-link"
              aria-describedby={shortUrlId(l)}
              onClick={() => onEdit(l)}
            >
              {t('links.editShort')}
            </button>
          )}
        </>
      ),
    },
  ];

  return (
    <ResponsiveList
      data-testid="link-table"
      caption={t('links.listCaption')}
      rows={rows}
      columns={columns}
      rowKey={(l) => l.id}
      rowProps={(l) => ({ 'data-slug': l.slug }) as HTMLAttributes<HTMLTableRowElement>}
    />
  );
}
