import { useTranslation } from 'react-i18next';
import { useCan } from '../access/use-can';
import { CompletionReport } from '../components/training/completion-report';
import { EmptyState } from '../components/ui/empty-state';
import { ErrorBox } from '../components/ui/error-box';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { type Column, ResponsiveList } from '../components/ui/responsive-list';
import { useUnits } from '../data';
import { useCourses } from '../data/training';
import type { Course } from '../data/training-enums';
import { enumKey } from '../enums';
import { Link } from '../router/link';
import '../styles/training.css';

/** `/training`: the courses (published or draft, required, audience, due days), then the completion report. */
export default function TrainingPage() {
  const { t } = useTranslation();
  const can = useCan();
  const courses = useCourses();
  const units = useUnits();
  const rows = courses.data ?? [];
  const unitName = (id: string) => (units.data ?? []).find((u) => u.id === id)?.name ?? id;
  const audienceOf = (c: Course) => {
    const a = c.audience;
    const parts = [
      ...(a.tiers ?? []).map((v) => `${t('training.report.tier')} ${v}`),
      ...(a.relationships ?? []).map((v) => t(enumKey('kos.relationship', v))),
      ...(a.statuses ?? []).map((v) => t(enumKey('kos.status', v))),
      ...(a.unitIds ?? []).map(unitName),
    ];
    return parts.length ? parts.join(', ') : t('training.audience.everyone');
  };
  const columns: Column<Course>[] = [
    {
      key: 'title',
      header: t('training.column.title'),
      role: 'title',
      cell: (c) => <Link to={`/training/courses/${encodeURIComponent(c.id)}`}>{c.title}</Link>,
    },
    {
      key: 'state',
      header: t('training.column.state'),
      role: 'status',
      cell: (c) => (
        <span className={`badge tone-${c.published ? 'good' : 'muted'}`} data-value={c.published ? 'published' : 'draft'}>
          {c.published ? t('training.published') : t('training.draft')}
        </span>
      ),
    },
    {
      key: 'required',
      header: t('training.column.required'),
      cell: (c) => (c.required ? t('training.requiredYes') : t('training.requiredNo')),
    },
    { key: 'audience', header: t('training.column.audience'), cell: audienceOf },
    { key: 'lessons', header: t('training.column.lessons'), numeric: true, cell: (c) => c.lessons.length },
    { key: 'dueDays', header: t('training.column.dueDays'), numeric: true, cell: (c) => c.dueDays },
  ];
  return (
    <section className="training-page">
      <PageHeader title={t('training.title')}>
        {can('training.edit') && (
          <Link className="btn primary" to="/training/courses/new" data-testid="new-course">
            {t('training.newCourse')}
          </Link>
        )}
      </PageHeader>
      {courses.isPending && <Loading />}
      {courses.isError && <ErrorBox error={courses.error} onRetry={() => void courses.refetch()} />}
      {courses.isSuccess && rows.length === 0 && (
        <EmptyState
          action={
            can('training.edit') ? (
              <Link className="btn" to="/training/courses/new">
                {t('training.newCourse')}
              </Link>
            ) : undefined
          }
        >
          {t('training.empty')}
        </EmptyState>
      )}
      {rows.length > 0 && (
        <ResponsiveList
          data-testid="course-table"
          caption={t('training.listCaption')}
          rows={rows}
          columns={columns}
          rowKey={(c) => c.id}
        />
      )}
      <CompletionReport courses={rows} />
    </section>
  );
}
