import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../access/use-can';
import { AwardsTable } from '../components/contests/awards-table';
import { ContestFacts } from '../components/contests/contest-facts';
import { PkView } from '../components/contests/pk-view';
import { StandingsTable } from '../components/contests/standings-table';
import { TvBoard } from '../components/contests/tv-board';
import { Badge } from '../components/ui/badge';
import { ConfirmDialog } from '../components/ui/confirm-dialog';
import { EmptyState } from '../components/ui/empty-state';
import { ErrorBox } from '../components/ui/error-box';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { useCloseContest, useContest, useOwnKos, useStandings } from '../data/contests';
import type { Contest, StandingRow } from '../data/contests-enums';
import { formatDateTime } from '../format';
import { Link } from '../router/link';
import { useParams } from '../router/params';
import { useQueryState } from '../router/search-params';
import { useMe } from '../session';
import '../styles/contests.css';

/**
 * `/contests/:id` (`?tv=1` TV mode, `?pkA=…&pkB=…` the PK's two sides): the live leaderboard (asked again every
 * 10 s while running), the PK of two units for a unit contest, and once the contest has ended the admins'
 * Close, then the awards it booked. A KOS member reads the contests they take part in, their row marked.
 */
export default function ContestPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams<'id'>();
  const contest = useContest(id);
  return (
    <section className="contest-page">
      {contest.isPending && (
        <>
          <PageHeader title={t('contests.title')} />
          <Loading />
        </>
      )}
      {contest.isError && (
        <>
          <PageHeader title={t('contests.title')} />
          <ErrorBox error={contest.error} onRetry={() => void contest.refetch()} />
        </>
      )}
      {contest.data && <ContestView contest={contest.data} />}
    </section>
  );
}

function ContestView({ contest }: { contest: Contest }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const can = useCan();
  const [query, setQuery] = useQueryState({ tv: '', pkA: '', pkB: '' });
  const [confirming, setConfirming] = useState(false);
  const running = contest.status === 'running';
  const standings = useStandings(contest.id, running);
  const close = useCloseContest(contest.id);
  const ownKos = useOwnKos(me.kosId);
  const currency = contest.currency ?? me.org.currency;
  const rows = standings.data?.rows ?? [];
  const ownUnit = me.kosId ? ownKos.data?.unitId : null;
  const own = me.kosId ? (r: StandingRow) => r.kosId === me.kosId || (!!ownUnit && r.unitId === ownUnit) : undefined;
  const awards = contest.awards ?? close.data?.awards ?? null;
  const pk = { a: query.pkA, b: query.pkB };
  const updated = formatDateTime(standings.dataUpdatedAt || Date.now(), i18n.language, me.org.timezone);

  if (query.tv === '1')
    return (
      <TvBoard
        contest={contest}
        rows={rows}
        currency={currency}
        updatedAt={standings.dataUpdatedAt || Date.now()}
        timeZone={me.org.timezone}
        pk={query.pkA || query.pkB ? pk : null}
        onExit={() => setQuery({ tv: '' })}
      />
    );

  return (
    <>
      <PageHeader title={contest.name}>
        <Badge of="contests.status" value={contest.status} data-testid="contest-status" />
        <button type="button" className="btn" data-testid="tv-mode" onClick={() => setQuery({ tv: '1' }, { push: true })}>
          {t('contests.tv.open')}
        </button>
        {can('contests.edit') && contest.status !== 'closed' && (
          <Link className="btn" to={`/contests?edit=${encodeURIComponent(contest.id)}`}>
            {t('contests.edit')}
          </Link>
        )}
        {can('contests.close') && contest.status === 'ended' && (
          <button type="button" className="btn primary" data-testid="close-contest" onClick={() => setConfirming(true)}>
            {t('contests.close.action')}
          </button>
        )}
      </PageHeader>
      <p>
        <Link to={can('contests.view') ? '/contests' : '/me/contests'}>{t('contests.back')}</Link>
      </p>
      <ContestFacts contest={contest} currency={currency} />
      {awards && (
        <AwardsTable
          awards={awards}
          currency={currency}
          unitNames={new Map(rows.flatMap((r) => (r.unitId ? [[r.unitId, r.name] as const] : [])))}
        />
      )}
      {contest.scope === 'unit' && rows.length > 1 && (
        <PkView
          contest={contest}
          rows={rows}
          currency={currency}
          choice={pk}
          onChoose={(c) => setQuery({ pkA: c.a, pkB: c.b })}
        />
      )}
      <section className="card" aria-labelledby="standings-title">
        <div className="standings-head">
          <h2 id="standings-title">{t('contests.standings')}</h2>
          <p className="muted small" data-testid="standings-updated">
            {running && <span className="live-dot" aria-hidden="true" />}
            {running ? t('contests.live', { time: updated }) : t('contests.updatedAt', { time: updated })}
          </p>
        </div>
        {standings.isPending && <Loading />}
        {standings.isError && <ErrorBox error={standings.error} onRetry={() => void standings.refetch()} />}
        {standings.isSuccess && rows.length === 0 && <EmptyState>{t('contests.noStandings')}</EmptyState>}
        {rows.length > 0 && <StandingsTable contest={contest} rows={rows} currency={currency} own={own} />}
      </section>
      <ConfirmDialog
        open={confirming}
        title={t('contests.close.title', { name: contest.name })}
        confirmLabel={t('contests.close.confirm')}
        busy={close.isPending}
        error={close.error}
        onCancel={() => setConfirming(false)}
        onConfirm={() => close.mutate(undefined, { onSuccess: () => setConfirming(false) })}
      >
        <p>{t('contests.close.body')}</p>
      </ConfirmDialog>
    </>
  );
}
