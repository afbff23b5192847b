import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OwnProfile, useSaveOwnProfile } from '../../data/me';
import type { Kos } from '../../types';
import { Field } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';

const CONTACTS = ['zalo', 'phone', 'messenger', 'email'] as const;
type Contact = (typeof CONTACTS)[number];
const FIELDS = ['bio', 'avatarUrl', ...CONTACTS.map((c) => `contacts.${c}`)];
const INPUT: Record<Contact, { type: string; inputMode?: 'tel' | 'email' }> = {
  zalo: { type: 'text' },
  phone: { type: 'tel', inputMode: 'tel' },
  messenger: { type: 'text' },
  email: { type: 'email', inputMode: 'email' },
};

/** A KOS member's own bio page details: bio, avatar URL and contacts (all their role may change). */
export function BioForm({ kos }: { kos: Kos }) {
  const { t } = useTranslation();
  const [bio, setBio] = useState(kos.bio ?? '');
  const [avatarUrl, setAvatarUrl] = useState(kos.avatarUrl ?? '');
  const [contacts, setContacts] = useState<Record<Contact, string>>(() => ({
    zalo: kos.contacts.zalo ?? '',
    phone: kos.contacts.phone ?? '',
    messenger: kos.contacts.messenger ?? '',
    email: kos.contacts.email ?? '',
  }));
  const save = useSaveOwnProfile(kos.id);
  const errors = useFormErrors(save.error, FIELDS);
  const changed = () => save.reset();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const filled = CONTACTS.filter((c) => contacts[c].trim()).map((c) => [c, contacts[c].trim()]);
    const profile: OwnProfile = {
      bio: bio.trim() || null,
      avatarUrl: avatarUrl.trim() || null,
      contacts: Object.fromEntries(filled),
    };
    save.mutate(profile);
  };

  return (
    <form className="card form" onSubmit={submit} noValidate data-testid="bio-form" aria-labelledby="me-bio-title">
      <h2 id="me-bio-title">{t('me.bio.title')}</h2>
      <p className="muted small">{t('me.bio.intro')}</p>
      <div className="form-grid">
        <Field label={t('me.field.bio')} hint={t('me.bio.bioHint')} error={errors.of('bio')}>
          <textarea
            name="bio"
            maxLength={1000}
            rows={4}
            value={bio}
            onChange={(e) => {
              changed();
              setBio(e.target.value);
            }}
          />
        </Field>
        <Field label={t('me.field.avatarUrl')} hint={t('me.bio.avatarHint')} error={errors.of('avatarUrl')}>
          <input
            name="avatarUrl"
            type="url"
            inputMode="url"
            value={avatarUrl}
            onChange={(e) => {
              changed();
              setAvatarUrl(e.target.value);
            }}
          />
        </Field>
        {CONTACTS.map((c) => (
          <Field key={c} label={t(`me.contact.${c}`)} error={errors.of(`contacts.${c}`)}>
            <input
              name={`contacts.${c}`}
              type={INPUT[c].type}
              inputMode={INPUT[c].inputMode}
              autoComplete="off"
              value={contacts[c]}
              onChange={(e) => {
                changed();
                setContacts({ ...contacts, [c]: e.target.value });
              }}
            />
          </Field>
        ))}
      </div>
      {errors.form && (
        <p className="alert" role="alert">
          {errors.form}
        </p>
      )}
      {save.isSuccess && (
        <p className="notice" role="status" data-testid="bio-saved">
          {t('me.bio.saved')}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="btn primary" disabled={save.isPending} data-testid="save-bio">
          {save.isPending ? t('common.working') : t('me.bio.save')}
        </button>
      </div>
    </form>
  );
}
