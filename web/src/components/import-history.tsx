import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../api';
import { formatDateTime, formatNumber } from '../format';
import { useMe } from '../session';
import type { ImportReport, Page } from '../types';
import { Empty, ErrorBox, Loading } from './status';

const COUNTS = ['rows', 'inserted', 'updated', 'unchanged', 'rejected', 'skipped'] as const;

/** Past imports, newest first. */
export function ImportHistory() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const list = useInfiniteQuery({
    queryKey: ['imports', 'list'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api<Page<ImportReport>>(`/imports${qs({ limit: 50, cursor: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <h2>{t('import.history')}</h2>
      {list.isPending && <Loading />}
      {list.isError && <ErrorBox error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && rows.length === 0 && <Empty>{t('import.empty')}</Empty>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="import-table">
            <thead>
              <tr>
                <th>{t('import.when')}</th>
                <th>{t('import.source')}</th>
                <th>{t('import.fileName')}</th>
                {COUNTS.map((k) => (
                  <th key={k} className="num">
                    {t(`import.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="mono">{formatDateTime(r.createdAt, i18n.language, me.org.timezone)}</td>
                  <td>{t(`importSource.${r.source}`, { defaultValue: r.source })}</td>
                  <td>
                    {r.fileName ?? t('common.none')}
                    {r.status === 'running' && <span className="badge">{t('import.running')}</span>}
                  </td>
                  {COUNTS.map((k) => (
                    <td key={k} className="num">
                      {formatNumber(r[k], i18n.language)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.hasNextPage && (
        <button type="button" className="btn" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {list.isFetchingNextPage ? t('common.loading') : t('common.loadMore')}
        </button>
      )}
    </>
  );
}
