import { useTranslation } from 'react-i18next';
import { useAllKos, useUnits } from '../../data';
import { enumKey } from '../../enums';
import { RELATIONSHIPS, type Relationship, TIERS } from '../../types';
import { ChipPicker } from './chip-picker';
import type { PlanDraft, Tier } from './plan-draft';

type AppliesTo = Pick<PlanDraft, 'kosIds' | 'unitIds' | 'relationships' | 'tiers'>;

/** One box per value of a list (relationships, tiers), in a fieldset with its legend. */
function Checks<V extends string>({
  legend,
  name,
  values,
  labelOf,
  selected,
  onChange,
  error,
}: {
  legend: string;
  name: string;
  values: readonly V[];
  labelOf: (v: V) => string;
  selected: readonly V[];
  onChange: (next: V[]) => void;
  error?: string;
}) {
  return (
    <fieldset className="checks" aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v} className="check-option">
          <input
            type="checkbox"
            name={name}
            value={v}
            checked={selected.includes(v)}
            onChange={(e) => onChange(e.target.checked ? [...selected, v] : selected.filter((x) => x !== v))}
          />
          {labelOf(v)}
        </label>
      ))}
      {error && <small className="field-error">{error}</small>}
    </fieldset>
  );
}

/** "Applies to": KOS, units, relationships and tiers; all empty = the organisation's default plan. */
export function AppliesToFields({
  value,
  onChange,
  errorOf,
  conflict,
}: {
  value: AppliesTo;
  onChange: (next: Partial<AppliesTo>) => void;
  errorOf: (path: string) => string | undefined;
  /** A 409: the plan that would cover the same KOS at the same specificity, named in the user's language. */
  conflict?: string;
}) {
  const { t } = useTranslation();
  const kos = useAllKos();
  const units = useUnits();
  const empty = !value.kosIds.length && !value.unitIds.length && !value.relationships.length && !value.tiers.length;
  return (
    <fieldset className="applies-to" data-testid="applies-to">
      <legend>{t('plans.field.appliesTo')}</legend>
      <p className="muted small" data-testid="applies-to-summary">
        {empty ? t('plans.appliesTo.orgDefault') : t('plans.appliesTo.hint')}
      </p>
      <div className="form-grid">
        <ChipPicker
          label={t('plans.field.kosIds')}
          name="kosIds"
          options={(kos.data ?? []).map((k) => ({ value: k.id, label: `${k.name} (${k.code})` }))}
          selected={value.kosIds}
          onChange={(kosIds) => onChange({ kosIds })}
          error={errorOf('appliesTo.kosIds')}
        />
        <ChipPicker
          label={t('plans.field.unitIds')}
          name="unitIds"
          options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          selected={value.unitIds}
          onChange={(unitIds) => onChange({ unitIds })}
          error={errorOf('appliesTo.unitIds')}
        />
        <Checks<Relationship>
          legend={t('plans.field.relationships')}
          name="relationships"
          values={RELATIONSHIPS}
          labelOf={(v) => t(enumKey('kos.relationship', v))}
          selected={value.relationships}
          onChange={(relationships) => onChange({ relationships })}
          error={errorOf('appliesTo.relationships')}
        />
        <Checks<Tier>
          legend={t('plans.field.tiers')}
          name="tiers"
          values={TIERS}
          labelOf={(v) => v}
          selected={value.tiers}
          onChange={(tiers) => onChange({ tiers })}
          error={errorOf('appliesTo.tiers')}
        />
      </div>
      {conflict && (
        <p className="alert" role="alert" data-testid="applies-to-error">
          {conflict}
        </p>
      )}
    </fieldset>
  );
}
