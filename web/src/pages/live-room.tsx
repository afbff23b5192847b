import { useTranslation } from 'react-i18next';
import { useLiveFeed } from '../components/livestreams/live-feed';
import { LiveCounts, LiveGmv } from '../components/livestreams/live-figures';
import { LiveSegment } from '../components/livestreams/live-segment';
import { Badge } from '../components/ui/badge';
import { ErrorBox } from '../components/ui/error-box';
import { Loading } from '../components/ui/loading';
import { useCatalogue, useLivestream } from '../data/livestreams';
import { useRunSheet } from '../data/run-sheets';
import { Link } from '../router/link';
import { useParams } from '../router/params';
import { useMe } from '../session';
import '../styles/run-sheet.css';
import '../styles/live-room.css';

/**
 * The live room (`/livestreams/:id/live`, docs/live-room.md): the session's GMV, orders and stats pushed by
 * server-sent events, and where the stream is on its run-sheet (docs/livestream-console.md). Big type that
 * reads on a phone (GMV, then the segment, then the counts) and on a TV (figures left, segment right).
 */
export default function LiveRoomPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams<'id'>();
  const me = useMe();
  const session = useLivestream(id);
  const sheet = useRunSheet(id);
  const catalogue = useCatalogue();
  const s = session.data;
  const feed = useLiveFeed(id, session.isSuccess);
  const names = new Map((catalogue.data ?? []).map((p) => [p.id, p.name]));
  const nameOf = (productId: string) => names.get(productId) ?? productId;

  return (
    <section className="live-room">
      <p className="back-link">
        <Link to={me.role === 'kos' ? '/me' : `/livestreams/${id}`}>
          {me.role === 'kos' ? t('runSheet.backToMe') : t('runSheet.backToSession')}
        </Link>
        {' · '}
        <Link to={`/livestreams/${id}/run-sheet`}>{t('liveRoom.runSheet')}</Link>
      </p>
      <header className="page-head lr-head">
        <h1>{s ? s.title : t('liveRoom.title')}</h1>
        <div className="page-actions">
          {s && <Badge of="livestreams.status" value={s.status} />}
          <span className={`lr-status lr-${feed.status}`} data-testid="live-status" data-value={feed.status} role="status">
            <span className="lr-dot" aria-hidden="true" />
            {t(`liveRoom.status.${feed.status}`)}
          </span>
        </div>
      </header>
      {session.isPending && <Loading />}
      {session.isError && <ErrorBox error={session.error} onRetry={() => void session.refetch()} />}
      {s && (
        <div className="lr-grid">
          <LiveGmv tick={feed.tick} currency={s.currency} />
          {sheet.isError ? (
            <div className="lr-segments">
              <ErrorBox error={sheet.error} onRetry={() => void sheet.refetch()} />
            </div>
          ) : (
            sheet.data && (
              <LiveSegment
                session={s}
                timeZone={me.org.timezone}
                segments={sheet.data.segments}
                stock={feed.tick?.stock}
                nameOf={nameOf}
              />
            )
          )}
          <LiveCounts tick={feed.tick} timeZone={me.org.timezone} />
        </div>
      )}
    </section>
  );
}
