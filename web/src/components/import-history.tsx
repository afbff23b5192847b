import { useInfiniteQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../api';
import { formatDateTime, formatNumber, formatPercent } from '../format';
import { importFailureText } from '../problem-text';
import { useMe } from '../session';
import { type ImportReport, isImportActive, type Page } from '../types';
import { Badge } from './ui/badge';
import { EmptyState } from './ui/empty-state';
import { ErrorBox } from './ui/error-box';
import { Loading } from './ui/loading';

const COUNTS = ['rows', 'inserted', 'updated', 'unchanged', 'rejected', 'skipped'] as const;
/** Columns of a row: time, source, file, status and the counts (a failure's reason spans them all). */
const COLUMNS = 4 + COUNTS.length;
/** How often the list is asked for again while one of its imports is queued or running. */
const HISTORY_POLL_MS = 1000;

const anyActive = (pages: Page<ImportReport>[] | undefined) =>
  pages?.some((p) => p.items.some((r) => isImportActive(r.status))) ?? false;

/** Past imports, newest first, refreshed while any of them is queued or running. */
export function ImportHistory() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const list = useInfiniteQuery({
    queryKey: ['imports', 'list'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api<Page<ImportReport>>(`/imports${qs({ limit: 50, cursor: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (query) => (anyActive(query.state.data?.pages) ? HISTORY_POLL_MS : false),
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <h2>{t('imports.history')}</h2>
      {list.isPending && <Loading />}
      {list.isError && <ErrorBox error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && rows.length === 0 && <EmptyState>{t('imports.empty')}</EmptyState>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="import-table">
            <thead>
              <tr>
                <th>{t('imports.when')}</th>
                <th>{t('imports.field.source')}</th>
                <th>{t('imports.fileName')}</th>
                <th>{t('imports.field.status')}</th>
                {COUNTS.map((k) => (
                  <th key={k} className="num">
                    {t(`imports.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <Fragment key={r.id}>
                  <tr data-import-id={r.id} className={r.status === 'failed' ? 'has-note' : undefined}>
                    <td className="mono">{formatDateTime(r.createdAt, i18n.language, me.org.timezone)}</td>
                    <td>{t(`imports.source.${r.source}`, { defaultValue: r.source })}</td>
                    <td>{r.fileName ?? t('common.none')}</td>
                    <td>
                      <ImportStatusBadge report={r} />
                    </td>
                    {COUNTS.map((k) => (
                      <td key={k} className="num">
                        {formatNumber(r[k], i18n.language)}
                      </td>
                    ))}
                  </tr>
                  {r.status === 'failed' && <FailureNote report={r} />}
                </Fragment>
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

/** A failed import's reason in the reader's language, under its row (none for an older import outside English). */
function FailureNote({ report }: { report: ImportReport }) {
  const { t, i18n } = useTranslation();
  const reason = importFailureText(report, t, i18n.language);
  if (!reason) return null;
  return (
    <tr className="row-note" data-testid="import-failed-note">
      <td colSpan={COLUMNS}>{reason}</td>
    </tr>
  );
}

/** Queued, running (with its share of rows done), done or failed (its reason on hover). */
function ImportStatusBadge({ report }: { report: ImportReport }) {
  const { t, i18n } = useTranslation();
  // Rounded down so a running import never reads 100%.
  const share = report.status === 'running' && report.rows > 0 ? Math.floor((report.rowsDone / report.rows) * 1000) / 1000 : null;
  return (
    <Badge
      of="imports.status"
      value={report.status}
      data-testid="import-status"
      data-status={report.status}
      title={report.status === 'failed' ? (importFailureText(report, t, i18n.language) ?? undefined) : undefined}
    >
      {share !== null && ` ${formatPercent(share, i18n.language)}`}
    </Badge>
  );
}
