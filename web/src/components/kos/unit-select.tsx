import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../types';

/** The units in tree order with their depth: parents before children, siblings by name. */
export function unitTree(units: readonly Unit[]): { unit: Unit; depth: number }[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, Unit[]>();
  for (const u of units) {
    // A scoped manager sees a subtree: its top unit's parent is not in the list, so it is a root here.
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: { unit: Unit; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const u of [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name))) {
      out.push({ unit: u, depth });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export interface UnitSelectProps {
  name: string;
  value: string;
  units: readonly Unit[];
  onChange: (e: ChangeEvent<HTMLSelectElement>) => void;
  /** The text of the empty choice (no unit, or all units in a filter); none when a unit is required. */
  emptyLabel?: string;
  id?: string;
  'aria-label'?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

/** A unit picker that shows the org tree by indenting each unit under its parent. */
export function UnitSelect({ units, emptyLabel, ...rest }: UnitSelectProps) {
  const { t } = useTranslation();
  return (
    <select {...rest}>
      {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
      {unitTree(units).map(({ unit, depth }) => (
        <option key={unit.id} value={unit.id}>
          {`${'\u00a0\u00a0'.repeat(depth)}${depth ? '└ ' : ''}${unit.name} (${t(`units.kind.${unit.kind}`)})`}
        </option>
      ))}
    </select>
  );
}
