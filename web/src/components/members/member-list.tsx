import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../access/use-can';
import { useAllKos, useUnits } from '../../data';
import { useMembers } from '../../data/members';
import { useMe } from '../../session';
import { type Member, ROLES } from '../../types';
import { Badge } from '../ui/badge';
import { EmptyState } from '../ui/empty-state';
import { ErrorBox } from '../ui/error-box';
import { Loading } from '../ui/loading';
import { type Column, ResponsiveList } from '../ui/responsive-list';
import { type MemberAction, MemberDialogs } from './member-dialogs';
import { MemberForm } from './member-form';

/** The org's members (owner, admin): add, change role, reset password, remove — only for roles the caller may grant. */
export function MemberList() {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const members = useMembers();
  const units = useUnits();
  const roster = useAllKos();
  const [action, setAction] = useState<MemberAction>(null);
  const roles = ROLES.filter((r) => can('members.grant', { role: r }));
  const rows = members.data ?? [];
  const owners = rows.filter((m) => m.role === 'owner').length;
  const unitName = new Map((units.data ?? []).map((u) => [u.id, u.name]));
  const kosName = new Map((roster.data ?? []).map((k) => [k.id, `${k.name} (${k.code})`]));
  // An org keeps one owner; a member's own role and membership are changed by someone else.
  const lastOwner = (m: Member) => m.role === 'owner' && owners <= 1;
  const self = (m: Member) => m.id === me.member?.id;
  const scope = (m: Member) =>
    m.kosId ? (kosName.get(m.kosId) ?? m.kosId) : m.unitId ? (unitName.get(m.unitId) ?? m.unitId) : t('members.wholeOrg');

  const columns: Column<Member>[] = [
    {
      key: 'name',
      header: t('members.field.name'),
      role: 'title',
      cell: (m) => (
        <>
          <strong>{m.name}</strong>
          <div className="muted small">{m.email}</div>
        </>
      ),
    },
    { key: 'role', header: t('members.field.role'), role: 'status', cell: (m) => <Badge of="members.role" value={m.role} /> },
    { key: 'scope', header: t('members.scope'), cell: scope },
    {
      key: 'password',
      header: t('members.field.password'),
      cell: (m) => (m.hasPassword ? t('members.passwordSet') : t('members.noPassword')),
    },
    {
      key: 'actions',
      header: t('members.actions'),
      role: 'actions',
      cell: (m) =>
        can('members.grant', { role: m.role }) && (
          <>
            {!self(m) && !lastOwner(m) && (
              <button
                type="button"
                className="btn small"
                onClick={() => setAction({ kind: 'role', member: m })}
                data-testid="change-role"
              >
                {t('members.changeRole')}
              </button>
            )}
            <button
              type="button"
              className="btn small"
              onClick={() => setAction({ kind: 'password', member: m })}
              data-testid="reset-password"
            >
              {t('members.resetPassword')}
            </button>
            {!self(m) && !lastOwner(m) && (
              <button
                type="button"
                className="btn small"
                onClick={() => setAction({ kind: 'remove', member: m })}
                data-testid="remove-member"
              >
                {t('members.remove')}
              </button>
            )}
            {lastOwner(m) && <span className="muted small">{t('members.onlyOwner')}</span>}
          </>
        ),
    },
  ];

  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">{t('settings.section.members')}</h2>
      {members.isPending && <Loading />}
      {members.isError && <ErrorBox error={members.error} onRetry={() => void members.refetch()} />}
      {members.isSuccess && rows.length === 0 && <EmptyState>{t('members.empty')}</EmptyState>}
      {rows.length > 0 && (
        <ResponsiveList
          data-testid="member-table"
          caption={t('settings.section.members')}
          rows={rows}
          columns={columns}
          rowKey={(m) => m.id}
        />
      )}
      <MemberForm roles={roles} units={units.data ?? []} roster={roster.data ?? []} />
      <MemberDialogs
        action={action}
        roles={roles}
        units={units.data ?? []}
        roster={roster.data ?? []}
        onDone={() => setAction(null)}
      />
    </section>
  );
}
