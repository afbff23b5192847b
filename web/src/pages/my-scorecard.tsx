import { useTranslation } from 'react-i18next';
import { ScorecardView } from '../components/tiers/scorecard-view';
import { EmptyState } from '../components/ui/empty-state';
import { PageHeader } from '../components/ui/page-header';
import { Link } from '../router/link';
import { useMe } from '../session';

/** `/me/scorecard`: a KOS member's own scorecard, linked from their home; the API answers no other KOS's. */
export default function MyScorecardPage() {
  const { t } = useTranslation();
  const { kosId } = useMe();
  return (
    <section className="me">
      <PageHeader title={t('tiers.scorecard.mine')}>
        <Link to="/me">{t('tiers.scorecard.backToMe')}</Link>
      </PageHeader>
      {kosId ? <ScorecardView kosId={kosId} /> : <EmptyState>{t('me.noKos')}</EmptyState>}
    </section>
  );
}
