import { useTranslation } from 'react-i18next';
import type { Contest } from '../../data/contests-enums';
import { enumKey } from '../../enums';
import { formatMoney, formatNumber } from '../../format';
import { useContestSummary } from './contest-list';
import { formatValue } from './contest-value';

/** A contest's rules at a glance: metric, who competes, days, prizes by rank and targets. */
export function ContestFacts({ contest, currency }: { contest: Contest; currency: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const summary = useContestSummary();
  const money = (minor: number) => formatMoney(minor, currency, lang);
  const ranks = (from: number, to: number) =>
    from === to
      ? t('contests.rankOne', { rank: formatNumber(from, lang) })
      : t('contests.rankRange', { from: formatNumber(from, lang), to: formatNumber(to, lang) });
  return (
    <section className="card contest-facts" aria-label={t('contests.rules')} data-testid="contest-facts">
      <dl className="contest-dl">
        <div>
          <dt>{t('contests.field.metric')}</dt>
          <dd>{t(enumKey('contests.metric', contest.metric))}</dd>
        </div>
        <div>
          <dt>{t('contests.field.scope')}</dt>
          <dd>{summary.scope(contest)}</dd>
        </div>
        <div>
          <dt>{t('contests.column.dates')}</dt>
          <dd>{summary.dates(contest)}</dd>
        </div>
      </dl>
      <div className="contest-rewards">
        <div>
          <h2>{t('contests.field.prizes')}</h2>
          {contest.prizes.length === 0 ? (
            <p className="muted small">{t('contests.noPrizes')}</p>
          ) : (
            <ul className="plain" data-testid="prize-list">
              {contest.prizes.map((p) => (
                <li key={`${p.rankFrom}-${p.rankTo}`}>
                  {ranks(p.rankFrom, p.rankTo)}: <strong>{money(p.amountMinor)}</strong>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h2>{t('contests.field.targets')}</h2>
          {contest.targets.length === 0 ? (
            <p className="muted small">{t('contests.noTargets')}</p>
          ) : (
            <ul className="plain" data-testid="target-list">
              {contest.targets.map((x) => (
                <li key={x.value}>
                  {t('contests.targetLine', {
                    value: formatValue(x.value, contest.metric, currency, lang),
                    bonus: money(x.bonusMinor),
                  })}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
