import { useTranslation } from 'react-i18next';
import { MyLinks } from '../components/me/my-links';
import { NewLinkForm } from '../components/me/new-link-form';
import { EmptyState } from '../components/ui/empty-state';
import { PageHeader } from '../components/ui/page-header';
import { Link } from '../router/link';
import { useMe } from '../session';
import '../styles/links.css';
import '../styles/me.css';
import '../styles/me-links.css';

/**
 * `/me/links`: a KOS member makes a link to a catalogue product for themselves and shares it (short URL,
 * copy, QR), and sees all their links (docs/portal.md "Own links"). The API answers no other KOS's links.
 */
export default function MyLinksPage() {
  const { t } = useTranslation();
  const { kosId } = useMe();
  return (
    <section className="me">
      <PageHeader title={t('myLinks.pageTitle')}>
        <Link to="/me">{t('myLinks.backToMe')}</Link>
      </PageHeader>
      {kosId ? (
        <>
          <NewLinkForm />
          <MyLinks kosId={kosId} standalone />
        </>
      ) : (
        <EmptyState>{t('me.noKos')}</EmptyState>
      )}
    </section>
  );
}
