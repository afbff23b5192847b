import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SessionCard } from '../components/portal/session-card';
import { groupSessions } from '../components/portal/session-groups';
import { EmptyState } from '../components/ui/empty-state';
import { ErrorBox } from '../components/ui/error-box';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { useAllMySessions } from '../data/portal';
import { Link } from '../router/link';
import { useMe } from '../session';
import '../styles/me.css';
import '../styles/portal.css';

/** The clock, read again every minute: a live room link appears an hour before its session starts. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * `/me/sessions`: a KOS member's upcoming and live sessions, each with its run-sheet and, from an hour
 * before, its live room (docs/portal-console.md); past and cancelled sessions folded below. The API lists only their own.
 */
export default function MySessionsPage() {
  const { t } = useTranslation();
  const { kosId } = useMe();
  return (
    <section className="me portal">
      <PageHeader title={t('mySessions.title')}>
        <Link to="/me">{t('mySessions.backToMe')}</Link>
      </PageHeader>
      {kosId ? <Sessions kosId={kosId} /> : <EmptyState>{t('me.noKos')}</EmptyState>}
    </section>
  );
}

function Sessions({ kosId }: { kosId: string }) {
  const { t } = useTranslation();
  const sessions = useAllMySessions(kosId);
  const now = useMinuteClock();
  if (sessions.isPending) return <Loading />;
  if (sessions.isError) return <ErrorBox error={sessions.error} onRetry={() => void sessions.refetch()} />;
  const { current, past } = groupSessions(sessions.data, now);
  return (
    <>
      <section aria-labelledby="my-sessions-upcoming" data-testid="my-sessions-upcoming">
        <h2 id="my-sessions-upcoming">{t('mySessions.upcoming')}</h2>
        {current.length === 0 ? (
          <EmptyState>{t('mySessions.empty')}</EmptyState>
        ) : (
          <ul className="session-cards">
            {current.map((s) => (
              <SessionCard key={s.id} session={s} now={now} />
            ))}
          </ul>
        )}
      </section>
      <details className="card my-sessions-past" data-testid="my-sessions-past">
        <summary>{t('mySessions.past', { n: past.length })}</summary>
        {past.length === 0 ? (
          <p className="muted">{t('mySessions.noPast')}</p>
        ) : (
          <ul className="session-cards">
            {past.map((s) => (
              <SessionCard key={s.id} session={s} now={now} />
            ))}
          </ul>
        )}
      </details>
    </>
  );
}
