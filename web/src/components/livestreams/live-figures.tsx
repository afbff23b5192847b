import { useTranslation } from 'react-i18next';
import { formatDateTime, formatMoney, formatNumber } from '../../format';
import { useCalmAnnouncement, useCountUp } from './count-up';
import type { Tick } from './live-feed';

const STATS = ['viewers', 'peakViewers', 'views', 'comments', 'productClicks', 'addToCart'] as const;

/**
 * The GMV of the latest tick, counting up. The counting number is hidden from screen readers; a polite
 * region says the new GMV and orders at most every 10 s (docs/livestream-console.md).
 */
export function LiveGmv({ tick, currency }: { tick: Tick | null; currency: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const gmv = useCountUp(tick ? tick.gmvMinor : null);
  const money = (minor: number) => formatMoney(Math.round(minor), currency, lang);
  const said = useCalmAnnouncement(
    tick ? t('liveRoom.announce', { gmv: money(tick.gmvMinor), orders: formatNumber(tick.orders, lang) }) : '',
  );
  return (
    <section className="lr-gmv card" aria-labelledby="lr-gmv-label">
      <h2 id="lr-gmv-label">{t('liveRoom.gmv')}</h2>
      <p className="lr-gmv-value" data-testid="live-gmv" data-value={tick?.gmvMinor ?? ''} aria-hidden="true">
        {gmv === null ? '—' : money(gmv)}
      </p>
      <p className="visually-hidden">{tick ? money(tick.gmvMinor) : '—'}</p>
      <p className="visually-hidden" aria-live="polite" data-testid="live-announce">
        {said}
      </p>
    </section>
  );
}

/** Orders, tied lines, the stats and the last order of the latest tick ("—" before the first). */
export function LiveCounts({ tick, timeZone }: { tick: Tick | null; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const count = (n: number | undefined) => (n === undefined ? '—' : formatNumber(n, lang));
  return (
    <section className="lr-figures" aria-labelledby="lr-figures-label">
      <h2 id="lr-figures-label" className="visually-hidden">
        {t('liveRoom.figures')}
      </h2>
      <dl className="lr-counts">
        <div className="lr-count">
          <dt>{t('liveRoom.orders')}</dt>
          <dd data-testid="live-orders">{count(tick?.orders)}</dd>
        </div>
        <div className="lr-count">
          <dt>{t('liveRoom.lines')}</dt>
          <dd data-testid="live-lines">{count(tick?.lines)}</dd>
        </div>
        {STATS.map((k) => (
          <div key={k} className="lr-count">
            <dt>{t(`livestreams.stats.${k}`)}</dt>
            <dd data-stat={k}>{count(tick?.stats[k])}</dd>
          </div>
        ))}
        <div className="lr-count">
          <dt>{t('liveRoom.lastOrder')}</dt>
          <dd className="lr-small">{tick?.lastOrderAt ? formatDateTime(tick.lastOrderAt, lang, timeZone) : '—'}</dd>
        </div>
      </dl>
    </section>
  );
}
