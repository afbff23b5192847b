import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllKos } from '../../data';
import { formatNumber } from '../../format';
import { Link } from '../../router/link';
import { KOS_STATUSES, type KosStatus } from '../../types';
import { Badge } from '../ui/badge';
import { ErrorBox } from '../ui/error-box';
import { Loading } from '../ui/loading';

// ECharts is large: load it only when there is something to draw.
const StatusChart = lazy(() => import('./status-chart'));

/** The roster counted by status (each count opens the roster filtered by it), with a small bar chart. */
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
                <Badge of="kos.status" value={s} />
                <Link to={`/kos?status=${s}`}>{formatNumber(counts[s], i18n.language)}</Link>
              </li>
            ))}
            <li className="total">
              <span>{t('common.total')}</span>
              <Link to="/kos">{formatNumber(total, i18n.language)}</Link>
            </li>
          </ul>
          <Suspense fallback={<Loading />}>
            <StatusChart labels={KOS_STATUSES.map((s) => t(`kos.status.${s}`))} values={KOS_STATUSES.map((s) => counts[s])} />
          </Suspense>
        </>
      )}
    </article>
  );
}
