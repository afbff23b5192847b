import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { linksOfRole, useChangeMember, useRemoveMember } from '../../data/members';
import type { Kos, Member, Role, Unit } from '../../types';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { EnumOptions } from '../ui/enum-options';
import { Field } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';
import { RoleLinks } from './role-links';

export type MemberAction = { kind: 'role' | 'password' | 'remove'; member: Member } | null;

interface Props {
  action: MemberAction;
  roles: readonly Role[];
  units: Unit[];
  roster: Kos[];
  onDone: () => void;
}

/** The confirmed steps on one member: a new role (with its unit or KOS), a new password, removal. */
export function MemberDialogs({ action, roles, units, roster, onDone }: Props) {
  const { t } = useTranslation();
  const change = useChangeMember();
  const remove = useRemoveMember();
  const member = action?.member;
  const close = () => {
    change.reset();
    remove.reset();
    onDone();
  };
  return (
    <>
      <RoleDialog
        open={action?.kind === 'role'}
        member={member}
        roles={roles}
        units={units}
        roster={roster}
        change={change}
        onClose={close}
      />
      <PasswordDialog open={action?.kind === 'password'} member={member} change={change} onClose={close} />
      <ConfirmDialog
        open={action?.kind === 'remove'}
        title={t('members.removeTitle', { name: member?.name ?? '' })}
        confirmLabel={t('members.remove')}
        danger
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => member && remove.mutate(member.id, { onSuccess: close })}
        onCancel={close}
      >
        <p>{t('members.removeText', { email: member?.email ?? '' })}</p>
      </ConfirmDialog>
    </>
  );
}

type Change = ReturnType<typeof useChangeMember>;

function RoleDialog({
  open,
  member,
  roles,
  units,
  roster,
  change,
  onClose,
}: Omit<Props, 'action' | 'onDone'> & { open: boolean; member?: Member; change: Change; onClose: () => void }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>(member?.role ?? 'viewer');
  const [unitId, setUnitId] = useState(member?.unitId ?? '');
  const [kosId, setKosId] = useState(member?.kosId ?? '');
  // Each opening starts from the member's current role and link.
  useEffect(() => {
    if (!open || !member) return;
    setRole(member.role);
    setUnitId(member.unitId ?? '');
    setKosId(member.kosId ?? '');
  }, [open, member]);
  const errors = useFormErrors(change.error, ['role', 'unitId', 'kosId']);
  return (
    <ConfirmDialog
      open={open}
      title={t('members.roleTitle', { name: member?.name ?? '' })}
      confirmLabel={t('members.changeRole')}
      busy={change.isPending}
      error={errors.form ? change.error : null}
      onConfirm={() =>
        member && change.mutate({ id: member.id, change: { role, ...linksOfRole(role, unitId, kosId) } }, { onSuccess: onClose })
      }
      onCancel={onClose}
    >
      <p>{t('members.roleText')}</p>
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
    </ConfirmDialog>
  );
}

function PasswordDialog({
  open,
  member,
  change,
  onClose,
}: {
  open: boolean;
  member?: Member;
  change: Change;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errors = useFormErrors(change.error, ['password']);
  return (
    <ConfirmDialog
      open={open}
      title={t('members.passwordTitle', { name: member?.name ?? '' })}
      confirmLabel={t('members.resetPassword')}
      danger
      busy={change.isPending}
      error={errors.form ? change.error : null}
      onConfirm={(form) =>
        member &&
        change.mutate({ id: member.id, change: { password: String(form.get('password') ?? '') } }, { onSuccess: onClose })
      }
      onCancel={onClose}
    >
      <p>{t('members.passwordText')}</p>
      <Field label={t('members.field.newPassword')} hint={t('members.passwordRule')} error={errors.of('password')}>
        <input name="password" type="password" autoComplete="new-password" minLength={8} required />
      </Field>
    </ConfirmDialog>
  );
}
