import { useTranslation } from 'react-i18next';
import { useContestSummary } from '../components/contests/contest-list';
import { formatValue } from '../components/contests/contest-value';
import { Badge } from '../components/ui/badge';
import { EmptyState } from '../components/ui/empty-state';
import { ErrorBox } from '../components/ui/error-box';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { useContests, useOwnKos, useStandings } from '../data/contests';
import type { Contest } from '../data/contests-enums';
import { enumKey } from '../enums';
import { formatNumber } from '../format';
import { Link } from '../router/link';
import { useMe } from '../session';
import '../styles/contests.css';

/** `/me/contests`: the contests a KOS member takes part in, each with their rank and value so far (read-only). */
export default function MyContestsPage() {
  const { t } = useTranslation();
  const contests = useContests();
  const rows = contests.data ?? [];
  return (
    <section className="my-contests">
      <PageHeader title={t('contests.mine.title')} />
      <p>
        <Link to="/me">{t('contests.mine.back')}</Link>
      </p>
      {contests.isPending && <Loading />}
      {contests.isError && <ErrorBox error={contests.error} onRetry={() => void contests.refetch()} />}
      {contests.isSuccess && rows.length === 0 && <EmptyState>{t('contests.mine.empty')}</EmptyState>}
      <ul className="my-contest-list" data-testid="my-contests">
        {rows.map((c) => (
          <MyContest key={c.id} contest={c} />
        ))}
      </ul>
    </section>
  );
}

function MyContest({ contest }: { contest: Contest }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const summary = useContestSummary();
  const standings = useStandings(contest.id, contest.status === 'running');
  const kos = useOwnKos(me.kosId);
  const unitId = kos.data?.unitId;
  const row = standings.data?.rows.find((r) => r.kosId === me.kosId || (!!unitId && r.unitId === unitId));
  const currency = contest.currency ?? me.org.currency;
  return (
    <li className="card my-contest" data-id={contest.id}>
      <div className="my-contest-head">
        <h2>
          <Link to={`/contests/${encodeURIComponent(contest.id)}`}>{contest.name}</Link>
        </h2>
        <Badge of="contests.status" value={contest.status} />
      </div>
      <p className="muted small">
        {t(enumKey('contests.metric', contest.metric))} · {summary.scope(contest)} · {summary.dates(contest)}
      </p>
      {standings.isError && <ErrorBox error={standings.error} />}
      {standings.isSuccess && (
        <p className="my-standing" data-testid="my-standing">
          {row
            ? t('contests.mine.standing', {
                rank: formatNumber(row.rank, i18n.language),
                of: standings.data.rows.length,
                value: formatValue(row.value, contest.metric, currency, i18n.language),
              })
            : t('contests.mine.notRanked')}
        </p>
      )}
    </li>
  );
}
