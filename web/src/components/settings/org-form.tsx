import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OrgPatch, usePatchOrg } from '../../data/settings';
import { isLocale, LOCALES } from '../../i18n/resources';
import type { Org } from '../../types';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { Field } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';
import { fromMinorUnits, moneyStep, toMinorUnits, wholeNumber } from './amounts';

const FIELDS = [
  'name',
  'currency',
  'timezone',
  'locale',
  'attributionWindowDays',
  'postLiveWindowHours',
  'minPayoutMinor',
] as const;
const CURRENCIES = ['VND', 'CNY'];
const TIME_ZONES = ['Asia/Ho_Chi_Minh', 'Asia/Shanghai', 'Asia/Bangkok', 'Asia/Singapore', 'UTC'];

type Draft = Record<(typeof FIELDS)[number], string>;
const draftOf = (org: Org): Draft => ({
  name: org.name,
  currency: org.currency,
  timezone: org.timezone,
  locale: org.locale,
  attributionWindowDays: String(org.attributionWindowDays),
  postLiveWindowHours: String(org.postLiveWindowHours),
  minPayoutMinor: fromMinorUnits(org.minPayoutMinor, org.currency),
});

/** The organisation's settings (owner, admin): PATCH /org; a change of currency is confirmed first. */
export function OrgForm({ org }: { org: Org }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(org));
  const [confirming, setConfirming] = useState(false);
  const save = usePatchOrg();
  const errors = useFormErrors(save.error, FIELDS);
  const set = (key: keyof Draft) => (e: { target: { value: string } }) => {
    save.reset();
    setDraft({ ...draft, [key]: e.target.value });
  };

  const patch = (): OrgPatch => ({
    name: draft.name,
    currency: draft.currency.trim().toUpperCase(),
    timezone: draft.timezone.trim(),
    // The select offers only the console's languages; an org kept in another one is left as it is.
    ...(isLocale(draft.locale) ? { locale: draft.locale } : {}),
    attributionWindowDays: wholeNumber(draft.attributionWindowDays) as number,
    postLiveWindowHours: wholeNumber(draft.postLiveWindowHours) as number,
    // The minimum is in the currency being saved.
    minPayoutMinor: toMinorUnits(draft.minPayoutMinor, draft.currency.trim().toUpperCase() || org.currency) as number,
  });
  const send = () => save.mutate(patch(), { onSuccess: (o) => setDraft(draftOf(o)), onSettled: () => setConfirming(false) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.currency.trim().toUpperCase() !== org.currency) setConfirming(true);
    else send();
  };
  const currencies = CURRENCIES.includes(org.currency) ? CURRENCIES : [org.currency, ...CURRENCIES];

  return (
    <>
      <form className="form" onSubmit={submit} noValidate data-testid="org-form" aria-labelledby="org-form-title">
        <h2 id="org-form-title">{t('settings.section.org')}</h2>
        <div className="form-grid">
          <Field label={t('settings.field.name')} error={errors.of('name')}>
            <input name="name" required value={draft.name} onChange={set('name')} />
          </Field>
          <Field label={t('settings.field.slug')} hint={t('settings.slugHint')}>
            <input name="slug" value={org.slug} readOnly className="mono" />
          </Field>
          <Field label={t('settings.field.currency')} error={errors.of('currency')}>
            <select name="currency" value={draft.currency} onChange={set('currency')}>
              {currencies.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('settings.field.timezone')} hint={t('settings.timezoneHint')} error={errors.of('timezone')}>
            <input name="timezone" list="org-time-zones" value={draft.timezone} onChange={set('timezone')} autoComplete="off" />
          </Field>
          <Field label={t('settings.field.locale')} error={errors.of('locale')}>
            <select name="locale" value={draft.locale} onChange={set('locale')}>
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {t(`common.locales.${l}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label={t('settings.field.attributionWindowDays')}
            hint={t('settings.attributionHint')}
            error={errors.of('attributionWindowDays')}
          >
            <input
              name="attributionWindowDays"
              type="number"
              min={0}
              max={365}
              step={1}
              inputMode="numeric"
              value={draft.attributionWindowDays}
              onChange={set('attributionWindowDays')}
            />
          </Field>
          <Field
            label={t('settings.field.postLiveWindowHours')}
            hint={t('settings.postLiveHint')}
            error={errors.of('postLiveWindowHours')}
          >
            <input
              name="postLiveWindowHours"
              type="number"
              min={0}
              max={168}
              step={1}
              inputMode="numeric"
              value={draft.postLiveWindowHours}
              onChange={set('postLiveWindowHours')}
            />
          </Field>
          <Field
            label={t('settings.field.minPayoutMinor')}
            hint={t('settings.minPayoutHint', { currency: draft.currency })}
            error={errors.of('minPayoutMinor')}
          >
            <input
              name="minPayoutMinor"
              type="number"
              min={0}
              step={moneyStep(draft.currency)}
              inputMode="decimal"
              value={draft.minPayoutMinor}
              onChange={set('minPayoutMinor')}
            />
          </Field>
        </div>
        <datalist id="org-time-zones">
          {TIME_ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        {errors.form && !confirming && (
          <p className="alert" role="alert">
            {errors.form}
          </p>
        )}
        {save.isSuccess && (
          <p className="notice" role="status" data-testid="org-saved">
            {t('settings.saved')}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="btn primary" disabled={save.isPending} data-testid="save-org">
            {save.isPending ? t('common.working') : t('settings.save')}
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={confirming}
        title={t('settings.currencyConfirm.title')}
        confirmLabel={t('settings.save')}
        danger
        busy={save.isPending}
        onConfirm={send}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('settings.currencyConfirm.text', { from: org.currency, to: draft.currency })}</p>
      </ConfirmDialog>
    </>
  );
}
