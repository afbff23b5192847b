import { useTranslation } from 'react-i18next';
import { BioForm } from '../components/me/bio-form';
import { BioPreview } from '../components/portal/bio-preview';
import { EmptyState } from '../components/ui/empty-state';
import { ErrorBox } from '../components/ui/error-box';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { useMyKos } from '../data/me';
import { Link } from '../router/link';
import { useMe } from '../session';
import '../styles/me.css';
import '../styles/portal.css';

/**
 * `/me/bio`: a KOS member edits their bio page (bio, avatar, contacts) beside a live preview of the public
 * page `/@{handle}` (docs/portal-console.md), one column on a phone.
 */
export default function MyBioPage() {
  const { t } = useTranslation();
  const { kosId } = useMe();
  return (
    <section className="me portal">
      <PageHeader title={t('myBio.title')}>
        <Link to="/me">{t('myBio.backToMe')}</Link>
      </PageHeader>
      {kosId ? <Editor kosId={kosId} /> : <EmptyState>{t('me.noKos')}</EmptyState>}
    </section>
  );
}

function Editor({ kosId }: { kosId: string }) {
  const kos = useMyKos(kosId);
  if (kos.isPending) return <Loading />;
  if (kos.isError) return <ErrorBox error={kos.error} onRetry={() => void kos.refetch()} />;
  return (
    <div className="bio-editor">
      <BioForm kos={kos.data} />
      <BioPreview kos={kos.data} />
    </div>
  );
}
