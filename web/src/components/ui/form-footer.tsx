import { useTranslation } from 'react-i18next';

export interface FormFooterProps {
  /** The form-level problem (from useFormErrors), shown as an alert above the buttons. */
  error?: string | null;
  /** While saving the submit button is disabled and says "working". */
  pending: boolean;
  /** The submit button's label. */
  submit: string;
  onCancel: () => void;
  /** For tests: the submit button's `data-testid`. */
  testId?: string;
}

/** The end of an edit form: its form-level problem, then Cancel and the submit button. */
export function FormFooter({ error, pending, submit, onCancel, testId }: FormFooterProps) {
  const { t } = useTranslation();
  return (
    <>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn primary" disabled={pending} data-testid={testId}>
          {pending ? t('common.working') : submit}
        </button>
      </div>
    </>
  );
}
