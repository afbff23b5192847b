import { useTranslation } from 'react-i18next';
import { MyEarnings } from '../components/me/my-earnings';
import { MyPayouts } from '../components/me/my-payouts';
import { EmptyState } from '../components/ui/empty-state';
import { PageHeader } from '../components/ui/page-header';
import { Link } from '../router/link';
import { useMe } from '../session';
import '../styles/me.css';

/**
 * `/me/earnings`: a KOS member's pending, approved and paid totals, their entries, and their monthly payouts
 * each with its statement (docs/portal.md "Earnings and statements").
 */
export default function MyEarningsPage() {
  const { t } = useTranslation();
  const { kosId } = useMe();
  return (
    <section className="me">
      <PageHeader title={t('myEarnings.pageTitle')}>
        <Link to="/me">{t('myLinks.backToMe')}</Link>
      </PageHeader>
      {kosId ? (
        <>
          <MyEarnings kosId={kosId} standalone />
          <MyPayouts kosId={kosId} />
        </>
      ) : (
        <EmptyState>{t('me.noKos')}</EmptyState>
      )}
    </section>
  );
}
