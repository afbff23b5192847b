import { type ContestMetric, isMoneyMetric } from '../../data/contests-enums';
import { formatMoney, formatNumber } from '../../format';

/** A standings value as people read it: money in the org's currency for `netSales`/`gmv`, else a count. */
export function formatValue(value: number, metric: ContestMetric, currency: string, language: string): string {
  return isMoneyMetric(metric) ? formatMoney(value, currency, language) : formatNumber(value, language);
}
