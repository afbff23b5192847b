import { useTranslation } from 'react-i18next';
import { useCan } from '../../access/use-can';
import type { Unit } from '../../types';
import { Badge } from '../ui/badge';

export interface UnitActions {
  onAddChild: (parent: Unit) => void;
  onEdit: (unit: Unit) => void;
  onDelete: (unit: Unit) => void;
}

interface BranchProps extends UnitActions {
  unit: Unit;
  byParent: ReadonlyMap<string, Unit[]>;
  seen: ReadonlySet<string>;
}

/** One unit and, nested below it, its children; the buttons are those the caller's role may use on it. */
function UnitBranch({ unit, byParent, seen, ...actions }: BranchProps) {
  const { t } = useTranslation();
  const can = useCan();
  // `seen` stops a loop in bad data from recursing forever.
  const kids = seen.has(unit.id) ? [] : (byParent.get(unit.id) ?? []);
  const nextSeen = new Set(seen).add(unit.id);
  const nameId = `unit-name-${unit.id}`;
  const editable = can('units.edit', { unitId: unit.id });
  return (
    <li data-unit={unit.name}>
      <div className="node">
        <span id={nameId} className="unit-name">
          {unit.name}
        </span>
        <Badge of="units.kind" value={unit.kind} />
        <span className="unit-actions">
          {can('units.create') && (
            <button
              type="button"
              className="btn small"
              data-testid="add-child"
              aria-describedby={nameId}
              onClick={() => actions.onAddChild(unit)}
            >
              {t('units.addChild')}
            </button>
          )}
          {editable && (
            <button
              type="button"
              className="btn small"
              data-testid="edit-unit"
              aria-describedby={nameId}
              onClick={() => actions.onEdit(unit)}
            >
              {t('units.editShort')}
            </button>
          )}
          {can('units.delete', { unitId: unit.id }) && (
            <button
              type="button"
              className="btn small"
              data-testid="delete-unit"
              aria-describedby={nameId}
              onClick={() => actions.onDelete(unit)}
            >
              {t('units.delete')}
            </button>
          )}
        </span>
      </div>
      {kids.length > 0 && (
        <ul>
          {kids.map((k) => (
            <UnitBranch key={k.id} unit={k} byParent={byParent} seen={nextSeen} {...actions} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The units the caller may see as a nested list (a scoped manager's subtree starts at their unit). */
export function UnitTree({
  roots,
  byParent,
  ...actions
}: { roots: Unit[]; byParent: ReadonlyMap<string, Unit[]> } & UnitActions) {
  const { t } = useTranslation();
  return (
    <ul className="tree card" data-testid="unit-tree" aria-label={t('units.treeLabel')}>
      {roots.map((u) => (
        <UnitBranch key={u.id} unit={u} byParent={byParent} seen={new Set()} {...actions} />
      ))}
    </ul>
  );
}
