import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useScorecard, useScorecardTrend } from '../../data/tiers';
import { RPG_AXES, type Scorecard } from '../../data/tiers-types';
import { addDays, isDate, todayIn } from '../../dates';
import { formatCompact, formatDate, formatMoney, formatNumber, formatPercent, toMajor } from '../../format';
import { useQueryState } from '../../router/search-params';
import { useMe } from '../../session';
import { ErrorBox } from '../ui/error-box';
import { Field } from '../ui/field';
import { Loading } from '../ui/loading';
import { LockIcon } from './lock-icon';
import { RpgTable } from './rpg-table';
import { TierHistoryList } from './tier-history';
import '../../styles/tiers.css';

// ECharts is large: the charts load only once there is something to draw.
const RpgRadar = lazy(() => import('./tier-charts').then((m) => ({ default: m.RpgRadar })));
const TrendChart = lazy(() => import('./tier-charts').then((m) => ({ default: m.TrendChart })));

type Kpi = Exclude<keyof Scorecard['kpis'], 'currency'>;
const KPIS: Kpi[] = [
  'netSalesMinor',
  'gmvMinor',
  'orders',
  'aovMinor',
  'clicks',
  'conversionRate',
  'cancelRate',
  'returnRate',
  'newBuyers',
  'commissionMinor',
];
const MONEY: Kpi[] = ['gmvMinor', 'netSalesMinor', 'aovMinor', 'commissionMinor'];
const RATES: Kpi[] = ['conversionRate', 'cancelRate', 'returnRate'];

/**
 * One KOS's scorecard for a day (`?date=`, default today in the org; docs/tiers.md): tiers, followers, RPG as
 * a radar with its figures, the KPIs of the 30 days before the day, the weekly trend (left out when the
 * server has none) and the tier history. Used by `/kos/:id/scorecard` and a KOS member's `/me/scorecard`.
 */
export function ScorecardView({ kosId }: { kosId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const today = todayIn(me.org.timezone);
  const [{ date }, setQuery] = useQueryState({ date: '' });
  const valid = date === '' || (isDate(date) && date <= today);
  const card = useScorecard(kosId, valid ? date : '');
  const day = date || today;

  return (
    <div className="scorecard" data-testid="scorecard">
      <form className="card scorecard-filters" aria-label={t('tiers.scorecard.filters')} onSubmit={(e) => e.preventDefault()}>
        <Field
          label={t('tiers.scorecard.date')}
          hint={t('tiers.scorecard.window', { from: addDays(day, -30), to: addDays(day, -1) })}
          error={valid ? undefined : t('tiers.scorecard.badDate', { today })}
        >
          <input
            name="date"
            type="date"
            max={today}
            value={date || today}
            onChange={(e) => setQuery({ date: e.target.value === today ? '' : e.target.value }, { push: true })}
          />
        </Field>
      </form>
      {card.isPending && <Loading />}
      {card.isError && <ErrorBox error={card.error} onRetry={() => void card.refetch()} />}
      {card.data && <ScorecardBody card={card.data} />}
      <Trend kosId={kosId} currency={card.data?.kpis.currency ?? me.org.currency} />
      <TierHistoryList kosId={kosId} />
    </div>
  );
}

function ScorecardBody({ card }: { card: Scorecard }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const none = t('common.none');
  const currency = card.kpis.currency;
  const show = (key: Kpi): string => {
    const v = card.kpis[key];
    if (v === null) return none;
    if (MONEY.includes(key)) return formatMoney(v, currency, lang);
    if (RATES.includes(key)) return formatPercent(v, lang);
    return formatNumber(v, lang);
  };
  return (
    <>
      <ul className="metrics scorecard-head" aria-label={t('tiers.scorecard.summary')}>
        <li className="metric" data-testid="scorecard-tier" data-tier={card.tier ?? ''}>
          <span className="metric-label">{t('tiers.performanceTier')}</span>
          <strong className="metric-value">
            <span className={`tier-pill tier-${card.tier ?? 'none'}`}>{card.tier ?? none}</span>
            {card.tierLocked && (
              <span className="tier-lock" data-testid="tier-locked">
                {' '}
                <LockIcon /> {t('tiers.locked')}
              </span>
            )}
          </strong>
        </li>
        <li className="metric" data-testid="scorecard-followers">
          <span className="metric-label">{t('tiers.followers')}</span>
          <strong className="metric-value">{formatNumber(card.followers, lang)}</strong>
          <span className="muted small">
            {t('tiers.followerTier')}: {card.followerTier ? t(`accounts.followerTier.${card.followerTier}`) : none}
          </span>
        </li>
        <li className="metric" data-testid="scorecard-rpg">
          <span className="metric-label">{t('tiers.rpg.score')}</span>
          <strong className="metric-value">{card.rpg ? formatNumber(card.rpg.score, lang) : none}</strong>
          {!card.rpg && <span className="muted small">{t('tiers.rpg.outside')}</span>}
        </li>
      </ul>
      <section className="card rpg" aria-labelledby="rpg-title">
        <h2 id="rpg-title">{t('tiers.rpg.title')}</h2>
        <p className="muted small">{t('tiers.rpg.explain')}</p>
        <div className="rpg-body">
          {card.rpg && (
            <Suspense fallback={<Loading />}>
              <RpgRadar
                axes={RPG_AXES.map((a) => t(`tiers.rpg.${a}`))}
                values={RPG_AXES.map((a) => card.rpg?.[a] ?? 0)}
                name={t('tiers.rpg.percentile')}
              />
            </Suspense>
          )}
          <RpgTable rpg={card.rpg} values={card.rpgValues} currency={currency} />
        </div>
      </section>
      <section className="card" aria-labelledby="kpi-title">
        <h2 id="kpi-title">{t('tiers.scorecard.kpis')}</h2>
        <p className="muted small">
          {t('tiers.scorecard.kpisHint', {
            from: formatDate(addDays(card.date, -30), lang),
            to: formatDate(addDays(card.date, -1), lang),
          })}
        </p>
        <ul className="metrics" data-testid="scorecard-kpis" aria-label={t('tiers.scorecard.kpis')}>
          {KPIS.map((key) => (
            <li key={key} className="metric" data-testid={`kpi-${key}`}>
              <span className="metric-label">{t(`metric.${key}`)}</span>
              <strong className="metric-value">{show(key)}</strong>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** The weekly points of `/scorecard/trend`; nothing at all where the server has no trend. */
function Trend({ kosId, currency }: { kosId: string; currency: string }) {
  const { t, i18n } = useTranslation();
  const trend = useScorecardTrend(kosId);
  const points = trend.data?.points ?? [];
  if (points.length === 0) return null;
  return (
    <section className="card" aria-labelledby="trend-title" data-testid="scorecard-trend">
      <h2 id="trend-title">{t('tiers.trend.title')}</h2>
      <p className="muted small">{t('tiers.trend.hint')}</p>
      <Suspense fallback={<Loading />}>
        <TrendChart
          series={{
            weeks: points.map((p) => p.date),
            net: points.map((p) => toMajor(p.netSalesMinor, currency)),
            rpg: points.map((p) => p.rpgScore),
            netName: t('metric.netSalesMinor'),
            rpgName: t('tiers.rpg.score'),
          }}
          format={(v) => formatCompact(v, i18n.language)}
        />
      </Suspense>
    </section>
  );
}
