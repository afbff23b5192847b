import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../api';
import { Empty, ErrorBox, Loading } from '../components/status';
import { formatMoney } from '../format';
import type { Page, Product } from '../types';

export function ProductsPage() {
  const { t, i18n } = useTranslation();
  const products = useInfiniteQuery({
    queryKey: ['products', 'list'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api<Page<Product>>(`/products${qs({ limit: 50, cursor: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = products.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section>
      <h1>{t('product.title')}</h1>
      {products.isPending && <Loading />}
      {products.isError && <ErrorBox error={products.error} onRetry={() => void products.refetch()} />}
      {products.isSuccess && rows.length === 0 && <Empty>{t('product.empty')}</Empty>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="product-table">
            <thead>
              <tr>
                <th>{t('product.sku')}</th>
                <th>{t('product.name')}</th>
                <th>{t('product.category')}</th>
                <th className="num">{t('product.price')}</th>
                <th>{t('product.usp')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id}>
                  <td className="mono">{p.sku}</td>
                  <td>{p.name}</td>
                  <td>{p.category ?? t('common.none')}</td>
                  <td className="num">{formatMoney(p.priceMinor, p.currency, i18n.language)}</td>
                  <td className="usp">{p.usp ?? t('common.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
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
