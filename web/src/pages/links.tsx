import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../access/use-can';
import { LinkFilters } from '../components/links/link-filters';
import { LinkForm } from '../components/links/link-form';
import { LinkList, linkLabel } from '../components/links/link-list';
import { LinkQr } from '../components/links/link-qr';
import { EmptyState } from '../components/ui/empty-state';
import { ErrorBox } from '../components/ui/error-box';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { useAllKos } from '../data';
import { NO_LINK_FILTER, useLinkList } from '../data/links';
import { useAllProducts } from '../data/products';
import { useQueryState } from '../router/search-params';
import type { TrackedLink } from '../types';
import '../styles/links.css';

/** What the page shows above the list: a form to create or edit, or a link's QR code. */
type Panel = { kind: 'new' } | { kind: 'edit'; link: TrackedLink } | { kind: 'qr'; link: TrackedLink } | null;

/**
 * `/links`: the tracked links the caller may see, filtered in the URL (`?kosId=` from a KOS profile also
 * starts a new link with that KOS), each with its short URL to copy, its QR code and click counts.
 */
export default function LinksPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [filter, setFilter] = useQueryState(NO_LINK_FILTER);
  const [panel, setPanel] = useState<Panel>(null);
  const links = useLinkList(filter);
  const kos = useAllKos();
  const products = useAllProducts();
  const kosById = new Map((kos.data ?? []).map((k) => [k.id, k]));
  const productById = new Map((products.data ?? []).map((p) => [p.id, p]));
  const rows = links.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Object.values(filter).some(Boolean);

  const newButton = can('links.create') && (
    <button type="button" className="btn primary" data-testid="new-link" onClick={() => setPanel({ kind: 'new' })}>
      {t('links.new')}
    </button>
  );

  return (
    <section className="links-page">
      <PageHeader title={t('links.title')}>{newButton}</PageHeader>
      {panel && panel.kind !== 'qr' && (
        <LinkForm
          key={panel.kind === 'edit' ? panel.link.id : 'new'}
          link={panel.kind === 'edit' ? panel.link : null}
          kos={kos.data ?? []}
          products={products.data ?? []}
          defaultKosId={filter.kosId}
          onSaved={(link) => setPanel({ kind: 'qr', link })}
          onCancel={() => setPanel(null)}
        />
      )}
      {panel?.kind === 'qr' && (
        <LinkQr key={panel.link.id} link={panel.link} label={linkLabel(panel.link, productById)} onClose={() => setPanel(null)} />
      )}
      <LinkFilters value={filter} kos={kos.data ?? []} products={products.data ?? []} onChange={setFilter} />
      {links.isPending && <Loading />}
      {links.isError && <ErrorBox error={links.error} onRetry={() => void links.refetch()} />}
      {links.isSuccess && rows.length === 0 && <EmptyState>{filtered ? t('links.emptyFiltered') : t('links.empty')}</EmptyState>}
      {rows.length > 0 && (
        <LinkList
          rows={rows}
          kos={kosById}
          products={productById}
          onQr={(link) => setPanel({ kind: 'qr', link })}
          onEdit={(link) => setPanel({ kind: 'edit', link })}
        />
      )}
      {links.hasNextPage && (
        <button type="button" className="btn" disabled={links.isFetchingNextPage} onClick={() => void links.fetchNextPage()}>
          {links.isFetchingNextPage ? t('common.loading') : t('common.loadMore')}
        </button>
      )}
    </section>
  );
}
