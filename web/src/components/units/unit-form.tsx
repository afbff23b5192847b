import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { subtreeOf, useSaveUnit } from '../../data/units';
import type { Unit } from '../../types';
import { EnumOptions } from '../ui/enum-options';
import { Field } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';

const FIELDS = ['name', 'kind', 'parentId'] as const;

/** Units in tree order with their depth, for an indented parent picker. */
function inTreeOrder(roots: readonly Unit[], byParent: ReadonlyMap<string, Unit[]>): { unit: Unit; depth: number }[] {
  const out: { unit: Unit; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (u: Unit, depth: number) => {
    if (seen.has(u.id)) return;
    seen.add(u.id);
    out.push({ unit: u, depth });
    for (const c of byParent.get(u.id) ?? []) walk(c, depth + 1);
  };
  for (const r of roots) walk(r, 0);
  return out;
}

export interface UnitFormProps {
  /** The unit to change, or null for a new one below `parentId`. */
  unit: Unit | null;
  parentId: string | null;
  roots: readonly Unit[];
  byParent: Map<string, Unit[]>;
  /** Whether a unit may sit at the top of the tree (owners and admins; a scoped manager works inside their unit). */
  topLevelAllowed: boolean;
  onSaved: () => void;
  onCancel: () => void;
}

/** Create a unit, or rename, re-kind and move one (`parentId`; never below itself). */
export function UnitForm({ unit, parentId, roots, byParent, topLevelAllowed, onSaved, onCancel }: UnitFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(unit?.name ?? '');
  const [kind, setKind] = useState<Unit['kind']>(unit?.kind ?? 'store');
  const [parent, setParent] = useState(unit ? (unit.parentId ?? '') : (parentId ?? ''));
  const save = useSaveUnit(unit?.id ?? null);
  const errors = useFormErrors(save.error, FIELDS);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const below = unit ? subtreeOf(unit.id, byParent) : new Set<string>();
  const choices = inTreeOrder(roots, byParent).filter(({ unit: u }) => !below.has(u.id));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ name: name.trim(), kind, parentId: parent || null }, { onSuccess: onSaved });
  };

  return (
    <form className="card form unit-form" onSubmit={submit} aria-labelledby="unit-form-title" data-testid="unit-form" noValidate>
      <h2 id="unit-form-title" ref={heading} tabIndex={-1}>
        {unit ? `${t('units.edit')}: ${unit.name}` : t('units.new')}
      </h2>
      <div className="form-grid">
        <Field label={t('units.field.name')} error={errors.of('name')}>
          <input name="name" required value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label={t('units.field.kind')} error={errors.of('kind')}>
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as Unit['kind'])}>
            <EnumOptions of="units.kind" />
          </select>
        </Field>
        <Field label={t('units.field.parentId')} error={errors.of('parentId')}>
          <select name="parentId" value={parent} onChange={(e) => setParent(e.target.value)}>
            {(topLevelAllowed || parent === '') && <option value="">{t('units.topLevel')}</option>}
            {choices.map(({ unit: u, depth }) => (
              <option key={u.id} value={u.id}>{`${'\u2014 '.repeat(depth)}${u.name}`}</option>
            ))}
          </select>
        </Field>
      </div>
      {errors.form && (
        <p className="alert" role="alert">
          {errors.form}
        </p>
      )}
      <div className="actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn primary" disabled={save.isPending} data-testid="save-unit">
          {save.isPending ? t('common.working') : unit ? t('units.save') : t('units.create')}
        </button>
      </div>
    </form>
  );
}
