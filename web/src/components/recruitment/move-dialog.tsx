import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { usePatchApplication } from '../../data/recruitment';
import type { Application, ApplicationStatus } from '../../data/recruitment-enums';
import { enumKey } from '../../enums';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { Field } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';

/** A move the user asked for, waiting for its note (and, below the pass score, the override). */
export type MoveAsk = { application: Application; to: ApplicationStatus } | null;

/** Confirms a pipeline move with an optional note; accepting below the pass score asks for override and a note. */
export function MoveDialog({ ask, onClose }: { ask: MoveAsk; onClose: () => void }) {
  const { t } = useTranslation();
  const patch = usePatchApplication();
  const errors = useFormErrors(patch.error, ['note', 'override', 'status']);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new question starts without the last one's error
  useEffect(() => patch.reset(), [ask]);
  const a = ask?.application;
  const below = ask?.to === 'accepted' && a !== undefined && a.score < a.passScore;
  const confirm = (form: FormData) => {
    if (!a || !ask) return;
    const note = String(form.get('note') ?? '').trim();
    patch.mutate(
      {
        id: a.id,
        body: { status: ask.to, ...(note ? { note } : {}), ...(below ? { override: form.get('override') === 'on' } : {}) },
      },
      { onSuccess: onClose },
    );
  };
  const status = ask ? t(enumKey('recruitment.status', ask.to)) : '';
  return (
    <ConfirmDialog
      open={ask !== null}
      title={a ? t('recruitment.moveTitle', { name: a.name, status }) : ''}
      confirmLabel={t('recruitment.moveTo', { status })}
      danger={ask?.to === 'rejected'}
      busy={patch.isPending}
      error={patch.error ?? undefined}
      onConfirm={confirm}
      onCancel={onClose}
    >
      {below && a && (
        <>
          <p className="alert">{t('recruitment.belowPass', { score: a.score, passScore: a.passScore })}</p>
          <Field label={t('recruitment.field.override')} error={errors.of('override')}>
            <input name="override" type="checkbox" />
          </Field>
        </>
      )}
      <Field label={t('recruitment.field.note')} error={errors.of('note')}>
        <textarea name="note" rows={2} maxLength={1000} />
      </Field>
    </ConfirmDialog>
  );
}
