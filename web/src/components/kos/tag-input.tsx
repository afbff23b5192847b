import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../ui/field';

export interface TagInputProps {
  name: string;
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  error?: string;
  /** Voucher codes are compared upper-cased: show them so. */
  upperCase?: boolean;
}

/**
 * A list of short texts (categories, voucher codes): type one and press Enter or a comma; leaving the field
 * adds what was typed too. Each tag has its own remove button.
 */
export function TagInput({ name, label, values, onChange, error, upperCase }: TagInputProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const add = () => {
    const items = text
      .split(',')
      .map((s) => (upperCase ? s.trim().toUpperCase() : s.trim()))
      .filter((s) => s && !values.includes(s));
    if (items.length) onChange([...values, ...items]);
    setText('');
  };
  const keyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      add();
    } else if (e.key === 'Backspace' && !text && values.length) onChange(values.slice(0, -1));
  };
  return (
    <div className="tag-input" data-testid={`tags-${name}`}>
      <Field label={label} hint={t('kos.tags.hint')} error={error}>
        <input name={name} value={text} onChange={(e) => setText(e.target.value)} onKeyDown={keyDown} onBlur={add} />
      </Field>
      {values.length > 0 && (
        <ul className="tags" aria-label={label}>
          {values.map((v) => (
            <li key={v} className="tag">
              <span>{v}</span>
              <button
                type="button"
                className="tag-remove"
                aria-label={t('kos.tags.remove', { value: v })}
                onClick={() => onChange(values.filter((x) => x !== v))}
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
