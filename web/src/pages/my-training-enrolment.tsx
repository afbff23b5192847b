import { useTranslation } from 'react-i18next';
import { EnrolmentPlayer } from '../components/training/enrolment-player';
import { PageHeader } from '../components/ui/page-header';
import { Link } from '../router/link';
import { useParams } from '../router/params';
import '../styles/training.css';

/** `/me/training/:id`: a KOS member plays the lessons of one of their enrolments, in order. */
export default function MyTrainingEnrolmentPage() {
  const { t } = useTranslation();
  const { id } = useParams<'id'>();
  return (
    <section className="my-training">
      <PageHeader title={t('training.player.title')}>
        <Link to="/me/training">{t('training.player.back')}</Link>
      </PageHeader>
      <EnrolmentPlayer enrolmentId={id} readOnly={false} />
    </section>
  );
}
