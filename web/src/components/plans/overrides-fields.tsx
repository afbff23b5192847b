import { useTranslation } from 'react-i18next';
import { Field } from '../ui/field';
import type { OverrideDraft } from './plan-draft';

/** Other rates for a SKU or a category (repeatable rows); a SKU override wins over a category one. */
export function OverridesFields({
  rows,
  onChange,
  errorOf,
}: {
  rows: readonly OverrideDraft[];
  onChange: (rows: OverrideDraft[]) => void;
  errorOf: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<OverrideDraft>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="rows" data-testid="overrides">
      <legend>{t('plans.field.overrides')}</legend>
      <p className="muted small">{t('plans.overrides.hint')}</p>
      {rows.map((row, i) => {
        const rateError = errorOf(`overrides.${i}.rateBps`);
        const rowError = errorOf(`overrides.${i}.${row.kind}`) ?? errorOf(`overrides.${i}`);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; they are edited in place
          <div className="row-fields" key={i} data-row={i}>
            <Field label={t('plans.overrides.kind')}>
              <select
                name={`overrides.${i}.kind`}
                value={row.kind}
                onChange={(e) => set(i, { kind: e.target.value as OverrideDraft['kind'] })}
              >
                <option value="sku">{t('plans.overrides.sku')}</option>
                <option value="category">{t('plans.overrides.category')}</option>
              </select>
            </Field>
            <Field
              label={t(row.kind === 'sku' ? 'plans.overrides.sku' : 'plans.overrides.category')}
              error={rowError === rateError ? undefined : rowError}
            >
              <input name={`overrides.${i}.value`} value={row.value} onChange={(e) => set(i, { value: e.target.value })} />
            </Field>
            <Field label={t('plans.field.rateBps')} error={rateError}>
              <input
                name={`overrides.${i}.rate`}
                inputMode="decimal"
                value={row.rate}
                onChange={(e) => set(i, { rate: e.target.value })}
              />
            </Field>
            <button type="button" className="btn small" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              {t('plans.overrides.remove', { n: i + 1 })}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="btn"
        data-testid="add-override"
        onClick={() => onChange([...rows, { kind: 'sku', value: '', rate: '' }])}
      >
        {t('plans.overrides.add')}
      </button>
    </fieldset>
  );
}
