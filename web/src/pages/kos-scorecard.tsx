import { useTranslation } from 'react-i18next';
import { ScorecardView } from '../components/tiers/scorecard-view';
import { PageHeader } from '../components/ui/page-header';
import { useKosRecord } from '../data/kos';
import { Link } from '../router/link';
import { useParams } from '../router/params';

/** `/kos/:id/scorecard`: one KOS's scorecard (staff in scope), linked from the KOS's page. */
export default function KosScorecardPage() {
  const { t } = useTranslation();
  const { id } = useParams<'id'>();
  const kos = useKosRecord(id);
  const name = kos.data ? `${kos.data.name} (${kos.data.code})` : '';
  return (
    <section>
      <PageHeader title={name ? t('tiers.scorecard.titleOf', { name }) : t('tiers.scorecard.title')}>
        <Link to={`/kos/${encodeURIComponent(id)}`} data-testid="back-to-kos">
          {t('tiers.scorecard.backToKos')}
        </Link>
      </PageHeader>
      <ScorecardView kosId={id} />
    </section>
  );
}
