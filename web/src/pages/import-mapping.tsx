import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MappingBuilder } from '../components/mappings/mapping-builder';
import { ErrorBox } from '../components/ui/error-box';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { useMapping } from '../data/import-mappings';
import { Link } from '../router/link';
import { navigate } from '../router/location';
import { useParams } from '../router/params';
import { useQueryState } from '../router/search-params';
import '../styles/mappings.css';

/**
 * `/imports/mappings/new` and `/imports/mappings/:id`: the mapping builder (owners and admins). After the
 * first save the page moves to the mapping's own URL and says it was saved.
 */
export default function ImportMappingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams<'id'>();
  const mapping = useMapping(id);
  const [query] = useQueryState({ saved: '' });
  const [savedNow, setSaved] = useState(false);
  const saved = savedNow || (id !== '' && query.saved === '1');
  const m = mapping.data;
  return (
    <section className="mappings-page">
      <PageHeader title={id ? (m?.name ?? t('mappings.mapping')) : t('mappings.new')}>
        <Link to="/imports/mappings">{t('mappings.back')}</Link>
      </PageHeader>
      {saved && (
        <p className="notice" role="status" data-testid="mapping-saved">
          {t('mappings.saved')} <Link to="/imports">{t('mappings.importNow')}</Link>
        </p>
      )}
      {!id && (
        <MappingBuilder
          key="new"
          onSaved={(s) => navigate(`/imports/mappings/${encodeURIComponent(s.id)}?saved=1`, { replace: true })}
        />
      )}
      {id && mapping.isPending && <Loading />}
      {id && mapping.isError && <ErrorBox error={mapping.error} onRetry={() => void mapping.refetch()} />}
      {m && <MappingBuilder key={m.id} mapping={m} onSaved={() => setSaved(true)} />}
    </section>
  );
}
