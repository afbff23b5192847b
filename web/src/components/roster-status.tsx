import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllKos } from '../data';
import { formatNumber } from '../format';
import { KOS_STATUSES, type KosStatus } from '../types';
import { ErrorBox, Loading } from './status';

// ECharts is large: load it only when there is something to draw.
const StatusChart = lazy(() => import('./status-chart'));

/** The roster counted by status, with a small bar chart. */
export function RosterStatus() {
  const { t, i18n } = useTranslation();
  const roster = useAllKos();
  const counts = Object.fromEntries(KOS_STATUSES.map((s) => [s, 0])) as Record<KosStatus, number>;
  for (const k of roster.data ?? []) if (k.status in counts) counts[k.status] += 1;
  const total = roster.data?.length ?? 0;

  return (
    <article className="card" data-testid="status-counts">
      <h2>{t('dashboard.byStatus')}</h2>
      {roster.isPending && <Loading />}
      {roster.isError && <ErrorBox error={roster.error} onRetry={() => void roster.refetch()} />}
      {roster.data && total === 0 && <p className="empty">{t('dashboard.noKos')}</p>}
      {roster.data && total > 0 && (
        <>
          <ul className="counts">
            {KOS_STATUSES.map((s) => (
              <li key={s}>
                <span className={`badge status-${s}`}>{t(`status.${s}`)}</span>
                <strong>{formatNumber(counts[s], i18n.language)}</strong>
              </li>
            ))}
            <li className="total">
              <span>{t('common.total')}</span>
              <strong>{formatNumber(total, i18n.language)}</strong>
            </li>
          </ul>
          <Suspense fallback={<Loading />}>
            <StatusChart labels={KOS_STATUSES.map((s) => t(`status.${s}`))} values={KOS_STATUSES.map((s) => counts[s])} />
          </Suspense>
        </>
      )}
    </article>
  );
}
