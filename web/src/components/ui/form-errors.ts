import { useTranslation } from 'react-i18next';
import { errorText, fieldProblemText, problemOf } from '../../problem-text';

/** What a form shows for a failed submit: per field, and the rest once at the form's level. */
export interface FormErrors {
  /** The translated error of the field `path` names (`code`), or of a field inside it (`taxProfile` shows `taxProfile.taxCode`). */
  of(path: string): string | undefined;
  /** The error text to show above the buttons when no field of `fields` shows it (a 403, a 409 without a path…), else null. */
  form: string | null;
}

const covers = (field: string, path: string) => path === field || path.startsWith(`${field}.`);

/**
 * Maps a failed request's `errors[].path` to the form's fields: `const errors = useFormErrors(save.error, FIELDS)`,
 * then `<Field error={errors.of('code')}>` and `{errors.form && <p className="alert" role="alert">{errors.form}</p>}`.
 * `fields` lists the paths the form shows, so an error at any other path still reaches the user.
 */
export function useFormErrors(error: unknown, fields: readonly string[]): FormErrors {
  const { t, i18n } = useTranslation();
  const problem = problemOf(error);
  const items = problem?.errors ?? [];
  const of = (path: string) => {
    const item = items.find((e) => e.path === path) ?? items.find((e) => covers(path, e.path));
    return item && problem ? fieldProblemText(item, problem, t, i18n.language) : undefined;
  };
  const shown = items.some((e) => fields.some((f) => covers(f, e.path)));
  return { of, form: error && !shown ? errorText(error, t, i18n.language) : null };
}
