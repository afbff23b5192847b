import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/ui/empty-state';
import { PageHeader } from '../components/ui/page-header';
import { Link } from '../router/link';

/** A page the caller's role may not open (a bookmark shared by an admin, say): said plainly, not as a 403. */
export default function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <section data-testid="forbidden">
      <PageHeader title={t('common.forbidden.title')} />
      <EmptyState action={<Link to="/">{t('common.notFound.home')}</Link>}>{t('common.forbidden.text')}</EmptyState>
    </section>
  );
}
