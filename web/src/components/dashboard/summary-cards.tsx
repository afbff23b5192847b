import { useTranslation } from 'react-i18next';
import { type DashboardFilter, linesHref } from '../../data/dashboard';
import { formatMoney, formatNumber, formatPercent, formatRatio } from '../../format';
import { Link } from '../../router/link';
import type { Metrics } from '../../types';

type Key = Exclude<keyof Metrics, 'currency'>;
const MONEY: Key[] = ['gmvMinor', 'netSalesMinor', 'aovMinor', 'commissionMinor'];
const RATES: Key[] = ['conversionRate', 'cancelRate', 'returnRate'];
const ORDER: Key[] = [
  'gmvMinor',
  'netSalesMinor',
  'orders',
  'clicks',
  'aovMinor',
  'conversionRate',
  'cancelRate',
  'returnRate',
  'commissionMinor',
  'newBuyers',
  'roi',
];
/** The order-line status a figure counts, where it is one (cancelled orders, returned orders). */
const STATUS: Partial<Record<Key, string>> = { cancelRate: 'cancelled', returnRate: 'returned' };

/** One card per KPI, each a link to the order lines behind it (same filters); a null (no denominator) shows `—`. */
export function SummaryCards({ metrics, filter }: { metrics: Metrics; filter: DashboardFilter }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const show = (key: Key): string => {
    const v = metrics[key];
    if (v === null) return t('common.none');
    if (MONEY.includes(key)) return formatMoney(v, metrics.currency, lang);
    if (RATES.includes(key)) return formatPercent(v, lang);
    if (key === 'roi') return formatRatio(v, lang);
    return formatNumber(v, lang);
  };
  return (
    <ul className="metrics" data-testid="summary-cards" aria-label={t('dashboard.kpis')}>
      {ORDER.map((key) => {
        const status = STATUS[key];
        return (
          <li key={key}>
            <Link to={linesHref(filter, status ? { status } : {})} className="metric" data-testid={`metric-${key}`}>
              <span className="metric-label">{t(`metric.${key}`)}</span>
              <strong className="metric-value">{show(key)}</strong>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
