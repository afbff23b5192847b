import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccountMutations } from '../../data/kos';
import type { PlatformAccount } from '../../types';
import { EnumOptions } from '../ui/enum-options';
import { Field } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';
import { FormFooter } from '../ui/form-footer';

const FIELDS = [
  'platform',
  'handle',
  'url',
  'followers',
  'displayName',
  'bio',
  'linkInBio',
  'verified',
  'avatarOk',
  'pinnedOk',
] as const;

/** A check a person makes: not checked yet (null), ok, not ok — as a select value. */
const checkValue = (v: boolean | null | undefined) => (v === true ? 'yes' : v === false ? 'no' : '');
const checkOf = (v: string): boolean | null => (v === 'yes' ? true : v === 'no' ? false : null);

/**
 * Adds a platform account to a KOS (POST /kos/{id}/accounts) or changes one (PATCH /accounts/{id}), with the
 * fields its brand-consistency audit reads (docs/matrix.md "Account audit").
 */
export function AccountForm({ kosId, account, onDone }: { kosId: string; account?: PlatformAccount; onDone: () => void }) {
  const { t } = useTranslation();
  const { save } = useAccountMutations(kosId);
  const errors = useFormErrors(save.error, FIELDS);
  const [draft, setDraft] = useState({
    platform: account?.platform ?? 'tiktok_shop',
    handle: account?.handle ?? '',
    url: account?.url ?? '',
    followers: account ? String(account.followers) : '',
    displayName: account?.displayName ?? '',
    bio: account?.bio ?? '',
    linkInBio: account?.linkInBio ?? '',
    verified: account?.verified ?? false,
    avatarOk: checkValue(account?.avatarOk),
    pinnedOk: checkValue(account?.pinnedOk),
  });
  const set = (key: keyof typeof draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });
  const title = account ? t('accounts.edit', { handle: account.handle }) : t('accounts.add');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      platform: draft.platform,
      handle: draft.handle.trim(),
      url: draft.url.trim() || null,
      followers: draft.followers.trim() ? Number(draft.followers) : 0,
      displayName: draft.displayName.trim() || null,
      bio: draft.bio.trim() || null,
      linkInBio: draft.linkInBio.trim() || null,
      verified: draft.verified,
      avatarOk: checkOf(draft.avatarOk),
      pinnedOk: checkOf(draft.pinnedOk),
    };
    save.mutate({ accountId: account?.id, body }, { onSuccess: onDone });
  };
  const check = (name: 'avatarOk' | 'pinnedOk') => (
    <Field label={t(`matrix.field.${name}`)} hint={t(`matrix.hint.${name}`)} error={errors.of(name)}>
      <select name={name} value={draft[name]} onChange={set(name)}>
        <option value="">{t('matrix.check.unknown')}</option>
        <option value="yes">{t('matrix.check.yes')}</option>
        <option value="no">{t('matrix.check.no')}</option>
      </select>
    </Field>
  );

  return (
    <form className="card form" onSubmit={submit} aria-label={title} data-testid="account-form" noValidate>
      <h3>{title}</h3>
      <div className="form-grid">
        <Field label={t('accounts.field.platform')} error={errors.of('platform')}>
          <select name="platform" value={draft.platform} onChange={set('platform')}>
            <EnumOptions of="platform" />
          </select>
        </Field>
        <Field label={t('accounts.field.handle')} error={errors.of('handle')}>
          <input name="handle" required autoCapitalize="none" value={draft.handle} onChange={set('handle')} />
        </Field>
        <Field label={t('accounts.field.url')} error={errors.of('url')}>
          <input name="url" type="url" inputMode="url" value={draft.url} onChange={set('url')} />
        </Field>
        <Field label={t('accounts.field.followers')} hint={t('accounts.hint.followers')} error={errors.of('followers')}>
          <input name="followers" type="number" min={0} step={1} value={draft.followers} onChange={set('followers')} />
        </Field>
        <Field label={t('matrix.field.displayName')} hint={t('matrix.hint.brandWord')} error={errors.of('displayName')}>
          <input name="displayName" value={draft.displayName} onChange={set('displayName')} />
        </Field>
        <Field label={t('matrix.field.linkInBio')} hint={t('matrix.hint.linkInBio')} error={errors.of('linkInBio')}>
          <input name="linkInBio" inputMode="url" autoCapitalize="none" value={draft.linkInBio} onChange={set('linkInBio')} />
        </Field>
        <Field label={t('matrix.field.bio')} hint={t('matrix.hint.brandWord')} error={errors.of('bio')}>
          <textarea name="bio" rows={3} value={draft.bio} onChange={set('bio')} />
        </Field>
        {check('avatarOk')}
        {check('pinnedOk')}
        <Field label={t('matrix.field.verified')} error={errors.of('verified')}>
          <input
            type="checkbox"
            name="verified"
            checked={draft.verified}
            onChange={(e) => setDraft({ ...draft, verified: e.target.checked })}
          />
        </Field>
      </div>
      <FormFooter error={errors.form} pending={save.isPending} submit={t('accounts.save')} onCancel={onDone} />
    </form>
  );
}
