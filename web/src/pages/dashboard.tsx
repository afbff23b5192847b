import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BreakdownTable } from '../components/dashboard/breakdown-table';
import { DashboardFilters } from '../components/dashboard/dashboard-filters';
import { Leaderboard } from '../components/dashboard/leaderboard';
import { RosterStatus } from '../components/dashboard/roster-status';
import { SummaryCards } from '../components/dashboard/summary-cards';
import { ErrorBox } from '../components/ui/error-box';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { type DashboardFilter, linesHref, useBreakdown, useSummary } from '../data/dashboard';
import { datesBetween, isDate, monthStart, todayIn } from '../dates';
import { formatCompact, toMajor } from '../format';
import { navigate } from '../router/location';
import { useQueryState } from '../router/search-params';
import { useMe } from '../session';
import '../styles/dashboard.css';

// ECharts is large: load it only when the dashboard has something to draw.
const SalesChart = lazy(() => import('../components/dashboard/sales-chart'));

/** `/`: filters (in the URL), KPI cards, the daily trend, breakdowns and the leaderboard; every figure opens its lines. */
export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const today = todayIn(me.org.timezone);
  const [filter, setFilter] = useQueryState<DashboardFilter>({
    from: monthStart(today),
    to: today,
    unitId: '',
    platform: '',
    source: '',
  });
  const valid = isDate(filter.from) && isDate(filter.to) && filter.from <= filter.to;

  const summary = useSummary(filter, valid);
  const byDay = useBreakdown('day', filter, valid);

  const currency = summary.data?.currency ?? me.org.currency;
  const days = valid ? datesBetween(filter.from, filter.to) : [];
  const rowOf = new Map((byDay.data?.rows ?? []).map((r) => [r.key, r]));
  const series = {
    days,
    gmv: days.map((d) => toMajor(rowOf.get(d)?.gmvMinor ?? 0, currency)),
    net: days.map((d) => toMajor(rowOf.get(d)?.netSalesMinor ?? 0, currency)),
    gmvName: t('metric.gmvMinor'),
    netName: t('metric.netSalesMinor'),
  };
  const compact = (major: number) => formatCompact(major, i18n.language);

  return (
    <section className="dashboard">
      <PageHeader title={t('dashboard.title')} />
      <DashboardFilters filter={filter} onChange={(f) => setFilter(f, { push: true })} />
      {!valid && (
        <p className="alert" role="alert">
          {t('dashboard.badRange')}
        </p>
      )}
      {summary.isPending && valid && <Loading />}
      {summary.isError && <ErrorBox error={summary.error} onRetry={() => void summary.refetch()} />}
      {summary.data && <SummaryCards metrics={summary.data} filter={filter} />}
      <article className="card sales">
        <h2>{t('dashboard.sales')}</h2>
        <p className="muted small">{t('dashboard.salesHint')}</p>
        {byDay.isPending && valid && <Loading />}
        {byDay.isError && <ErrorBox error={byDay.error} onRetry={() => void byDay.refetch()} />}
        {byDay.data && byDay.data.rows.length === 0 && <p className="empty">{t('dashboard.noData')}</p>}
        {byDay.data && byDay.data.rows.length > 0 && (
          <Suspense fallback={<Loading />}>
            <SalesChart series={series} format={compact} onDay={(day) => navigate(linesHref(filter, { from: day, to: day }))} />
          </Suspense>
        )}
      </article>
      <div className="grid">
        <BreakdownTable by="platform" filter={filter} enabled={valid} />
        <BreakdownTable by="unit" filter={filter} enabled={valid} />
        <BreakdownTable by="product" filter={filter} enabled={valid} />
        <Leaderboard filter={filter} enabled={valid} />
        <RosterStatus />
      </div>
    </section>
  );
}
