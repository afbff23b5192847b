import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../access/use-can';
import { useSaveLivestream } from '../../data/livestreams';
import { formatMoney } from '../../format';
import { useMe } from '../../session';
import type { Livestream } from '../../types';
import { instantFromZoned, zonedInput } from '../../zoned-time';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { Field } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';
import { nextStatuses, type SessionStatus } from './status-rules';

/** A status move the user asked for, waiting for confirmation. */
export type StatusAsk = { session: Livestream; to: SessionStatus } | null;

/** The moves the API allows from the session's status, for a role that may change sessions (none otherwise). */
export function StatusButtons({ session, onAsk }: { session: Livestream; onAsk: (ask: StatusAsk) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  if (!can('livestreams.edit')) return null;
  return nextStatuses(session.status).map((to) => (
    <button
      key={to}
      type="button"
      className={to === 'live' ? 'btn small primary' : to === 'cancelled' ? 'btn small danger' : 'btn small'}
      data-action={to}
      aria-label={t(`livestreams.actionNamed.${to}`, { title: session.title })}
      onClick={() => onAsk({ session, to })}
    >
      {t(`livestreams.action.${to}`)}
    </button>
  ));
}

/** Confirms a status move, with the actual times it needs (org time zone); ending books the livestream fee. */
export function StatusDialog({ ask, kosName, onClose }: { ask: StatusAsk; kosName: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const timeZone = useMe().org.timezone;
  const save = useSaveLivestream();
  const errors = useFormErrors(save.error, ['actualStart', 'actualEnd']);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new question starts without the last one's error
  useEffect(() => save.reset(), [ask]);
  const s = ask?.session;
  const to = ask?.to;
  const now = zonedInput(Date.now(), timeZone);
  const needsStart = to === 'live' || (to === 'ended' && !s?.actualStart);
  const startDefault = to === 'live' ? now : zonedInput(s?.actualStart ?? s?.scheduledStart ?? null, timeZone);
  const endDefault = s?.status === 'live' ? now : zonedInput(s?.scheduledEnd ?? null, timeZone);
  const fee =
    s && s.feeMinor !== null
      ? t('livestreams.confirm.ownFee', { fee: formatMoney(s.feeMinor, s.currency, i18n.language) })
      : t('livestreams.confirm.planFee');

  const confirm = (form: FormData) => {
    if (!s || !to) return;
    const time = (name: string) => instantFromZoned(String(form.get(name) ?? ''), timeZone) ?? undefined;
    const body: Record<string, unknown> = { status: to };
    if (needsStart) body.actualStart = time('actualStart');
    if (to === 'ended') body.actualEnd = time('actualEnd');
    save.mutate({ id: s.id, body }, { onSuccess: onClose });
  };

  return (
    <ConfirmDialog
      open={ask !== null}
      title={s && to ? t(`livestreams.confirm.${to}.title`, { title: s.title }) : ''}
      confirmLabel={to ? t(`livestreams.action.${to}`) : ''}
      danger={to === 'cancelled' || to === 'ended'}
      busy={save.isPending}
      error={errors.form ? save.error : undefined}
      onConfirm={confirm}
      onCancel={onClose}
    >
      {s && to && (
        <>
          <p>{t(`livestreams.confirm.${to}.text`, { kos: kosName, fee })}</p>
          {needsStart && (
            <Field
              label={t('livestreams.field.actualStart')}
              hint={t('livestreams.hint.timeZone', { timeZone })}
              error={errors.of('actualStart')}
            >
              <input type="datetime-local" name="actualStart" defaultValue={startDefault} required />
            </Field>
          )}
          {to === 'ended' && (
            <Field
              label={t('livestreams.field.actualEnd')}
              hint={t('livestreams.hint.timeZone', { timeZone })}
              error={errors.of('actualEnd')}
            >
              <input type="datetime-local" name="actualEnd" defaultValue={endDefault} required />
            </Field>
          )}
        </>
      )}
    </ConfirmDialog>
  );
}
