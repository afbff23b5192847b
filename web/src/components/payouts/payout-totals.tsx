import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber } from '../../format';
import type { Payout } from '../../types';

type Amount = 'grossMinor' | 'withheldMinor' | 'netMinor';
const AMOUNTS: readonly Amount[] = ['grossMinor', 'withheldMinor', 'netMinor'];
const sum = (rows: readonly Payout[], key: Amount) => rows.reduce((s, p) => s + p[key], 0);

/** The month at a glance: how many payouts, commission, tax withheld and net in total (per currency). */
export function PayoutTotals({ rows }: { rows: readonly Payout[] }) {
  const { t, i18n } = useTranslation();
  const currencies = [...new Set(rows.map((p) => p.currency))];
  return currencies.map((currency) => {
    const mine = rows.filter((p) => p.currency === currency);
    return (
      <dl key={currency} className="payout-totals" data-testid="payout-totals">
        <div>
          <dt>{t('payouts.count')}</dt>
          <dd>{formatNumber(mine.length, i18n.language)}</dd>
        </div>
        {AMOUNTS.map((key) => (
          <div key={key}>
            <dt>{t(`payouts.field.${key}`)}</dt>
            <dd>{formatMoney(sum(mine, key), currency, i18n.language)}</dd>
          </div>
        ))}
      </dl>
    );
  });
}
