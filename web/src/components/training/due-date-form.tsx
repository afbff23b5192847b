import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMoveDueAt } from '../../data/training';
import type { Enrolment } from '../../data/training-enums';
import { useMe } from '../../session';
import { instantFromZoned, zonedInput } from '../../zoned-time';
import { Field } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';

/** Owners and admins move an enrolment's due date (on the org's wall clock); it may make it overdue or not. */
export function DueDateForm({ enrolment }: { enrolment: Enrolment }) {
  const { t } = useTranslation();
  const me = useMe();
  const move = useMoveDueAt(enrolment.id);
  const errors = useFormErrors(move.error, ['dueAt']);
  const [value, setValue] = useState(zonedInput(enrolment.dueAt, me.org.timezone));
  const [saved, setSaved] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const dueAt = instantFromZoned(value, me.org.timezone);
    if (!dueAt) return;
    setSaved(false);
    move.mutate(dueAt, { onSuccess: () => setSaved(true) });
  };
  return (
    <form className="card form due-form" onSubmit={submit} data-testid="due-form" aria-label={t('training.due.title')}>
      <div className="picker-row">
        <Field
          label={t('training.due.title')}
          hint={t('training.due.hint', { zone: me.org.timezone })}
          error={errors.of('dueAt')}
        >
          <input name="dueAt" type="datetime-local" required value={value} onChange={(e) => setValue(e.target.value)} />
        </Field>
        <button type="submit" className="btn" disabled={move.isPending || !value}>
          {move.isPending ? t('common.working') : t('training.due.save')}
        </button>
      </div>
      {errors.form && (
        <p className="alert" role="alert">
          {errors.form}
        </p>
      )}
      {saved && (
        <p className="notice" role="status" data-testid="due-saved">
          {t('training.due.saved')}
        </p>
      )}
    </form>
  );
}
