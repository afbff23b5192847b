import { useTranslation } from 'react-i18next';
import type { Course, Enrolment } from '../../data/training-enums';
import { Link } from '../../router/link';
import { EnrolmentStatus, Progress } from './enrolment-bits';

const ORDER: Record<Enrolment['status'], number> = { overdue: 0, in_progress: 1, assigned: 2, completed: 3 };

/** Enrolments as cards — overdue first, then in progress, to do, and done — each opening `hrefOf(enrolment)`. */
export function EnrolmentList({
  enrolments,
  courses,
  hrefOf,
}: {
  enrolments: readonly Enrolment[];
  courses: readonly Course[];
  hrefOf: (e: Enrolment) => string;
}) {
  const { t } = useTranslation();
  const rows = [...enrolments].sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.dueAt.localeCompare(b.dueAt));
  const courseOf = (id: string) => courses.find((c) => c.id === id);
  return (
    <ul className="enrolment-list" data-testid="enrolments">
      {rows.map((e) => {
        const course = courseOf(e.courseId);
        return (
          <li key={e.id} className="enrolment-card card" data-status={e.status} data-testid="enrolment-card">
            <h2>
              <Link to={hrefOf(e)}>{course?.title ?? t('training.course')}</Link>
            </h2>
            {course?.required && <span className="badge tone-warn">{t('training.requiredBadge')}</span>}
            <div className="player-meta">
              <EnrolmentStatus enrolment={e} />
              <Progress done={e.completedLessons.length} total={course?.lessons.length ?? 0} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
