import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../access/use-can';
import { draftOfCourse, emptyCourseDraft } from '../components/training/course-draft';
import { CourseForm } from '../components/training/course-form';
import { ErrorBox } from '../components/ui/error-box';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { useCourse } from '../data/training';
import { Link } from '../router/link';
import { navigate } from '../router/location';
import { useParams } from '../router/params';
import { useQueryState } from '../router/search-params';
import '../styles/plans.css';
import '../styles/training.css';

/**
 * `/training/courses/new` and `/training/courses/:id`: the course editor (owners and admins; others
 * read it with every control disabled).
 */
export default function TrainingCoursePage() {
  const { t } = useTranslation();
  const can = useCan();
  const { id = '' } = useParams<'id'>();
  const course = useCourse(id);
  const [query] = useQueryState({ saved: '' });
  const [savedNow, setSaved] = useState(false);
  const saved = savedNow || (id !== '' && query.saved === '1');
  const readOnly = !can('training.edit');
  const c = course.data;
  return (
    <section className="training-page">
      <PageHeader title={id ? (c?.title ?? t('training.course')) : t('training.newCourse')}>
        <Link to="/training">{t('training.back')}</Link>
      </PageHeader>
      {saved && (
        <p className="notice" role="status" data-testid="course-saved">
          {t('training.saved')}
        </p>
      )}
      {!id && (
        <CourseForm
          key="new"
          initial={emptyCourseDraft()}
          readOnly={readOnly}
          onSaved={(s) => navigate(`/training/courses/${encodeURIComponent(s.id)}?saved=1`, { replace: true })}
        />
      )}
      {id && course.isPending && <Loading />}
      {id && course.isError && <ErrorBox error={course.error} onRetry={() => void course.refetch()} />}
      {c && (
        <>
          <p className="muted">
            <span className={`badge tone-${c.published ? 'good' : 'muted'}`} data-testid="course-state">
              {c.published ? t('training.published') : t('training.draft')}
            </span>
          </p>
          <CourseForm
            key={c.updatedAt ?? c.id}
            course={c}
            initial={draftOfCourse(c)}
            readOnly={readOnly}
            onSaved={() => setSaved(true)}
          />
        </>
      )}
    </section>
  );
}
