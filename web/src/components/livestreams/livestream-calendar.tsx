import { useTranslation } from 'react-i18next';
import { type LivestreamFilter, useLivestreamsBetween } from '../../data/livestreams';
import { addDays, datesBetween } from '../../dates';
import { formatDate } from '../../format';
import { Link } from '../../router/link';
import { useMe } from '../../session';
import type { Livestream } from '../../types';
import { zonedDay, zonedInput } from '../../zoned-time';
import { Badge } from '../ui/badge';
import { EmptyState } from '../ui/empty-state';
import { ErrorBox } from '../ui/error-box';
import { Loading } from '../ui/loading';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** Monday = 0 … Sunday = 6. */
const weekday = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
export const nextMonth = (month: string) => addDays(`${month}-01`, 32).slice(0, 7);
export const previousMonth = (month: string) => addDays(`${month}-01`, -1).slice(0, 7);

/**
 * A month of sessions on the org's calendar: a Monday-first grid on wide screens, an agenda of the days
 * that have sessions below 640 px (CSS only, styles/livestreams.css).
 */
export function LivestreamCalendar({
  month,
  today,
  filter,
  onMonth,
}: {
  month: string;
  today: string;
  filter: Pick<LivestreamFilter, 'kosId' | 'status'>;
  onMonth: (month: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const timeZone = useMe().org.timezone;
  const first = `${month}-01`;
  const sessions = useLivestreamsBetween(filter, first, `${nextMonth(month)}-01`);
  const days = datesBetween(first, addDays(`${nextMonth(month)}-01`, -1));
  const byDay = new Map<string, Livestream[]>();
  for (const s of [...(sessions.data ?? [])].sort((a, b) => a.scheduledStart.localeCompare(b.scheduledStart))) {
    const day = zonedDay(s.scheduledStart, timeZone);
    byDay.set(day, [...(byDay.get(day) ?? []), s]);
  }
  const pads = Array.from({ length: weekday(first) }, (_, i) => `pad-${i}`);
  const [year, m] = month.split('-');

  return (
    <section className="calendar" aria-labelledby="calendar-title" data-testid="livestream-calendar">
      <div className="cal-nav">
        <button type="button" className="btn small" onClick={() => onMonth(previousMonth(month))}>
          {t('livestreams.calendar.previous')}
        </button>
        <h2 id="calendar-title">{t('livestreams.calendar.month', { year, month: Number(m) })}</h2>
        <button type="button" className="btn small" onClick={() => onMonth(nextMonth(month))}>
          {t('livestreams.calendar.next')}
        </button>
        {today.slice(0, 7) !== month && (
          <button type="button" className="btn small" onClick={() => onMonth(today.slice(0, 7))}>
            {t('livestreams.calendar.thisMonth')}
          </button>
        )}
      </div>
      {sessions.isPending && <Loading />}
      {sessions.isError && <ErrorBox error={sessions.error} onRetry={() => void sessions.refetch()} />}
      {sessions.isSuccess && byDay.size === 0 && <EmptyState>{t('livestreams.emptyMonth')}</EmptyState>}
      <div className="cal-weekdays" aria-hidden="true">
        {WEEKDAYS.map((d) => (
          <span key={d}>{t(`livestreams.weekday.${d}`)}</span>
        ))}
      </div>
      <ol className="cal-grid">
        {pads.map((key) => (
          <li key={key} className="cal-pad" aria-hidden="true" />
        ))}
        {days.map((day) => {
          const list = byDay.get(day) ?? [];
          const cls = ['cal-day', list.length ? '' : 'cal-empty', day === today ? 'cal-today' : ''].filter(Boolean).join(' ');
          return (
            <li key={day} className={cls} data-day={day}>
              <div className="cal-date">
                <span className="cal-num" aria-hidden="true">
                  {Number(day.slice(8))}
                </span>
                <span className="cal-full">{formatDate(day, i18n.language)}</span>
              </div>
              {list.length > 0 && (
                <ul className="cal-sessions">
                  {list.map((s) => (
                    <li key={s.id} className={`cal-session status-${s.status}`}>
                      <Link to={`/livestreams/${encodeURIComponent(s.id)}`}>
                        <span className="cal-time">{zonedInput(s.scheduledStart, timeZone).slice(11)}</span> {s.title}
                      </Link>
                      <Badge of="livestreams.status" value={s.status} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
