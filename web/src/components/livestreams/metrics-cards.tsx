import { useTranslation } from 'react-i18next';
import { useLivestreamMetrics } from '../../data/livestreams';
import { formatMoney, formatNumber, formatPercent } from '../../format';
import { ErrorBox } from '../ui/error-box';
import { Loading } from '../ui/loading';

/** The session's funnel (GET /livestreams/{id}/metrics): money in the org's currency, rates as percentages, null as "—". */
export function MetricsCards({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const metrics = useLivestreamMetrics(id);
  const m = metrics.data;
  const lang = i18n.language;
  const money = (minor: number | null) => (m && minor !== null ? formatMoney(Math.round(minor), m.currency, lang) : '—');
  const items: [string, string][] = m
    ? [
        ['gmv', money(m.gmvMinor)],
        ['orders', formatNumber(m.orders, lang)],
        ['gpm', money(m.gpm)],
        ['ctr', formatPercent(m.ctr, lang)],
        ['ctor', formatPercent(m.ctor, lang)],
        ['addToCartRate', formatPercent(m.addToCartRate, lang)],
        ['responseRate', formatPercent(m.responseRate, lang)],
        ['avgWatchSeconds', formatNumber(m.avgWatchSeconds, lang)],
        ['peakViewers', formatNumber(m.peakViewers, lang)],
        ['fee', money(m.feeMinor)],
        ['commission', money(m.commissionMinor)],
      ]
    : [];
  return (
    <section className="card" aria-labelledby="metrics-title" data-testid="metrics">
      <h2 id="metrics-title">{t('livestreams.metrics.title')}</h2>
      {metrics.isPending && <Loading />}
      {metrics.isError && <ErrorBox error={metrics.error} onRetry={() => void metrics.refetch()} />}
      {m && (
        <>
          <dl className="metric-cards">
            {items.map(([key, value]) => (
              <div key={key} className="metric-card" data-metric={key}>
                <dt>{t(`livestreams.metrics.${key}`)}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <p className="muted small">{t('livestreams.metrics.note')}</p>
        </>
      )}
    </section>
  );
}
