import { useTranslation } from 'react-i18next';
import { useCan } from '../access/use-can';
import { EnrolmentPlayer } from '../components/training/enrolment-player';
import { PageHeader } from '../components/ui/page-header';
import { Link } from '../router/link';
import { useParams } from '../router/params';
import { useQueryState } from '../router/search-params';
import '../styles/training.css';

/** `/training/enrolments/:id?kosId=`: staff look at a KOS's enrolment as the KOS sees it, without completing anything. */
export default function TrainingEnrolmentPage() {
  const { t } = useTranslation();
  const { id } = useParams<'id'>();
  const can = useCan();
  const [query] = useQueryState({ kosId: '' });
  return (
    <section className="my-training">
      <PageHeader title={t('training.player.staffTitle')}>
        {query.kosId ? (
          <Link to={`/kos/${encodeURIComponent(query.kosId)}`}>{t('training.player.backToKos')}</Link>
        ) : (
          <Link to="/training">{t('training.back')}</Link>
        )}
      </PageHeader>
      <p className="muted" data-testid="read-only">
        {t('training.player.readOnly')}
      </p>
      <EnrolmentPlayer enrolmentId={id} readOnly canMoveDue={can('training.moveDue')} />
    </section>
  );
}
