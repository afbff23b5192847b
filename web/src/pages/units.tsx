import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useDefaultUnitId } from '../access/use-can';
import { ConfirmDialog } from '../components/ui/confirm-dialog';
import { EmptyState } from '../components/ui/empty-state';
import { ErrorBox } from '../components/ui/error-box';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { UnitForm } from '../components/units/unit-form';
import { UnitTree } from '../components/units/unit-tree';
import { useUnits } from '../data';
import { unitTree, useDeleteUnit } from '../data/units';
import { useMe } from '../session';
import type { Unit } from '../types';
import '../styles/units.css';

type Panel = { kind: 'new'; parentId: string | null } | { kind: 'edit'; unit: Unit } | null;

/** `/units`: the organisation tree the caller may see; create below a unit, rename, re-kind, move, delete. */
export default function UnitsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const ownUnit = useDefaultUnitId();
  const units = useUnits();
  const remove = useDeleteUnit();
  const [panel, setPanel] = useState<Panel>(null);
  const [deleting, setDeleting] = useState<Unit | null>(null);
  const tree = units.data ? unitTree(units.data) : null;
  // Owners and admins work on the whole org; a scoped manager only below their own unit.
  const topLevelAllowed = me.role === 'owner' || me.role === 'admin';

  const closeDelete = () => {
    setDeleting(null);
    remove.reset();
  };

  return (
    <section className="units-page">
      <PageHeader title={t('units.title')}>
        {can('units.create') && (
          <button
            type="button"
            className="btn primary"
            data-testid="new-unit"
            onClick={() => setPanel({ kind: 'new', parentId: topLevelAllowed ? null : ownUnit || null })}
          >
            {t('units.new')}
          </button>
        )}
      </PageHeader>
      {panel && tree && (
        <UnitForm
          key={panel.kind === 'edit' ? panel.unit.id : `new-${panel.parentId ?? ''}`}
          unit={panel.kind === 'edit' ? panel.unit : null}
          parentId={panel.kind === 'new' ? panel.parentId : null}
          roots={tree.roots}
          byParent={tree.children}
          topLevelAllowed={topLevelAllowed}
          onSaved={() => setPanel(null)}
          onCancel={() => setPanel(null)}
        />
      )}
      {units.isPending && <Loading />}
      {units.isError && <ErrorBox error={units.error} onRetry={() => void units.refetch()} />}
      {tree && tree.roots.length === 0 && <EmptyState>{t('units.empty')}</EmptyState>}
      {tree && tree.roots.length > 0 && (
        <UnitTree
          roots={tree.roots}
          byParent={tree.children}
          onAddChild={(parent) => setPanel({ kind: 'new', parentId: parent.id })}
          onEdit={(unit) => setPanel({ kind: 'edit', unit })}
          onDelete={(unit) => {
            remove.reset();
            setDeleting(unit);
          }}
        />
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t('units.deleteTitle', { name: deleting?.name ?? '' })}
        confirmLabel={t('units.delete')}
        danger
        busy={remove.isPending}
        error={remove.error}
        onCancel={closeDelete}
        onConfirm={() => {
          if (deleting) remove.mutate(deleting.id, { onSuccess: closeDelete });
        }}
      >
        <p>{t('units.deleteText')}</p>
      </ConfirmDialog>
    </section>
  );
}
