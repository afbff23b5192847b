import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../access/use-can';
import { ConfirmDialog } from '../components/ui/confirm-dialog';
import { EmptyState } from '../components/ui/empty-state';
import { ErrorBox } from '../components/ui/error-box';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { type Column, ResponsiveList } from '../components/ui/responsive-list';
import { type ImportMapping, useDeleteMapping, useMappings } from '../data/import-mappings';
import { Link } from '../router/link';
import '../styles/mappings.css';

const editPath = (m: ImportMapping) => `/imports/mappings/${encodeURIComponent(m.id)}`;

/** `/imports/mappings`: the org's saved column mappings (name, platform, format, used by imports), to edit or delete. */
export default function ImportMappingsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const editable = can('imports.create');
  const mappings = useMappings();
  const remove = useDeleteMapping();
  const [deleting, setDeleting] = useState<ImportMapping | null>(null);
  const rows = mappings.data ?? [];

  const columns: Column<ImportMapping>[] = [
    {
      key: 'name',
      header: t('mappings.field.name'),
      role: 'title',
      cell: (m) => (
        <Link to={editPath(m)} className="mono">
          {m.name}
        </Link>
      ),
    },
    {
      key: 'platform',
      header: t('mappings.field.platform'),
      cell: (m) => t(`platform.${m.platform}`, { defaultValue: m.platform }),
    },
    { key: 'format', header: t('mappings.field.format'), cell: (m) => m.format.toUpperCase() },
    {
      key: 'used',
      header: t('mappings.used'),
      role: 'status',
      cell: (m) => (
        <span className={`badge tone-${m.used ? 'info' : 'muted'}`} data-used={m.used}>
          {m.used ? t('mappings.usedYes') : t('mappings.usedNo')}
        </span>
      ),
    },
  ];
  if (editable)
    columns.push({
      key: 'actions',
      header: t('mappings.actions'),
      role: 'actions',
      cell: (m) => (
        <>
          <Link to={editPath(m)} className="btn small">
            {t('mappings.edit')}
          </Link>
          <button
            type="button"
            className="btn small"
            data-testid="delete-mapping"
            aria-label={t('mappings.deleteNamed', { name: m.name })}
            onClick={() => {
              remove.reset();
              setDeleting(m);
            }}
          >
            {t('mappings.delete')}
          </button>
        </>
      ),
    });

  return (
    <section className="mappings-page">
      <PageHeader title={t('mappings.title')}>
        <Link to="/imports">{t('mappings.backToImports')}</Link>
        {editable && (
          <Link to="/imports/mappings/new" className="btn primary" data-testid="new-mapping">
            {t('mappings.new')}
          </Link>
        )}
      </PageHeader>
      <p className="muted">{t('mappings.intro')}</p>
      {mappings.isPending && <Loading />}
      {mappings.isError && <ErrorBox error={mappings.error} onRetry={() => void mappings.refetch()} />}
      {mappings.isSuccess && rows.length === 0 && <EmptyState>{t('mappings.empty')}</EmptyState>}
      {rows.length > 0 && (
        <ResponsiveList
          rows={rows}
          columns={columns}
          rowKey={(m) => m.id}
          caption={t('mappings.title')}
          data-testid="mapping-list"
        />
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t('mappings.deleteTitle', { name: deleting?.name ?? '' })}
        confirmLabel={t('mappings.delete')}
        danger
        busy={remove.isPending}
        error={remove.error}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      >
        <p>{deleting?.used ? t('mappings.deleteUsed') : t('mappings.deleteText')}</p>
      </ConfirmDialog>
    </section>
  );
}
