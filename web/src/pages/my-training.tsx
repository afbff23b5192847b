import { useTranslation } from 'react-i18next';
import { EnrolmentList } from '../components/training/enrolment-list';
import { EmptyState } from '../components/ui/empty-state';
import { ErrorBox } from '../components/ui/error-box';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { useCourses, useEnrolments } from '../data/training';
import { Link } from '../router/link';
import { useMe } from '../session';
import '../styles/training.css';

/** `/me/training`: a KOS member's courses, each a card to open the lesson player. */
export default function MyTrainingPage() {
  const { t } = useTranslation();
  const { kosId } = useMe();
  const enrolments = useEnrolments({ kosId: kosId ?? undefined }, kosId !== null);
  const courses = useCourses();
  const rows = enrolments.data ?? [];
  return (
    <section className="my-training">
      <PageHeader title={t('training.my.title')}>
        <Link to="/me">{t('training.my.back')}</Link>
      </PageHeader>
      {!kosId && <EmptyState>{t('me.noKos')}</EmptyState>}
      {kosId && (enrolments.isPending || courses.isPending) && <Loading />}
      {enrolments.isError && <ErrorBox error={enrolments.error} onRetry={() => void enrolments.refetch()} />}
      {courses.isError && <ErrorBox error={courses.error} onRetry={() => void courses.refetch()} />}
      {enrolments.isSuccess && rows.length === 0 && <EmptyState>{t('training.my.empty')}</EmptyState>}
      {rows.length > 0 && courses.data && (
        <EnrolmentList enrolments={rows} courses={courses.data} hrefOf={(e) => `/me/training/${encodeURIComponent(e.id)}`} />
      )}
    </section>
  );
}
