import { useTranslation } from 'react-i18next';
import type { PagedList } from '../../data/kos';
import { EmptyState } from '../ui/empty-state';
import { ErrorBox } from '../ui/error-box';
import { Loading } from '../ui/loading';
import { type Column, ResponsiveList } from '../ui/responsive-list';

export interface PagedTableProps<T> {
  list: PagedList<T>;
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  caption: string;
  /** What an empty list says. */
  empty: string;
  /** Reorders the loaded rows (the roster's sort). */
  arrange?: (rows: T[]) => T[];
  rowProps?: Parameters<typeof ResponsiveList<T>>[0]['rowProps'];
  'data-testid'?: string;
}

/** A paged API list with its loading, error and empty states, a table (cards on a phone) and "Load more". */
export function PagedTable<T>({ list, columns, rowKey, caption, empty, arrange, rowProps, ...rest }: PagedTableProps<T>) {
  const { t } = useTranslation();
  const loaded = list.data?.pages.flatMap((p) => p.items) ?? [];
  const rows = arrange ? arrange(loaded) : loaded;
  return (
    <>
      {list.isPending && <Loading />}
      {list.isError && <ErrorBox error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && rows.length === 0 && <EmptyState>{empty}</EmptyState>}
      {rows.length > 0 && (
        <ResponsiveList
          data-testid={rest['data-testid']}
          caption={caption}
          rows={rows}
          columns={columns}
          rowKey={rowKey}
          rowProps={rowProps}
        />
      )}
      {list.hasNextPage && (
        <button type="button" className="btn" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {list.isFetchingNextPage ? t('common.loading') : t('common.loadMore')}
        </button>
      )}
    </>
  );
}
