import { useTranslation } from 'react-i18next';
import { EmptyState } from './empty-state';
import { PageHeader } from './page-header';

/** The body of a page not built yet: its title and a translated "coming" note. Replace the page module's content. */
export function ComingSoon({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <section data-testid="coming-soon">
      <PageHeader title={title} />
      <EmptyState>{t('common.coming')}</EmptyState>
    </section>
  );
}
