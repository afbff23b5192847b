import { useTranslation } from 'react-i18next';
import { useMyUpcomingSessions } from '../../data/me';
import { todayIn } from '../../dates';
import { formatDateTime } from '../../format';
import { Link } from '../../router/link';
import { useMe } from '../../session';
import type { Livestream } from '../../types';
import { Badge } from '../ui/badge';
import { EmptyState } from '../ui/empty-state';
import { ErrorBox } from '../ui/error-box';
import { Loading } from '../ui/loading';
import { type Column, ResponsiveList } from '../ui/responsive-list';

/** The KOS member's livestream sessions from today on that are scheduled or live; /me/sessions has them all, with run-sheets. */
export function MySessions({ kosId }: { kosId: string }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const sessions = useMyUpcomingSessions(kosId, todayIn(me.org.timezone));
  const rows = sessions.data ?? [];
  const when = (iso: string) => formatDateTime(iso, i18n.language, me.org.timezone);
  const columns: Column<Livestream>[] = [
    { key: 'title', header: t('me.sessions.title'), role: 'title', cell: (s) => s.title },
    {
      key: 'status',
      header: t('me.sessions.status'),
      role: 'status',
      cell: (s) => <Badge of="livestreams.status" value={s.status} />,
    },
    { key: 'start', header: t('me.sessions.start'), cell: (s) => when(s.scheduledStart) },
    { key: 'end', header: t('me.sessions.end'), cell: (s) => when(s.scheduledEnd) },
    { key: 'platform', header: t('me.sessions.platform'), cell: (s) => <Badge of="platform" value={s.platform} /> },
    {
      key: 'links',
      header: t('me.actions'),
      role: 'actions',
      cell: (s) => (
        <span className="inline-links">
          <Link
            to={`/livestreams/${encodeURIComponent(s.id)}/run-sheet`}
            aria-label={t('runSheet.titleOf', { title: s.title })}
            data-testid="my-session-run-sheet"
          >
            {t('runSheet.title')}
          </Link>{' '}
          <Link
            to={`/livestreams/${encodeURIComponent(s.id)}/live`}
            aria-label={t('liveRoom.titleOf', { title: s.title })}
            data-testid="my-session-live"
          >
            {t('liveRoom.title')}
          </Link>
        </span>
      ),
    },
  ];
  return (
    <section className="me-section" id="me-sessions" aria-labelledby="me-sessions-title" data-testid="my-sessions">
      <h2 id="me-sessions-title">{t('me.sessions.heading')}</h2>
      <p>
        <Link to="/me/sessions" data-testid="my-sessions-link">
          {t('mySessions.homeLink')}
        </Link>
      </p>
      {sessions.isPending && <Loading />}
      {sessions.isError && <ErrorBox error={sessions.error} onRetry={() => void sessions.refetch()} />}
      {sessions.isSuccess && rows.length === 0 && <EmptyState>{t('me.sessions.empty')}</EmptyState>}
      {rows.length > 0 && (
        <ResponsiveList
          data-testid="my-session-table"
          caption={t('me.sessions.heading')}
          rows={rows}
          columns={columns}
          rowKey={(s) => s.id}
        />
      )}
    </section>
  );
}
