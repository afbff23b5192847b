import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../access/use-can';
import { ProductFilters } from '../components/products/product-filters';
import { ProductForm } from '../components/products/product-form';
import { ProductList } from '../components/products/product-list';
import { EmptyState } from '../components/ui/empty-state';
import { ErrorBox } from '../components/ui/error-box';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { NO_PRODUCT_FILTER, useProductList } from '../data/products';
import { useQueryState } from '../router/search-params';
import type { Product } from '../types';
import '../styles/products.css';

/** `/products`: the org-wide catalogue (every role reads it; owners and admins create and edit). */
export default function ProductsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [filter, setFilter] = useQueryState(NO_PRODUCT_FILTER);
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const products = useProductList(filter);
  const rows = products.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(filter.q || filter.category);

  return (
    <section className="products-page">
      <PageHeader title={t('products.title')}>
        {can('products.edit') && (
          <button type="button" className="btn primary" data-testid="new-product" onClick={() => setEditing('new')}>
            {t('products.new')}
          </button>
        )}
      </PageHeader>
      {editing && (
        <ProductForm
          key={editing === 'new' ? 'new' : editing.id}
          product={editing === 'new' ? null : editing}
          onSaved={() => setEditing(null)}
          onCancel={() => setEditing(null)}
        />
      )}
      <ProductFilters value={filter} onChange={setFilter} />
      {products.isPending && <Loading />}
      {products.isError && <ErrorBox error={products.error} onRetry={() => void products.refetch()} />}
      {products.isSuccess && rows.length === 0 && (
        <EmptyState>{filtered ? t('products.emptyFiltered') : t('products.empty')}</EmptyState>
      )}
      {rows.length > 0 && <ProductList rows={rows} onEdit={setEditing} />}
      {products.hasNextPage && (
        <button
          type="button"
          className="btn"
          disabled={products.isFetchingNextPage}
          onClick={() => void products.fetchNextPage()}
        >
          {products.isFetchingNextPage ? t('common.loading') : t('common.loadMore')}
        </button>
      )}
    </section>
  );
}
