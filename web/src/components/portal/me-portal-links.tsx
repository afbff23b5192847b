import { useTranslation } from 'react-i18next';
import { Link } from '../../router/link';

/** On /me: the way to the member's bio page editor and their accounts (each a page of its own). */
export function MePortalLinks() {
  const { t } = useTranslation();
  return (
    <section className="me-section" id="me-bio" aria-labelledby="me-bio-title" data-testid="me-portal-links">
      <h2 id="me-bio-title">{t('me.part.bio')}</h2>
      <p className="me-portal-links">
        <Link to="/me/bio" data-testid="my-bio-link">
          {t('myBio.homeLink')}
        </Link>
        <Link to="/me/accounts" data-testid="my-accounts-link">
          {t('myAccounts.homeLink')}
        </Link>
      </p>
    </section>
  );
}
