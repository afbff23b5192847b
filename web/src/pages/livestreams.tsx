import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../access/use-can';
import { LivestreamCalendar } from '../components/livestreams/livestream-calendar';
import { LivestreamFilters, NO_QUERY } from '../components/livestreams/livestream-filters';
import { LivestreamForm } from '../components/livestreams/livestream-form';
import { LivestreamList } from '../components/livestreams/livestream-list';
import { type StatusAsk, StatusDialog } from '../components/livestreams/status-actions';
import { EmptyState } from '../components/ui/empty-state';
import { ErrorBox } from '../components/ui/error-box';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { useAllKos } from '../data';
import { useLivestreamPages } from '../data/livestreams';
import { isPeriod, todayIn } from '../dates';
import { navigate } from '../router/location';
import { useQueryState } from '../router/search-params';
import { useMe } from '../session';
import '../styles/livestreams.css';
import '../styles/plans.css';

/**
 * `/livestreams?kosId=&status=&from=&to=` as a list, `?view=calendar&month=YYYY-MM` as a month calendar
 * (an agenda on a phone). Editors schedule sessions and move their status (only the moves the API allows).
 */
export default function LivestreamsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const [query, setQuery] = useQueryState(NO_QUERY);
  const [creating, setCreating] = useState(false);
  const [ask, setAsk] = useState<StatusAsk>(null);
  const roster = useAllKos();
  const names = new Map((roster.data ?? []).map((k) => [k.id, `${k.name} (${k.code})`]));
  const kosName = (id: string) => names.get(id) ?? id;
  const today = todayIn(me.org.timezone);
  const calendar = query.view === 'calendar';
  const { kosId, status, from, to } = query;
  const list = useLivestreamPages({ kosId, status, from: calendar ? '' : from, to: calendar ? '' : to });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section className="livestreams-page">
      <PageHeader title={t('livestreams.title')}>
        {can('livestreams.create') && !creating && (
          <button type="button" className="btn primary" data-testid="new-livestream" onClick={() => setCreating(true)}>
            {t('livestreams.new')}
          </button>
        )}
      </PageHeader>
      {creating && (
        <LivestreamForm
          onCancel={() => setCreating(false)}
          onSaved={(s) => navigate(`/livestreams/${encodeURIComponent(s.id)}`)}
        />
      )}
      <LivestreamFilters value={query} roster={roster.data ?? []} onChange={setQuery} />
      {calendar ? (
        <LivestreamCalendar
          month={isPeriod(query.month) ? query.month : today.slice(0, 7)}
          today={today}
          filter={{ kosId, status }}
          onMonth={(month) => setQuery({ month }, { push: true })}
        />
      ) : (
        <>
          {list.isPending && <Loading />}
          {list.isError && <ErrorBox error={list.error} onRetry={() => void list.refetch()} />}
          {list.isSuccess && rows.length === 0 && <EmptyState>{t('livestreams.empty')}</EmptyState>}
          {rows.length > 0 && <LivestreamList rows={rows} kosName={kosName} onAsk={setAsk} />}
          {list.hasNextPage && (
            <button type="button" className="btn" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {list.isFetchingNextPage ? t('common.loading') : t('common.loadMore')}
            </button>
          )}
        </>
      )}
      <StatusDialog ask={ask} kosName={ask ? kosName(ask.session.kosId) : ''} onClose={() => setAsk(null)} />
    </section>
  );
}
