import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { linksOfRole, useCreateMember } from '../../data/members';
import type { Kos, Role, Unit } from '../../types';
import { EnumOptions } from '../ui/enum-options';
import { Field } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';
import { RoleLinks } from './role-links';

const FIELDS = ['email', 'name', 'password', 'role', 'unitId', 'kosId'];
const EMPTY = { email: '', name: '', password: '' };

/** "Add a member": e-mail, name, a first password, a role the caller may grant, and its unit or KOS. */
export function MemberForm({ roles, units, roster }: { roles: readonly Role[]; units: Unit[]; roster: Kos[] }) {
  const { t } = useTranslation();
  const [text, setText] = useState(EMPTY);
  const [role, setRole] = useState<Role>(roles.includes('viewer') ? 'viewer' : (roles[0] ?? 'viewer'));
  const [unitId, setUnitId] = useState('');
  const [kosId, setKosId] = useState('');
  const create = useCreateMember();
  const errors = useFormErrors(create.error, FIELDS);
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => setText({ ...text, [key]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        email: text.email.trim(),
        ...(text.name.trim() ? { name: text.name.trim() } : {}),
        ...(text.password ? { password: text.password } : {}),
        role,
        ...linksOfRole(role, unitId, kosId),
      },
      { onSuccess: () => setText(EMPTY) },
    );
  };
  return (
    <form className="card form" onSubmit={submit} noValidate data-testid="member-form" aria-labelledby="new-member-title">
      <h3 id="new-member-title">{t('members.new')}</h3>
      <div className="form-grid">
        <Field label={t('members.field.email')} error={errors.of('email')}>
          <input name="email" type="email" required autoComplete="off" value={text.email} onChange={set('email')} />
        </Field>
        <Field label={t('members.field.name')} error={errors.of('name')}>
          <input name="name" autoComplete="off" value={text.name} onChange={set('name')} />
        </Field>
        <Field label={t('members.field.password')} hint={t('members.passwordHint')} error={errors.of('password')}>
          <input name="password" type="password" autoComplete="new-password" value={text.password} onChange={set('password')} />
        </Field>
        <Field label={t('members.field.role')} error={errors.of('role')}>
          <select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <EnumOptions of="members.role" only={roles} />
          </select>
        </Field>
        <RoleLinks
          role={role}
          unitId={unitId}
          kosId={kosId}
          units={units}
          roster={roster}
          onUnit={setUnitId}
          onKos={setKosId}
          errorOf={errors.of}
        />
      </div>
      {errors.form && (
        <p className="alert" role="alert">
          {errors.form}
        </p>
      )}
      {create.isSuccess && (
        <p className="notice" role="status" data-testid="member-created">
          {t('members.created', { email: create.data.email })}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="btn primary" disabled={create.isPending} data-testid="create-member">
          {create.isPending ? t('common.working') : t('members.create')}
        </button>
      </div>
    </form>
  );
}
