import { useTranslation } from 'react-i18next';
import { Field } from '../ui/field';
import type { StepDraft } from './plan-draft';

/** Step tiers (repeatable): from a month base on, a rate for all of it; the first from 0, each higher than the last. */
export function StepsFields({
  rows,
  currency,
  onChange,
  errorOf,
}: {
  rows: readonly StepDraft[];
  currency: string;
  onChange: (rows: StepDraft[]) => void;
  errorOf: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<StepDraft>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="rows" data-testid="steps">
      <legend>{t('plans.field.steps')}</legend>
      <p className="muted small">{t('plans.steps.hint')}</p>
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; they are edited in place
        <div className="row-fields" key={i} data-row={i}>
          <Field label={t('plans.steps.from', { currency })} error={errorOf(`steps.${i}.fromMinor`)}>
            <input
              name={`steps.${i}.from`}
              inputMode="decimal"
              value={row.from}
              onChange={(e) => set(i, { from: e.target.value })}
            />
          </Field>
          <Field label={t('plans.field.rateBps')} error={errorOf(`steps.${i}.rateBps`)}>
            <input
              name={`steps.${i}.rate`}
              inputMode="decimal"
              value={row.rate}
              onChange={(e) => set(i, { rate: e.target.value })}
            />
          </Field>
          <button type="button" className="btn small" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            {t('plans.steps.remove', { n: i + 1 })}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn"
        data-testid="add-step"
        onClick={() => onChange([...rows, { from: rows.length === 0 ? '0' : '', rate: '' }])}
      >
        {t('plans.steps.add')}
      </button>
    </fieldset>
  );
}
