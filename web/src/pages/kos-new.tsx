import { useTranslation } from 'react-i18next';
import { KosForm } from '../components/kos/kos-form';
import { PageHeader } from '../components/ui/page-header';
import { useUnits } from '../data';
import { navigate } from '../router/location';
import '../styles/kos.css';

/** `/kos/new`: the whole KOS form on a page of its own (a manager starts in their unit); a created KOS opens its page. */
export default function KosNewPage() {
  const { t } = useTranslation();
  const units = useUnits();
  return (
    <section>
      <PageHeader title={t('kos.new')} />
      <KosForm
        units={units.data ?? []}
        onCancel={() => navigate('/kos')}
        onSaved={(kos) => navigate(`/kos/${encodeURIComponent(kos.id)}`)}
      />
    </section>
  );
}
