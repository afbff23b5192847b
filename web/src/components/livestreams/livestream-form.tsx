import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllKos } from '../../data';
import { useAccountsOf, useCatalogue, useSaveLivestream } from '../../data/livestreams';
import { enumKey } from '../../enums';
import { useMe } from '../../session';
import type { Livestream } from '../../types';
import { ChipPicker } from '../plans/chip-picker';
import { Field } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';
import { FlashOfferFields } from './flash-offer-fields';
import { readSessionDraft, type SessionDraft, sessionDraftOf } from './session-draft';

const FIELDS = [
  'kosId',
  'accountId',
  'title',
  'scheduledStart',
  'scheduledEnd',
  'feeMinor',
  'productIds',
  'flashOffers',
] as const;

/** Schedule a session (no `session`) or change one: KOS, its account, title, times in the org's zone, fee, products, flash offers. */
export function LivestreamForm({
  session,
  onSaved,
  onCancel,
}: {
  session?: Livestream;
  onSaved: (s: Livestream) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { org } = useMe();
  const currency = session?.currency ?? org.currency;
  const [draft, setDraft] = useState<SessionDraft>(() => sessionDraftOf(session, org.timezone));
  const roster = useAllKos();
  const accounts = useAccountsOf(draft.kosId);
  const catalogue = useCatalogue();
  const save = useSaveLivestream();
  const server = useFormErrors(save.error, FIELDS);
  const { body, errors: local } = readSessionDraft(draft, org.timezone, currency);
  const errorOf = (path: string) => (local[path] ? t(local[path], { currency }) : server.of(path));
  const change = (patch: Partial<SessionDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const set = (key: keyof SessionDraft) => (e: { target: { value: string } }) => change({ [key]: e.target.value });
  const timeHint = t('livestreams.hint.timeZone', { timeZone: org.timezone });
  const kosLocked = session?.status === 'ended';

  // A KOS with a single account: choose it.
  const only = accounts.data?.length === 1 ? accounts.data[0]?.id : undefined;
  useEffect(() => {
    if (only) setDraft((d) => (d.accountId ? d : { ...d, accountId: only }));
  }, [only]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (Object.keys(local).length === 0) save.mutate({ id: session?.id, body }, { onSuccess: onSaved });
  };
  const title = session ? t('livestreams.editTitle') : t('livestreams.new');
  const products = catalogue.data ?? [];

  return (
    <form className="card form" onSubmit={submit} aria-label={title} data-testid="livestream-form" noValidate>
      <h2>{title}</h2>
      <div className="form-grid">
        <Field
          label={t('livestreams.field.kosId')}
          error={errorOf('kosId')}
          hint={kosLocked ? t('livestreams.hint.kosLocked') : undefined}
        >
          <select
            name="kosId"
            value={draft.kosId}
            disabled={kosLocked}
            onChange={(e) => change({ kosId: e.target.value, accountId: '' })}
          >
            <option value="">{t('plans.picker.choose')}</option>
            {(roster.data ?? []).map((k) => (
              <option key={k.id} value={k.id}>{`${k.name} (${k.code})`}</option>
            ))}
          </select>
        </Field>
        <Field
          label={t('livestreams.field.accountId')}
          error={errorOf('accountId')}
          hint={
            !draft.kosId
              ? t('livestreams.hint.chooseKos')
              : accounts.data?.length === 0
                ? t('livestreams.hint.noAccounts')
                : undefined
          }
        >
          <select name="accountId" value={draft.accountId} disabled={!draft.kosId} onChange={set('accountId')}>
            <option value="">{t('plans.picker.choose')}</option>
            {(accounts.data ?? []).map((a) => (
              <option key={a.id} value={a.id}>{`${t(enumKey('platform', a.platform))} @${a.handle}`}</option>
            ))}
          </select>
        </Field>
        <Field label={t('livestreams.field.title')} error={errorOf('title')}>
          <input name="title" required value={draft.title} onChange={set('title')} />
        </Field>
        <Field label={t('livestreams.field.scheduledStart')} hint={timeHint} error={errorOf('scheduledStart')}>
          <input
            name="scheduledStart"
            type="datetime-local"
            required
            value={draft.scheduledStart}
            onChange={set('scheduledStart')}
          />
        </Field>
        <Field label={t('livestreams.field.scheduledEnd')} hint={timeHint} error={errorOf('scheduledEnd')}>
          <input name="scheduledEnd" type="datetime-local" required value={draft.scheduledEnd} onChange={set('scheduledEnd')} />
        </Field>
        <Field
          label={t('livestreams.field.feeMinorIn', { currency })}
          hint={t('livestreams.hint.fee')}
          error={errorOf('feeMinor')}
        >
          <input name="fee" inputMode="decimal" value={draft.fee} onChange={set('fee')} />
        </Field>
      </div>
      <ChipPicker
        label={t('livestreams.field.productIds')}
        name="productIds"
        options={products.map((p) => ({ value: p.id, label: `${p.name} (${p.sku})` }))}
        selected={draft.productIds}
        onChange={(productIds) => change({ productIds })}
        error={errorOf('productIds')}
      />
      <FlashOfferFields
        rows={draft.offers}
        products={products}
        currency={currency}
        timeHint={timeHint}
        sessionWindow={{ start: draft.scheduledStart, end: draft.scheduledEnd }}
        onChange={(offers) => change({ offers })}
        errorOf={errorOf}
      />
      {server.form && (
        <p className="alert" role="alert">
          {server.form}
        </p>
      )}
      <div className="actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn primary" disabled={save.isPending} data-testid="save-livestream">
          {save.isPending ? t('common.working') : t(session ? 'livestreams.save' : 'livestreams.create')}
        </button>
      </div>
    </form>
  );
}
