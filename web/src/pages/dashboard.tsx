import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBox, Loading } from '../components/status';
import { useAllKos } from '../data';
import { formatNumber } from '../format';
import { KOS_STATUSES, type KosStatus } from '../types';

// ECharts is large: load it only when the dashboard has something to draw.
const StatusChart = lazy(() => import('../components/status-chart'));

export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const roster = useAllKos();
  const counts = Object.fromEntries(KOS_STATUSES.map((s) => [s, 0])) as Record<KosStatus, number>;
  for (const k of roster.data ?? []) if (k.status in counts) counts[k.status] += 1;
  const total = roster.data?.length ?? 0;

  return (
    <section>
      <h1>{t('dashboard.title')}</h1>
      <div className="grid">
        <article className="card coming">
          <h2>{t('dashboard.analytics')}</h2>
          <p>{t('dashboard.coming')}</p>
        </article>
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
      </div>
    </section>
  );
}
