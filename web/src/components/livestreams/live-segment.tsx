import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Segment } from '../../data/run-sheets';
import { formatDateTime, formatMoney, formatNumber } from '../../format';
import type { Livestream } from '../../types';
import { elapsedMinutes, mmss, offerCountdown, offerWindow, segmentAt, streamStart } from './live-clock';
import { FaqList } from './run-sheet-segment';

/** The time now, again every `everyMs`. */
function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

const HOUR_MS = 3_600_000;

interface Props {
  session: Livestream;
  timeZone: string;
  segments: readonly Segment[];
  stock: Readonly<Record<string, number | null>> | undefined;
  nameOf(productId: string): string;
}

/**
 * Where the stream is on its run-sheet: the current segment (product, stock left, flash offer countdown,
 * talking points, FAQs) and the next one. The clocks tick every second but are not live regions.
 */
export function LiveSegment({ session, timeZone, segments, stock, nameOf }: Props) {
  const { t, i18n } = useTranslation();
  const now = useNow(1000);
  const start = streamStart(session);
  const elapsed = elapsedMinutes(start, now);
  const { current, next } = segmentAt(segments, elapsed);
  const offer = current ? offerWindow(session, current, now) : null;
  const countdown = offer ? offerCountdown(offer, now) : null;
  const left = current ? stock?.[current.productId] : undefined;
  const price = current?.flashOffer ? formatMoney(current.flashOffer.priceMinor, session.currency, i18n.language) : null;

  return (
    <div className="lr-segments">
      <section className="card lr-current" aria-labelledby="lr-current-title" data-testid="live-current">
        <h2 id="lr-current-title">{t('liveRoom.now')}</h2>
        {!current && (
          <p className="lr-clock">
            {elapsed >= 0
              ? t('liveRoom.noSegment')
              : start - now > HOUR_MS
                ? t('liveRoom.startsAt', { time: formatDateTime(start, i18n.language, timeZone) })
                : t('liveRoom.startsIn', { time: mmss(start - now) })}
          </p>
        )}
        {current && (
          <>
            <p className="lr-product" data-testid="live-product">
              {nameOf(current.productId)}
            </p>
            <p className="lr-clock">
              {t('liveRoom.segmentTime', {
                start: current.startMinute,
                end: current.startMinute + current.durationMinutes,
                elapsed,
              })}
            </p>
            <div className="lr-badges">
              <p className={`lr-stock${left === 0 || current.stockWarning ? ' low' : ''}`} data-testid="live-stock">
                {t('liveRoom.stockLeft')}:{' '}
                <strong>
                  {left === undefined || left === null ? t('liveRoom.stockUnknown') : formatNumber(left, i18n.language)}
                </strong>
              </p>
              {countdown && (
                <p className="lr-offer" data-testid="live-offer">
                  {countdown.phase === 'upcoming' ? t('liveRoom.offerStartsIn') : t('liveRoom.offerEndsIn')}{' '}
                  <strong className="lr-timer">{mmss(countdown.msLeft)}</strong>
                  {price && <span className="lr-price"> · {price}</span>}
                </p>
              )}
            </div>
            <h3>{t('runSheet.talkingPoints')}</h3>
            <p className="rs-points lr-points">{current.talkingPoints || t('runSheet.noTalkingPoints')}</p>
            <h3>{t('runSheet.faqs')}</h3>
            <FaqList faqs={current.faqs} />
          </>
        )}
      </section>
      <section className="card lr-next" aria-labelledby="lr-next-title" data-testid="live-next">
        <h2 id="lr-next-title">{t('liveRoom.next')}</h2>
        {next ? (
          <p>
            <strong>{nameOf(next.productId)}</strong>{' '}
            {t('liveRoom.nextAt', { time: mmss(start + next.startMinute * 60_000 - now) })}
          </p>
        ) : (
          <p className="muted">{t(current ? 'liveRoom.noNext' : 'liveRoom.noMore')}</p>
        )}
      </section>
    </div>
  );
}
