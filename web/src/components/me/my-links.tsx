import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMyLinks } from '../../data/me';
import { formatNumber } from '../../format';
import { Link } from '../../router/link';
import type { TrackedLink } from '../../types';
import { LinkQr } from '../links/link-qr';
import { CopyButton } from '../settings/copy-button';
import { EmptyState } from '../ui/empty-state';
import { ErrorBox } from '../ui/error-box';
import { Loading } from '../ui/loading';
import { type Column, ResponsiveList } from '../ui/responsive-list';

const stateOf = (l: TrackedLink): 'active' | 'disabled' | 'expired' =>
  l.disabled ? 'disabled' : l.expiresAt && Date.parse(l.expiresAt) <= Date.now() ? 'expired' : 'active';

/**
 * The KOS member's tracked links: short URL with a copy button and its QR code, clicks; page by page. On the
 * home page (not `standalone`) it leads to /me/links, where new links are made (docs/portal.md "Own links").
 */
export function MyLinks({ kosId, standalone = false }: { kosId: string; standalone?: boolean }) {
  const { t, i18n } = useTranslation();
  const [qrOf, setQrOf] = useState<TrackedLink | null>(null);
  const lang = i18n.language;
  const list = useMyLinks(kosId);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const columns: Column<TrackedLink>[] = [
    { key: 'title', header: t('me.links.title'), cell: (l) => l.title ?? l.slug, role: 'title' },
    {
      key: 'state',
      header: t('me.links.state'),
      role: 'status',
      cell: (l) => {
        const s = stateOf(l);
        return <span className={`badge tone-${s === 'active' ? 'good' : 'muted'}`}>{t(`me.links.${s}`)}</span>;
      },
    },
    { key: 'url', header: t('me.links.shortUrl'), cell: (l) => <span className="mono short-url">{l.shortUrl}</span> },
    { key: 'clicks', header: t('me.links.clicks'), cell: (l) => formatNumber(l.uniqueClickCount, lang), numeric: true },
    { key: 'allClicks', header: t('me.links.allClicks'), cell: (l) => formatNumber(l.clickCount, lang), numeric: true },
    {
      key: 'copy',
      header: t('me.actions'),
      role: 'actions',
      cell: (l) => (
        <span className="me-link-actions">
          <CopyButton text={l.shortUrl} label={t('me.links.copy')} className="btn small primary" />
          <button type="button" className="btn small" data-testid="show-qr" onClick={() => setQrOf(l)}>
            {t('myLinks.qr')}
          </button>
        </span>
      ),
    },
  ];
  return (
    <section className="me-section" id="me-links" aria-labelledby="me-links-title" data-testid="my-links">
      <h2 id="me-links-title">{t('me.links.heading')}</h2>
      {!standalone && (
        <p>
          <Link to="/me/links" className="btn primary" data-testid="new-own-link">
            {t('myLinks.new')}
          </Link>
        </p>
      )}
      {qrOf && <LinkQr link={qrOf} label={qrOf.title ?? qrOf.slug} onClose={() => setQrOf(null)} />}
      {list.isPending && <Loading />}
      {list.isError && <ErrorBox error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && rows.length === 0 && <EmptyState>{t('me.links.empty')}</EmptyState>}
      {rows.length > 0 && (
        <ResponsiveList
          data-testid="my-link-table"
          caption={t('me.links.heading')}
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
