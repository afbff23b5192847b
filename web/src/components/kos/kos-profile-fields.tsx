import { useTranslation } from 'react-i18next';
import { Field } from '../ui/field';
import type { FormErrors } from '../ui/form-errors';
import type { KosDraft } from './kos-draft';

type ProfileDraft = Pick<KosDraft, 'bio' | 'avatarUrl' | 'zalo' | 'phone' | 'messenger' | 'email'>;

/** The bio page's part of the KOS form: bio, avatar and the contact buttons (Zalo, phone, Messenger, e-mail). */
export function KosProfileFields({
  draft,
  errors,
  onChange,
}: {
  draft: ProfileDraft;
  errors: FormErrors;
  onChange: (change: Partial<ProfileDraft>) => void;
}) {
  const { t } = useTranslation();
  const set = (key: keyof ProfileDraft) => (e: { target: { value: string } }) => onChange({ [key]: e.target.value });
  return (
    <>
      <fieldset>
        <legend>{t('kos.section.bioPage')}</legend>
        <div className="form-grid">
          <Field label={t('kos.field.bio')} error={errors.of('bio')}>
            <textarea name="bio" maxLength={1000} value={draft.bio} onChange={set('bio')} />
          </Field>
          <Field label={t('kos.field.avatarUrl')} hint={t('kos.hint.avatarUrl')} error={errors.of('avatarUrl')}>
            <input name="avatarUrl" type="url" inputMode="url" value={draft.avatarUrl} onChange={set('avatarUrl')} />
          </Field>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('kos.section.contacts')}</legend>
        <div className="form-grid">
          <Field label={t('kos.field.zalo')} error={errors.of('contacts.zalo')}>
            <input name="zalo" value={draft.zalo} onChange={set('zalo')} />
          </Field>
          <Field label={t('kos.field.phone')} error={errors.of('contacts.phone')}>
            <input name="phone" type="tel" value={draft.phone} onChange={set('phone')} />
          </Field>
          <Field label={t('kos.field.messenger')} error={errors.of('contacts.messenger')}>
            <input name="messenger" value={draft.messenger} onChange={set('messenger')} />
          </Field>
          <Field label={t('kos.field.email')} error={errors.of('contacts.email') ?? errors.of('contacts')}>
            <input name="email" type="email" value={draft.email} onChange={set('email')} />
          </Field>
        </div>
      </fieldset>
    </>
  );
}
