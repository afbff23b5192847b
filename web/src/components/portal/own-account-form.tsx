import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OwnAccountPatch, useSaveOwnAccount } from '../../data/portal';
import type { PlatformAccount } from '../../types';
import { Field } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';
import { FormFooter } from '../ui/form-footer';

const FIELDS = ['displayName', 'bio', 'linkInBio', 'followers'] as const;

/**
 * The four fields a KOS member may change on their own account (PATCH /accounts/{id}; docs/matrix.md
 * "Who may change what"). `bioPageUrl`, when known, fills the link in bio in one tap.
 */
export function OwnAccountForm({
  kosId,
  account,
  bioPageUrl,
  onDone,
  onSaved,
}: {
  kosId: string;
  account: PlatformAccount;
  bioPageUrl: string | null;
  onDone: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveOwnAccount(kosId);
  const errors = useFormErrors(save.error, FIELDS);
  const [draft, setDraft] = useState({
    displayName: account.displayName ?? '',
    bio: account.bio ?? '',
    linkInBio: account.linkInBio ?? '',
    followers: String(account.followers),
  });
  const set = (key: keyof typeof draft) => (e: { target: { value: string } }) => {
    save.reset();
    setDraft({ ...draft, [key]: e.target.value });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const followers = draft.followers.trim();
    const body: OwnAccountPatch = {
      displayName: draft.displayName.trim() || null,
      bio: draft.bio.trim() || null,
      linkInBio: draft.linkInBio.trim() || null,
      // Not a number: NaN goes out as null, and the API's 422 names the field.
      followers: followers === '' ? 0 : Number(followers),
    };
    save.mutate(
      { accountId: account.id, body },
      {
        onSuccess: () => {
          onSaved();
          onDone();
        },
      },
    );
  };
  const title = t('myAccounts.formTitle', { handle: account.handle });

  return (
    <form className="form own-account-form" onSubmit={submit} aria-label={title} data-testid="own-account-form" noValidate>
      <h3>{title}</h3>
      <p className="muted small">{t('myAccounts.formIntro')}</p>
      <div className="form-grid">
        <Field label={t('matrix.field.displayName')} hint={t('matrix.hint.brandWord')} error={errors.of('displayName')}>
          <input name="displayName" maxLength={200} value={draft.displayName} onChange={set('displayName')} />
        </Field>
        <Field label={t('matrix.field.bio')} hint={t('matrix.hint.brandWord')} error={errors.of('bio')}>
          <textarea name="bio" rows={3} maxLength={2000} value={draft.bio} onChange={set('bio')} />
        </Field>
        <Field label={t('matrix.field.linkInBio')} hint={t('matrix.hint.linkInBio')} error={errors.of('linkInBio')}>
          <input
            name="linkInBio"
            inputMode="url"
            autoCapitalize="none"
            maxLength={500}
            value={draft.linkInBio}
            onChange={set('linkInBio')}
          />
        </Field>
        {bioPageUrl && draft.linkInBio.trim() !== bioPageUrl && (
          <p className="own-account-suggest">
            <button
              type="button"
              className="btn small"
              data-testid="use-bio-page"
              onClick={() => set('linkInBio')({ target: { value: bioPageUrl } })}
            >
              {t('myAccounts.useBioPage')}
            </button>{' '}
            <span className="muted small mono">{bioPageUrl}</span>
          </p>
        )}
        <Field label={t('accounts.field.followers')} hint={t('accounts.hint.followers')} error={errors.of('followers')}>
          <input
            name="followers"
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            value={draft.followers}
            onChange={set('followers')}
          />
        </Field>
      </div>
      <FormFooter
        error={errors.form}
        pending={save.isPending}
        submit={t('myAccounts.save')}
        onCancel={onDone}
        testId="save-own-account"
      />
    </form>
  );
}
