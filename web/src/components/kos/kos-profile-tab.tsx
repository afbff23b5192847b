import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../access/use-can';
import type { Kos, Unit } from '../../types';
import { KosFacts } from './kos-facts';
import { KosForm } from './kos-form';

/** The KOS's record: every field, and for those who may (`kos.edit`) an edit form with all of them. */
export function KosProfileTab({ kos, units }: { kos: Kos; units: Unit[] }) {
  const { t } = useTranslation();
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const unitName = kos.unitId ? (units.find((u) => u.id === kos.unitId)?.name ?? null) : null;
  if (editing) return <KosForm units={units} kos={kos} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />;
  return (
    <section className="card" aria-labelledby="kos-profile-title" data-testid="kos-profile">
      <header className="page-head">
        <h2 id="kos-profile-title">{t('kos.tab.profile')}</h2>
        {can('kos.edit') && (
          <button type="button" className="btn primary" data-testid="edit-kos" onClick={() => setEditing(true)}>
            {t('kos.editShort')}
          </button>
        )}
      </header>
      <KosFacts kos={kos} unitName={unitName} />
    </section>
  );
}
