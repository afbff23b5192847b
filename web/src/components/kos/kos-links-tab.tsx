import { useTranslation } from 'react-i18next';
import { useCan } from '../../access/use-can';
import { usePagedList } from '../../data/kos';
import { formatNumber } from '../../format';
import { Link } from '../../router/link';
import type { TrackedLink } from '../../types';
import type { Column } from '../ui/responsive-list';
import { CopyButton } from './copy-button';
import { PagedTable } from './paged-table';

/** The KOS's tracked links: short URL with a copy button, click counts, and a shortcut to make a new one. */
export function KosLinksTab({ kosId }: { kosId: string }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const links = usePagedList<TrackedLink>(['links', 'byKos', kosId], '/links', { kosId });
  const count = (n: number) => formatNumber(n, i18n.language);
  const columns: Column<TrackedLink>[] = [
    { key: 'title', header: t('kos.links.title'), role: 'title', cell: (l) => l.title ?? l.slug },
    {
      key: 'state',
      header: t('kos.links.state'),
      role: 'status',
      cell: (l) => {
        const expired = l.expiresAt !== null && Date.parse(l.expiresAt) < Date.now();
        const state = l.disabled ? 'disabled' : expired ? 'expired' : 'enabled';
        return <span className={`badge tone-${state === 'enabled' ? 'good' : 'muted'}`}>{t(`kos.links.${state}`)}</span>;
      },
    },
    { key: 'shortUrl', header: t('kos.links.shortUrl'), cell: (l) => <span className="mono break">{l.shortUrl}</span> },
    { key: 'clicks', header: t('kos.links.clicks'), numeric: true, cell: (l) => count(l.clickCount) },
    { key: 'unique', header: t('kos.links.uniqueClicks'), numeric: true, cell: (l) => count(l.uniqueClickCount) },
    {
      key: 'actions',
      header: t('kos.links.actions'),
      role: 'actions',
      cell: (l) => <CopyButton text={l.shortUrl} label={t('kos.links.copyOne', { url: l.shortUrl })} />,
    },
  ];
  return (
    <section aria-labelledby="kos-links-title">
      <header className="page-head">
        <h2 id="kos-links-title">{t('kos.tab.links')}</h2>
        {can('links.create') && (
          <Link className="btn primary" to={`/links?kosId=${encodeURIComponent(kosId)}`} data-testid="new-link">
            {t('kos.links.new')}
          </Link>
        )}
      </header>
      <PagedTable
        data-testid="kos-links"
        list={links}
        columns={columns}
        rowKey={(l) => l.id}
        caption={t('kos.tab.links')}
        empty={t('kos.links.empty')}
      />
    </section>
  );
}
