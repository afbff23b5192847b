import { cloneElement, type ReactElement, useId } from 'react';

/** The props Field sets on its control. */
interface ControlProps {
  id?: string;
  name?: string;
  type?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

export interface FieldProps {
  /** The visible label (GLOSSARY.md terms: `Code`, `Handle`, `Unit`). */
  label: string;
  hint?: string;
  /** The translated error (from useFormErrors), shown under the control and read with it. */
  error?: string | null;
  /** One `<input>`, `<select>` or `<textarea>`: Field gives it an id, `aria-describedby` and `aria-invalid`. */
  children: ReactElement<ControlProps>;
}

/**
 * A labelled form control: `<Field label={t('kos.field.code')} error={errors.of('code')}><input name="code" /></Field>`.
 * The label is a real `<label for>`, the hint and the error are tied to the control by `aria-describedby`,
 * so a screen reader reads them when the control gets focus. A checkbox shows its label after it.
 */
export function Field({ label, hint, error, children }: FieldProps) {
  const id = useId();
  const own = children.props;
  const controlId = own.id ?? `${id}control`;
  const hintId = hint ? `${id}hint` : undefined;
  const errorId = error ? `${id}error` : undefined;
  const describedBy = [own['aria-describedby'], hintId, errorId].filter(Boolean).join(' ') || undefined;
  const control = cloneElement(children, {
    id: controlId,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
  });
  const labelEl = <label htmlFor={controlId}>{label}</label>;
  const checkbox = own.type === 'checkbox' || own.type === 'radio';
  return (
    <div className={`field${checkbox ? ' check' : ''}${error ? ' invalid' : ''}`}>
      {checkbox ? (
        <div className="check-row">
          {control}
          {labelEl}
        </div>
      ) : (
        <>
          {labelEl}
          {control}
        </>
      )}
      {hint && (
        <small id={hintId} className="field-hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={errorId} className="field-error" data-field={own.name}>
          {error}
        </small>
      )}
    </div>
  );
}
