import { useTranslation } from 'react-i18next';
import { OwnAccountCard } from '../components/portal/own-account-card';
import { EmptyState } from '../components/ui/empty-state';
import { ErrorBox } from '../components/ui/error-box';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { useAccounts } from '../data/kos';
import { useMyKos } from '../data/me';
import { useBioPage } from '../data/portal';
import { Link } from '../router/link';
import { useMe } from '../session';
import '../styles/matrix.css';
import '../styles/me.css';
import '../styles/portal.css';

/**
 * `/me/accounts`: a KOS member's own platform accounts with their audit, how to fix each failing item, and
 * the four fields they may change (docs/portal-console.md; docs/matrix.md). The API answers no other KOS's accounts.
 */
export default function MyAccountsPage() {
  const { t } = useTranslation();
  const { kosId } = useMe();
  return (
    <section className="me portal">
      <PageHeader title={t('myAccounts.title')}>
        <Link to="/me">{t('myAccounts.backToMe')}</Link>
      </PageHeader>
      {kosId ? <OwnAccounts kosId={kosId} /> : <EmptyState>{t('me.noKos')}</EmptyState>}
    </section>
  );
}

function OwnAccounts({ kosId }: { kosId: string }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const accounts = useAccounts(kosId);
  const kos = useMyKos(kosId);
  // The bio page's own address (og:url) is what the `link` item compares with; read only once the record is.
  const bio = useBioPage(kos.data?.handle, i18n.language, kos.data?.updatedAt ?? '');
  const bioPageUrl = bio.data?.url ?? null;
  const words = me.org.brandKit.brandWords;
  return (
    <>
      <div className="card">
        <p>{t('myAccounts.intro')}</p>
        <p className="small" data-testid="brand-words">
          {words.length > 0 ? t('myAccounts.brandWords', { words: words.join(', ') }) : t('myAccounts.noBrandWords')}
        </p>
      </div>
      {accounts.isPending && <Loading />}
      {accounts.isError && <ErrorBox error={accounts.error} onRetry={() => void accounts.refetch()} />}
      {accounts.data?.length === 0 && <EmptyState>{t('myAccounts.empty')}</EmptyState>}
      {accounts.data?.map((a) => (
        <OwnAccountCard key={a.id} kosId={kosId} account={a} bioPageUrl={bioPageUrl} />
      ))}
    </>
  );
}
