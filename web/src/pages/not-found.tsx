import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/ui/empty-state';
import { PageHeader } from '../components/ui/page-header';
import { Link } from '../router/link';

/** Any /app/ path that names no page. */
export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section data-testid="not-found">
      <PageHeader title={t('common.notFound.title')} />
      <EmptyState action={<Link to="/">{t('common.notFound.home')}</Link>}>{t('common.notFound.text')}</EmptyState>
    </section>
  );
}
