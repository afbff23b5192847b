import { useTranslation } from 'react-i18next';
import { EnrolmentList } from '../components/training/enrolment-list';
import { EmptyState } from '../components/ui/empty-state';
import { ErrorBox } from '../components/ui/error-box';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { useKos } from '../data';
import { useCourses, useEnrolments } from '../data/training';
import { Link } from '../router/link';
import { useParams } from '../router/params';
import '../styles/training.css';

/** `/kos/:id/training`: staff see one KOS's enrolments and open each read-only. */
export default function KosTrainingPage() {
  const { t } = useTranslation();
  const { id } = useParams<'id'>();
  const kos = useKos(id);
  const enrolments = useEnrolments({ kosId: id });
  const courses = useCourses();
  const rows = enrolments.data ?? [];
  const title = kos.data ? t('training.kos.title', { name: kos.data.name }) : t('training.title');
  return (
    <section className="my-training">
      <PageHeader title={title}>
        <Link to={`/kos/${encodeURIComponent(id)}`}>{t('training.player.backToKos')}</Link>
      </PageHeader>
      {(enrolments.isPending || courses.isPending) && <Loading />}
      {enrolments.isError && <ErrorBox error={enrolments.error} onRetry={() => void enrolments.refetch()} />}
      {courses.isError && <ErrorBox error={courses.error} onRetry={() => void courses.refetch()} />}
      {enrolments.isSuccess && rows.length === 0 && <EmptyState>{t('training.kos.empty')}</EmptyState>}
      {rows.length > 0 && courses.data && (
        <EnrolmentList
          enrolments={rows}
          courses={courses.data}
          hrefOf={(e) => `/training/enrolments/${encodeURIComponent(e.id)}?kosId=${encodeURIComponent(id)}`}
        />
      )}
    </section>
  );
}
