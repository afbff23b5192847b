import { useTranslation } from 'react-i18next';
import { MeContestsLink } from '../components/contests/me-contests-link';
import { MyEarnings } from '../components/me/my-earnings';
import { MyLinks } from '../components/me/my-links';
import { MyPayouts } from '../components/me/my-payouts';
import { MyRecord } from '../components/me/my-record';
import { MySales } from '../components/me/my-sales';
import { MySessions } from '../components/me/my-sessions';
import { MyTraining } from '../components/me/my-training';
import { MePortalLinks } from '../components/portal/me-portal-links';
import { EmptyState } from '../components/ui/empty-state';
import { ErrorBox } from '../components/ui/error-box';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { useMyKos } from '../data/me';
import { useMe } from '../session';
import '../styles/links.css';
import '../styles/me.css';
import '../styles/me-links.css';

const PARTS = ['links', 'earnings', 'payouts', 'sales', 'sessions', 'bio'] as const;

/**
 * `/me`: a KOS member's home, phone first — their record and bio page, links to share, earnings and
 * payouts, sales, upcoming sessions, and the ways to their bio page editor and accounts (/me/bio, /me/accounts).
 * The API answers only their own records.
 */
export default function MePage() {
  const { t } = useTranslation();
  const { kosId } = useMe();
  return (
    <section className="me">
      <PageHeader title={t('me.title')} />
      {kosId ? <Home kosId={kosId} /> : <EmptyState>{t('me.noKos')}</EmptyState>}
    </section>
  );
}

function Home({ kosId }: { kosId: string }) {
  const { t } = useTranslation();
  const kos = useMyKos(kosId);
  return (
    <>
      {kos.isPending && <Loading />}
      {kos.isError && <ErrorBox error={kos.error} onRetry={() => void kos.refetch()} />}
      {kos.data && <MyRecord kos={kos.data} />}
      <nav className="me-jump" aria-label={t('me.jump')}>
        {PARTS.map((p) => (
          <a key={p} href={`#me-${p}`}>
            {t(`me.part.${p}`)}
          </a>
        ))}
      </nav>
      <MyTraining kosId={kosId} />
      <MyLinks kosId={kosId} />
      <MyEarnings kosId={kosId} />
      <MyPayouts kosId={kosId} />
      <MySales kosId={kosId} />
      <MySessions kosId={kosId} />
      <MeContestsLink />
      <MePortalLinks />
    </>
  );
}
