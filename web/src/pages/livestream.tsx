import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../access/use-can';
import { LivestreamFacts } from '../components/livestreams/livestream-facts';
import { LivestreamForm } from '../components/livestreams/livestream-form';
import { MetricsCards } from '../components/livestreams/metrics-cards';
import { StatsForm } from '../components/livestreams/stats-form';
import { type StatusAsk, StatusButtons, StatusDialog } from '../components/livestreams/status-actions';
import { Badge } from '../components/ui/badge';
import { ErrorBox } from '../components/ui/error-box';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { useAllKos } from '../data';
import { useLivestream } from '../data/livestreams';
import { Link } from '../router/link';
import { useParams } from '../router/params';
import '../styles/livestreams.css';
import '../styles/plans.css';

/** One session (`/livestreams/:id`): details and edit, status moves, stats entry and the funnel metrics. */
export default function LivestreamPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams<'id'>();
  const can = useCan();
  const session = useLivestream(id);
  const roster = useAllKos();
  const [editing, setEditing] = useState(false);
  const [ask, setAsk] = useState<StatusAsk>(null);
  const s = session.data;
  const kos = s ? roster.data?.find((k) => k.id === s.kosId) : undefined;
  const kosName = kos ? `${kos.name} (${kos.code})` : (s?.kosId ?? '');

  return (
    <section className="livestream-page">
      <p className="back-link">
        <Link to="/livestreams">{t('livestreams.back')}</Link>
      </p>
      <PageHeader title={s?.title ?? t('livestreams.details')}>
        {s && <Badge of="livestreams.status" value={s.status} data-testid="session-status" />}
        {s && <StatusButtons session={s} onAsk={setAsk} />}
        {s && (
          <Link className="btn small" to={`/livestreams/${s.id}/run-sheet`} data-testid="run-sheet-link">
            {t('runSheet.title')}
          </Link>
        )}
        {s && (
          <Link className="btn small" to={`/livestreams/${s.id}/live`} data-testid="live-room-link">
            {t('liveRoom.title')}
          </Link>
        )}
        {s && can('livestreams.edit') && !editing && (
          <button type="button" className="btn small" data-testid="edit-livestream" onClick={() => setEditing(true)}>
            {t('livestreams.edit')}
          </button>
        )}
      </PageHeader>
      {session.isPending && <Loading />}
      {session.isError && <ErrorBox error={session.error} onRetry={() => void session.refetch()} />}
      {s && (
        <>
          {editing ? (
            <LivestreamForm key={s.updatedAt} session={s} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
          ) : (
            <LivestreamFacts session={s} kosName={kosName} />
          )}
          <div className="livestream-panels">
            <StatsForm session={s} editable={can('livestreams.edit')} />
            <MetricsCards id={s.id} />
          </div>
        </>
      )}
      <StatusDialog ask={ask} kosName={kosName} onClose={() => setAsk(null)} />
    </section>
  );
}
