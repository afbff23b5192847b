import { useTranslation } from 'react-i18next';
import { RPG_AXES, type Rpg, type RpgAxis, type RpgValues } from '../../data/tiers-types';
import { formatMoney, formatNumber, formatPercent } from '../../format';

/**
 * The RPG figures as text beside the radar: per axis the percentile among the org's active KOS and the raw
 * value it comes from (docs/tiers.md) — relevance a share of net sales, performance net sales per 1 000
 * followers, growth the follower growth plus the sales growth.
 */
export function RpgTable({ rpg, values, currency }: { rpg: Rpg | null; values: RpgValues; currency: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const raw: Record<RpgAxis, (v: number) => string> = {
    relevance: (v) => formatPercent(v, lang),
    performance: (v) => formatMoney(Math.round(v), currency, lang),
    growth: (v) => formatPercent(v, lang),
  };
  return (
    <div className="table-wrap">
      <table className="table rpg-table" data-testid="rpg-table">
        <caption className="visually-hidden">{t('tiers.rpg.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('tiers.rpg.axis')}</th>
            <th scope="col" className="num">
              {t('tiers.rpg.percentile')}
            </th>
            <th scope="col" className="num">
              {t('tiers.rpg.value')}
            </th>
          </tr>
        </thead>
        <tbody>
          {RPG_AXES.map((axis) => (
            <tr key={axis} data-axis={axis}>
              <th scope="row">
                {t(`tiers.rpg.${axis}`)}
                <small className="muted rpg-hint">{t(`tiers.rpg.hint.${axis}`)}</small>
              </th>
              <td className="num" data-testid={`rpg-${axis}`}>
                {rpg ? formatNumber(rpg[axis], lang) : t('common.none')}
              </td>
              <td className="num" data-testid={`rpg-value-${axis}`}>
                {raw[axis](values[axis])}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('tiers.rpg.score')}</th>
            <td className="num" data-testid="rpg-score">
              <strong>{rpg ? formatNumber(rpg.score, lang) : t('common.none')}</strong>
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
