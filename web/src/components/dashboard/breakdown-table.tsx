import { useTranslation } from 'react-i18next';
import { type BreakdownBy, type DashboardFilter, linesHref, useBreakdown } from '../../data/dashboard';
import { formatMoney, formatNumber } from '../../format';
import { Link } from '../../router/link';
import type { Breakdown } from '../../types';
import { ErrorBox } from '../ui/error-box';
import { Loading } from '../ui/loading';

type Row = Breakdown['rows'][number];
type By = Extract<BreakdownBy, 'platform' | 'unit' | 'product'>;
const TOP = 8;

/** The lines filter a row stands for (`''` is "no unit" / "no SKU": no filter names it). */
const rowFilter = (by: By, key: string): Record<string, string> | null => {
  if (key === '') return null;
  if (by === 'product') return { sku: key };
  return by === 'platform' ? { platform: key } : { unitId: key };
};

/** GMV, net sales and orders per platform, unit or product, with a bar of each row's share of the top GMV. */
export function BreakdownTable({ by, filter, enabled }: { by: By; filter: DashboardFilter; enabled: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const list = useBreakdown(by, filter, enabled);
  const rows = (list.data?.rows ?? []).slice(0, TOP);
  const top = Math.max(1, ...rows.map((r) => r.gmvMinor));
  const label = (r: Row) => {
    if (r.key === '') return t(`dashboard.none.${by}`);
    return by === 'platform' ? t(`platform.${r.key}`) : r.label;
  };
  const money = (r: Row, minor: number) => formatMoney(minor, r.currency, lang);

  return (
    <article className="card breakdown" data-testid={`breakdown-${by}`}>
      <h2>{t(`dashboard.by.${by}`)}</h2>
      {list.isPending && enabled && <Loading />}
      {list.isError && <ErrorBox error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && rows.length === 0 && <p className="empty">{t('dashboard.noData')}</p>}
      {rows.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">{t(`dashboard.by.${by}`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t(`dashboard.column.${by}`)}</th>
              <th scope="col" className="num">
                {t('metric.gmvMinor')}
              </th>
              <th scope="col" className="num">
                {t('metric.orders')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const extra = rowFilter(by, r.key);
              return (
                <tr key={r.key}>
                  <th scope="row" className="breakdown-label">
                    {extra ? <Link to={linesHref(filter, extra)}>{label(r)}</Link> : label(r)}
                    {by === 'product' && r.key && r.key !== r.label && <span className="muted small mono"> {r.key}</span>}
                    <span className="bar" style={{ width: `${Math.round((r.gmvMinor / top) * 100)}%` }} />
                  </th>
                  <td className="num">{money(r, r.gmvMinor)}</td>
                  <td className="num">{formatNumber(r.orders, lang)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </article>
  );
}
