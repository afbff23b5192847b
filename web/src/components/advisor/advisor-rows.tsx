import { useTranslation } from 'react-i18next';
import type { AdviceRow } from '../../data/advisor';
import { formatNumber } from '../../format';
import { Badge } from '../ui/badge';

/** The ranked platforms: rank, name, a score bar out of 100, the basis and the reasons in words. */
export function AdvisorRows({ rows }: { rows: readonly AdviceRow[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ol className="advisor-rows" data-testid="advisor-rows" aria-label={t('advisor.listLabel')}>
      {rows.map((row, i) => (
        <li key={row.platform} className="card advisor-row" data-platform={row.platform} data-basis={row.basis}>
          <div className="advisor-head">
            <span className="advisor-rank" aria-hidden="true">
              {i + 1}
            </span>
            <h2 className="advisor-platform">{t(`platform.${row.platform}`)}</h2>
            <Badge of="advisor.basis" value={row.basis} className={`basis-${row.basis}`} />
          </div>
          <div className="advisor-score">
            <span className="advisor-bar" aria-hidden="true">
              <span style={{ width: `${row.score}%` }} />
            </span>
            <span className="advisor-score-text" data-testid="advisor-score">
              {t('advisor.score', { score: formatNumber(row.score, i18n.language, 0) })}
            </span>
          </div>
          <ul className="advisor-reasons">
            {row.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
