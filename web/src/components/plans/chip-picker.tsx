import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../ui/field';

export interface PickerOption {
  value: string;
  label: string;
}

/**
 * A list of chosen records (KOS, units, products): a labelled select with an "Add" button, the chosen ones
 * as chips below with a remove button each. Usable with a keyboard and on a phone (no multi-select).
 */
export function ChipPicker({
  label,
  name,
  options,
  selected,
  onChange,
  error,
  hint,
  disabled,
}: {
  label: string;
  name: string;
  options: readonly PickerOption[];
  selected: readonly string[];
  onChange: (values: string[]) => void;
  error?: string;
  hint?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState('');
  const labelOf = (v: string) => options.find((o) => o.value === v)?.label ?? v;
  const left = options.filter((o) => !selected.includes(o.value));
  const add = () => {
    if (choice && !selected.includes(choice)) onChange([...selected, choice]);
    setChoice('');
  };
  return (
    <div className="chip-picker" data-picker={name}>
      <div className="picker-row">
        <Field label={label} error={error} hint={hint}>
          <select name={name} value={choice} disabled={disabled} onChange={(e) => setChoice(e.target.value)}>
            <option value="">{t('plans.picker.choose')}</option>
            {left.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
        <button type="button" className="btn" disabled={!choice || disabled} onClick={add} data-testid={`add-${name}`}>
          {t('plans.picker.add')}
        </button>
      </div>
      {selected.length > 0 && (
        <ul className="chips" aria-label={label}>
          {selected.map((v) => (
            <li key={v} className="chip">
              <span>{labelOf(v)}</span>
              <button
                type="button"
                className="chip-remove"
                disabled={disabled}
                aria-label={t('plans.picker.remove', { name: labelOf(v) })}
                onClick={() => onChange(selected.filter((x) => x !== v))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
