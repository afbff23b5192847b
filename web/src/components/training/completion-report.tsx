import { useTranslation } from 'react-i18next';
import { useUnits } from '../../data';
import { useTrainingReport } from '../../data/training';
import type { Course, ReportRow } from '../../data/training-enums';
import { formatPercent } from '../../format';
import { useQueryState } from '../../router/search-params';
import { EmptyState } from '../ui/empty-state';
import { ErrorBox } from '../ui/error-box';
import { Loading } from '../ui/loading';
import { type Column, ResponsiveList } from '../ui/responsive-list';

const TIER_ORDER = ['S', 'A', 'B', 'C'];
const tierRank = (tier: string | null) => (tier === null ? TIER_ORDER.length : TIER_ORDER.indexOf(tier));

/** A completion rate as a bar and its percentage (no bar when nothing is assigned). */
export function RateBar({ rate }: { rate: number | null }) {
  const { t, i18n } = useTranslation();
  if (rate === null) return <span className="muted">{t('common.none')}</span>;
  const pct = Math.round(rate * 100);
  return (
    <span className="rate">
      <span className="rate-bar" aria-hidden="true">
        <span style={{ width: `${pct}%` }} />
      </span>
      <span className="rate-text">{formatPercent(rate, i18n.language)}</span>
    </span>
  );
}

/**
 * `GET /training/report` below the courses: per course, one row per unit and tier with what is assigned,
 * completed and overdue and the completion rate as a bar. Filters (course, unit) live in the URL.
 */
export function CompletionReport({ courses }: { courses: readonly Course[] }) {
  const { t } = useTranslation();
  const units = useUnits();
  const [filter, setFilter] = useQueryState({ courseId: '', unitId: '' });
  const report = useTrainingReport({ courseId: filter.courseId || undefined, unitId: filter.unitId || undefined });
  const unitName = (id: string | null) =>
    id === null ? t('training.report.noUnit') : ((units.data ?? []).find((u) => u.id === id)?.name ?? id);
  const courseTitle = (id: string) => courses.find((c) => c.id === id)?.title ?? id;
  const rows = report.data?.rows ?? [];
  const byCourse = [...new Set(rows.map((r) => r.courseId))].map((courseId) => ({
    courseId,
    rows: rows
      .filter((r) => r.courseId === courseId)
      .sort((a, b) => unitName(a.unitId).localeCompare(unitName(b.unitId)) || tierRank(a.tier) - tierRank(b.tier)),
  }));
  const columns: Column<ReportRow>[] = [
    { key: 'unit', header: t('training.report.unit'), role: 'title', cell: (r) => unitName(r.unitId) },
    {
      key: 'tier',
      header: t('training.report.tier'),
      role: 'status',
      cell: (r) => <span className="badge tone-muted">{r.tier ?? t('training.report.noTier')}</span>,
    },
    { key: 'assigned', header: t('training.report.assigned'), numeric: true, cell: (r) => r.assigned },
    { key: 'completed', header: t('training.report.completed'), numeric: true, cell: (r) => r.completed },
    { key: 'overdue', header: t('training.report.overdue'), numeric: true, cell: (r) => r.overdue },
    { key: 'rate', header: t('training.report.rate'), cell: (r) => <RateBar rate={r.completionRate} /> },
  ];
  return (
    <section className="training-report" aria-labelledby="training-report-title" data-testid="training-report">
      <h2 id="training-report-title">{t('training.report.title')}</h2>
      <search className="filters">
        <select
          name="courseId"
          aria-label={t('training.report.course')}
          value={filter.courseId}
          onChange={(e) => setFilter({ courseId: e.target.value })}
        >
          <option value="">{`${t('training.report.course')}: ${t('common.all')}`}</option>
          {courses.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
        <select
          name="unitId"
          aria-label={t('training.report.unit')}
          value={filter.unitId}
          onChange={(e) => setFilter({ unitId: e.target.value })}
        >
          <option value="">{`${t('training.report.unit')}: ${t('common.all')}`}</option>
          {(units.data ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </search>
      {report.isPending && <Loading />}
      {report.isError && <ErrorBox error={report.error} onRetry={() => void report.refetch()} />}
      {report.isSuccess && rows.length === 0 && <EmptyState>{t('training.report.empty')}</EmptyState>}
      {byCourse.map((g) => (
        <div key={g.courseId} className="report-course" data-course={g.courseId}>
          <h3>{courseTitle(g.courseId)}</h3>
          <ResponsiveList
            data-testid="report-table"
            caption={t('training.report.caption', { course: courseTitle(g.courseId) })}
            rows={g.rows}
            columns={columns}
            rowKey={(r) => `${r.unitId ?? ''}:${r.tier ?? ''}`}
          />
        </div>
      ))}
    </section>
  );
}
