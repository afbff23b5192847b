import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber, formatPercent, formatRatio } from '../format';
import type { Metrics } from '../types';

type Key = Exclude<keyof Metrics, 'currency'>;
const MONEY: Key[] = ['gmvMinor', 'netSalesMinor', 'aovMinor', 'commissionMinor'];
const RATES: Key[] = ['conversionRate', 'cancelRate', 'returnRate'];
const ORDER: Key[] = [
  'gmvMinor',
  'netSalesMinor',
  'orders',
  'aovMinor',
  'clicks',
  'conversionRate',
  'cancelRate',
  'returnRate',
  'newBuyers',
  'commissionMinor',
  'roi',
];

/** One card per summary metric; a null (no denominator) shows `—`. */
export function SummaryCards({ metrics }: { metrics: Metrics }) {
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
    <div className="metrics" data-testid="summary-cards">
      {ORDER.map((key) => (
        <article key={key} className="metric" data-testid={`metric-${key}`}>
          <span className="metric-label">{t(`metric.${key}`)}</span>
          <strong className="metric-value">{show(key)}</strong>
        </article>
      ))}
    </div>
  );
}
