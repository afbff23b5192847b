import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../api';
import { Leaderboard } from '../components/leaderboard';
import { RosterStatus } from '../components/roster-status';
import { ErrorBox, Loading } from '../components/status';
import { SummaryCards } from '../components/summary-cards';
import { addDays, datesBetween, isDate, monthStart, todayIn } from '../dates';
import { formatCompact, toMajor } from '../format';
import { useMe } from '../session';
import type { Breakdown, Metrics } from '../types';

// ECharts is large: load it only when the dashboard has something to draw.
const SalesChart = lazy(() => import('../components/sales-chart'));

export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const today = todayIn(me.org.timezone);
  const [from, setFrom] = useState(monthStart(today));
  const [to, setTo] = useState(today);
  const valid = isDate(from) && isDate(to) && from <= to;
  // The API reads [from, to): the shown end date is included, so ask up to the day after it.
  const range = { from, to: valid ? addDays(to, 1) : to };

  const summary = useQuery({
    queryKey: ['analytics', 'summary', range],
    queryFn: () => api<Metrics>(`/analytics/summary${qs(range)}`),
    enabled: valid,
  });
  const byDay = useQuery({
    queryKey: ['analytics', 'breakdown', 'day', range],
    queryFn: () => api<Breakdown>(`/analytics/breakdown${qs({ by: 'day', ...range })}`),
    enabled: valid,
  });

  const currency = summary.data?.currency ?? me.org.currency;
  const days = valid ? datesBetween(from, to) : [];
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
    <section>
      <div className="page-head">
        <h1>{t('dashboard.title')}</h1>
        <div className="range" data-testid="date-range">
          <label>
            {t('dashboard.from')}
            <input type="date" name="from" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label>
            {t('dashboard.to')}
            <input type="date" name="to" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
          </label>
        </div>
      </div>
      {!valid && <p className="alert">{t('dashboard.badRange')}</p>}
      {summary.isPending && valid && <Loading />}
      {summary.isError && <ErrorBox error={summary.error} onRetry={() => void summary.refetch()} />}
      {summary.data && <SummaryCards metrics={summary.data} />}
      <article className="card sales">
        <h2>{t('dashboard.sales')}</h2>
        {byDay.isError && <ErrorBox error={byDay.error} onRetry={() => void byDay.refetch()} />}
        {byDay.data && (
          <Suspense fallback={<Loading />}>
            <SalesChart series={series} format={compact} />
          </Suspense>
        )}
      </article>
      <div className="grid">
        <Leaderboard />
        <RosterStatus />
      </div>
    </section>
  );
}
