import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../api';
import { formatMoney } from '../format';
import { useMe } from '../session';
import type { Leaderboard as LeaderboardAnswer } from '../types';
import { ErrorBox, Loading } from './status';

/** The top KOS by net sales this month. */
export function Leaderboard() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const board = useQuery({
    queryKey: ['analytics', 'leaderboard', 'netSales', 'month'],
    queryFn: () => api<LeaderboardAnswer>(`/analytics/leaderboard${qs({ metric: 'netSales', period: 'month' })}`),
  });
  const rows = board.data?.rows ?? [];

  return (
    <article className="card" data-testid="leaderboard">
      <h2>{t('dashboard.leaderboard')}</h2>
      <p className="muted small">{t('dashboard.leaderboardHint')}</p>
      {board.isPending && <Loading />}
      {board.isError && <ErrorBox error={board.error} onRetry={() => void board.refetch()} />}
      {board.isSuccess && rows.length === 0 && <p className="empty">{t('dashboard.noData')}</p>}
      {rows.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th className="num">{t('dashboard.rank')}</th>
              <th>{t('dashboard.kos')}</th>
              <th className="num">{t('metric.netSalesMinor')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.kosId}>
                <td className="num">{r.rank}</td>
                <td>{r.name}</td>
                <td className="num">{formatMoney(r.value, me.org.currency, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
