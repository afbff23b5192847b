import { useTranslation } from 'react-i18next';
import { type DashboardFilter, linesHref, useBreakdown } from '../../data/dashboard';
import { formatMoney, formatNumber } from '../../format';
import { Link } from '../../router/link';
import { ErrorBox } from '../ui/error-box';
import { Loading } from '../ui/loading';

const TOP = 10;

/** The top KOS by net sales under the dashboard's filters; each KOS opens their order lines. */
export function Leaderboard({ filter, enabled }: { filter: DashboardFilter; enabled: boolean }) {
  const { t, i18n } = useTranslation();
  const board = useBreakdown('kos', filter, enabled);
  const rows = (board.data?.rows ?? [])
    .filter((r) => r.key !== '')
    .sort((a, b) => b.netSalesMinor - a.netSalesMinor || b.gmvMinor - a.gmvMinor)
    .slice(0, TOP);

  return (
    <article className="card" data-testid="leaderboard">
      <h2>{t('dashboard.leaderboard')}</h2>
      <p className="muted small">{t('dashboard.leaderboardHint')}</p>
      {board.isPending && enabled && <Loading />}
      {board.isError && <ErrorBox error={board.error} onRetry={() => void board.refetch()} />}
      {board.isSuccess && rows.length === 0 && <p className="empty">{t('dashboard.noData')}</p>}
      {rows.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">{t('dashboard.leaderboard')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('dashboard.rank')}
              </th>
              <th scope="col">{t('dashboard.kos')}</th>
              <th scope="col" className="num">
                {t('metric.netSalesMinor')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.key}>
                <td className="num">{formatNumber(i + 1, i18n.language)}</td>
                <td>{r.label}</td>
                <td className="num">
                  <Link to={linesHref(filter, { kosId: r.key })}>{formatMoney(r.netSalesMinor, r.currency, i18n.language)}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
