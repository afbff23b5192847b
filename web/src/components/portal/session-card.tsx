import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format';
import { Link } from '../../router/link';
import { useMe } from '../../session';
import type { Livestream } from '../../types';
import { Badge } from '../ui/badge';
import { liveRoomOpen } from './session-groups';

/** One of the member's sessions: when and where, its run-sheet, and its live room while it is (about to be) on air. */
export function SessionCard({ session, now }: { session: Livestream; now: number }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const when = (iso: string) => formatDateTime(iso, i18n.language, me.org.timezone);
  const base = `/livestreams/${encodeURIComponent(session.id)}`;
  const live = liveRoomOpen(session, now);
  return (
    <li className="card session-card" data-testid={`my-session-${session.id}`}>
      <div className="session-card-head">
        <h3>{session.title}</h3>
        <Badge of="livestreams.status" value={session.status} />
      </div>
      <p className="small">
        {t('mySessions.when', { start: when(session.scheduledStart), end: when(session.scheduledEnd) })}{' '}
        <Badge of="platform" value={session.platform} />
      </p>
      <div className="actions session-card-links">
        <Link
          className="btn small"
          to={`${base}/run-sheet`}
          data-testid="run-sheet-link"
          aria-label={t('mySessions.runSheetOf', { title: session.title })}
        >
          {t('mySessions.runSheet')}
        </Link>
        {live && (
          <Link
            className="btn small primary"
            to={`${base}/live`}
            data-testid="live-room-link"
            aria-label={t('mySessions.liveRoomOf', { title: session.title })}
          >
            {t('mySessions.liveRoom')}
          </Link>
        )}
      </div>
    </li>
  );
}
