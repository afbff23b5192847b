import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../access/use-can';
import { useUnits } from '../../data';
import { type CreatedApiKey, useApiKeys, useDeleteApiKey } from '../../data/settings';
import { formatDate } from '../../format';
import { useMe } from '../../session';
import type { ApiKey } from '../../types';
import { Badge } from '../ui/badge';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { EmptyState } from '../ui/empty-state';
import { ErrorBox } from '../ui/error-box';
import { Loading } from '../ui/loading';
import { type Column, ResponsiveList } from '../ui/responsive-list';
import { ApiKeyForm } from './api-key-form';
import { KeyShownDialog } from './key-shown-dialog';

/** The org's API keys: list, create (the key shown once), delete (confirmed). */
export function ApiKeys() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const me = useMe();
  const keys = useApiKeys();
  const units = useUnits();
  const remove = useDeleteApiKey();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [deleting, setDeleting] = useState<ApiKey | null>(null);
  const unitName = new Map((units.data ?? []).map((u) => [u.id, u.name]));

  const columns: Column<ApiKey>[] = [
    { key: 'name', header: t('settings.apiKeys.field.name'), cell: (k) => k.name, role: 'title' },
    {
      key: 'role',
      header: t('settings.apiKeys.field.role'),
      cell: (k) => <Badge of="members.role" value={k.role} />,
      role: 'status',
    },
    { key: 'prefix', header: t('settings.apiKeys.prefix'), cell: (k) => <span className="mono">{k.prefix}…</span> },
    {
      key: 'unit',
      header: t('settings.apiKeys.field.unitId'),
      cell: (k) => (k.unitId ? (unitName.get(k.unitId) ?? k.unitId) : t('settings.wholeOrg')),
    },
    { key: 'created', header: t('settings.createdAt'), cell: (k) => formatDate(k.createdAt, i18n.language, me.org.timezone) },
    {
      key: 'actions',
      header: t('settings.actions'),
      role: 'actions',
      cell: (k) =>
        can('members.grant', { role: k.role }) && (
          <button type="button" className="btn small" onClick={() => setDeleting(k)} data-testid="delete-api-key">
            {t('settings.apiKeys.delete')}
          </button>
        ),
    },
  ];
  const rows = keys.data ?? [];

  return (
    <section aria-labelledby="api-keys-title">
      <h2 id="api-keys-title">{t('settings.section.apiKeys')}</h2>
      <p className="muted small">{t('settings.apiKeys.intro')}</p>
      {keys.isPending && <Loading />}
      {keys.isError && <ErrorBox error={keys.error} onRetry={() => void keys.refetch()} />}
      {keys.isSuccess && rows.length === 0 && <EmptyState>{t('settings.apiKeys.empty')}</EmptyState>}
      {rows.length > 0 && (
        <ResponsiveList
          data-testid="api-key-table"
          caption={t('settings.section.apiKeys')}
          rows={rows}
          columns={columns}
          rowKey={(k) => k.id}
        />
      )}
      <ApiKeyForm units={units.data ?? []} onCreated={setCreated} />
      <KeyShownDialog name={created?.name ?? ''} apiKey={created?.key ?? null} onClose={() => setCreated(null)} />
      <ConfirmDialog
        open={deleting !== null}
        title={t('settings.apiKeys.deleteTitle', { name: deleting?.name ?? '' })}
        confirmLabel={t('settings.apiKeys.delete')}
        danger
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
        onCancel={() => {
          remove.reset();
          setDeleting(null);
        }}
      >
        <p>{t('settings.apiKeys.deleteText')}</p>
      </ConfirmDialog>
    </section>
  );
}
