import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccountMutations, useAccounts } from '../../data/kos';
import { formatNumber } from '../../format';
import type { PlatformAccount } from '../../types';
import { Badge } from '../ui/badge';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { EmptyState } from '../ui/empty-state';
import { ErrorBox } from '../ui/error-box';
import { Loading } from '../ui/loading';
import { type Column, ResponsiveList } from '../ui/responsive-list';
import { AccountForm } from './account-form';
import { AuditCell } from './audit-cell';

/**
 * A KOS's platform accounts (the matrix) with their follower tier and audit score (the failing items named);
 * those who may (`accounts.edit`) add, change and remove them (removal asks first).
 */
export function AccountList({ kosId, editable }: { kosId: string; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const accounts = useAccounts(kosId);
  const { remove } = useAccountMutations(kosId);
  // `null`: no form; `'new'`: adding; an account: changing it.
  const [editing, setEditing] = useState<PlatformAccount | 'new' | null>(null);
  const [deleting, setDeleting] = useState<PlatformAccount | null>(null);
  const none = t('common.none');

  const columns: Column<PlatformAccount>[] = [
    {
      key: 'handle',
      header: t('accounts.field.handle'),
      role: 'title',
      cell: (a) =>
        a.url ? (
          <a href={a.url} target="_blank" rel="noreferrer noopener">
            {a.handle}
          </a>
        ) : (
          a.handle
        ),
    },
    {
      key: 'tier',
      header: t('accounts.field.followerTier'),
      role: 'status',
      cell: (a) => (a.followerTier ? <Badge of="accounts.followerTier" value={a.followerTier} /> : none),
    },
    { key: 'platform', header: t('accounts.field.platform'), cell: (a) => <Badge of="platform" value={a.platform} /> },
    { key: 'audit', header: t('matrix.auditScore'), cell: (a) => <AuditCell account={a} /> },
    {
      key: 'followers',
      header: t('accounts.field.followers'),
      numeric: true,
      cell: (a) => formatNumber(a.followers, i18n.language),
    },
  ];
  if (editable)
    columns.push({
      key: 'actions',
      header: t('accounts.actions'),
      role: 'actions',
      cell: (a) => (
        <>
          <button
            type="button"
            className="btn small"
            onClick={() => setEditing(a)}
            aria-label={t('accounts.editOne', { handle: a.handle })}
          >
            {t('accounts.editShort')}
          </button>
          <button
            type="button"
            className="btn small"
            onClick={() => setDeleting(a)}
            aria-label={t('accounts.deleteOne', { handle: a.handle })}
          >
            {t('accounts.delete')}
          </button>
        </>
      ),
    });

  return (
    <section aria-label={t('kos.accounts')} data-testid="account-list">
      {editable && editing === null && (
        <div className="page-actions">
          <button type="button" className="btn primary" data-testid="add-account" onClick={() => setEditing('new')}>
            {t('accounts.add')}
          </button>
        </div>
      )}
      {editing !== null && (
        <AccountForm
          key={editing === 'new' ? 'new' : editing.id}
          kosId={kosId}
          account={editing === 'new' ? undefined : editing}
          onDone={() => setEditing(null)}
        />
      )}
      {accounts.isPending && <Loading />}
      {accounts.isError && <ErrorBox error={accounts.error} onRetry={() => void accounts.refetch()} />}
      {accounts.data?.length === 0 && <EmptyState>{t('kos.noAccounts')}</EmptyState>}
      {accounts.data && accounts.data.length > 0 && (
        <ResponsiveList
          data-testid="account-table"
          caption={t('kos.accounts')}
          rows={accounts.data}
          columns={columns}
          rowKey={(a) => a.id}
        />
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t('accounts.deleteTitle')}
        confirmLabel={t('accounts.delete')}
        danger
        busy={remove.isPending}
        error={remove.error}
        onCancel={() => {
          setDeleting(null);
          remove.reset();
        }}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      >
        <p>{deleting && t('accounts.deleteText', { handle: deleting.handle, platform: t(`platform.${deleting.platform}`) })}</p>
      </ConfirmDialog>
    </section>
  );
}
