import { useTranslation } from 'react-i18next';
import { type Contest, isTied, reachedTarget, rowKey, type StandingRow } from '../../data/contests-enums';
import { enumKey } from '../../enums';
import { formatNumber } from '../../format';
import { formatValue } from './contest-value';

/** The name of a standings row, with a KOS's code. */
export const rowName = (row: StandingRow) => (row.code ? `${row.name} (${row.code})` : row.name);

/**
 * The leaderboard: rank (shared by equal values: 1, 1, 3), KOS or unit, value (money for money metrics) and
 * the highest target reached. `own` marks the caller's row (a KOS member's own, or their unit's).
 */
export function StandingsTable({
  contest,
  rows,
  currency,
  own,
  big,
}: {
  contest: Contest;
  rows: readonly StandingRow[];
  currency: string;
  own?: (row: StandingRow) => boolean;
  /** TV mode: the big, high-contrast board. */
  big?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const value = (v: number) => formatValue(v, contest.metric, currency, lang);
  const who = contest.scope === 'unit' ? t('contests.column.unit') : t('contests.column.kos');
  return (
    <div className={big ? 'standings tv-standings' : 'table-wrap standings'}>
      <table className={big ? 'tv-table' : 'table standings-table'} data-testid="standings">
        <caption className="visually-hidden">
          {t('contests.standingsOf', { name: contest.name, metric: t(enumKey('contests.metric', contest.metric)) })}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('contests.column.rank')}
            </th>
            <th scope="col">{who}</th>
            <th scope="col" className="num">
              {t(enumKey('contests.metric', contest.metric))}
            </th>
            <th scope="col">{t('contests.column.target')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const target = reachedTarget(r);
            const mine = own?.(r) ?? false;
            return (
              <tr
                key={rowKey(r)}
                data-rank={r.rank}
                data-id={rowKey(r)}
                className={[mine && 'own', r.rank <= 3 && `top top-${r.rank}`].filter(Boolean).join(' ') || undefined}
                aria-current={mine ? 'true' : undefined}
              >
                <td className="num rank">
                  {formatNumber(r.rank, lang)}
                  {isTied(rows, r) && (
                    <span className="tie" title={t('contests.tie')}>
                      {' '}
                      {t('contests.tieShort')}
                    </span>
                  )}
                </td>
                <th scope="row" className="who">
                  {rowName(r)}
                  {mine && <span className="badge tone-info own-badge">{t('contests.you')}</span>}
                </th>
                <td className="num value">{value(r.value)}</td>
                <td className="target-cell">
                  {target !== null && (
                    <span className="badge tone-good" data-testid="target-reached">
                      {t('contests.targetReached', { value: value(target) })}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
