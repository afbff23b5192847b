import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../access/use-can';
import { DriveForm } from '../components/recruitment/drive-form';
import { EmptyState } from '../components/ui/empty-state';
import { ErrorBox } from '../components/ui/error-box';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { type Column, ResponsiveList } from '../components/ui/responsive-list';
import { useDrives } from '../data/recruitment';
import type { Drive } from '../data/recruitment-enums';
import { Link } from '../router/link';
import { navigate } from '../router/location';
import '../styles/recruitment.css';

/** `/recruitment`: the drives with their application counts and form links; editors create new ones. */
export default function RecruitmentPage() {
  const { t } = useTranslation();
  const can = useCan();
  const drives = useDrives();
  const [creating, setCreating] = useState(false);
  const rows = drives.data ?? [];
  const total = (d: Drive) => Object.values(d.counts).reduce((sum, n) => sum + n, 0);
  const columns: Column<Drive>[] = [
    {
      key: 'name',
      header: t('recruitment.field.name'),
      role: 'title',
      cell: (d) => <Link to={`/recruitment/drives/${encodeURIComponent(d.id)}`}>{d.name}</Link>,
    },
    {
      key: 'open',
      header: t('recruitment.column.state'),
      role: 'status',
      cell: (d) => (
        <span className={`badge tone-${d.open ? 'good' : 'muted'}`}>
          {d.open ? t('recruitment.open') : t('recruitment.closed')}
        </span>
      ),
    },
    { key: 'total', header: t('recruitment.column.applications'), numeric: true, cell: total },
    { key: 'new', header: t('recruitment.status.new'), numeric: true, cell: (d) => d.counts.new },
    { key: 'accepted', header: t('recruitment.status.accepted'), numeric: true, cell: (d) => d.counts.accepted },
    {
      key: 'link',
      header: t('recruitment.applyUrl'),
      role: 'actions',
      cell: (d) => (
        <a href={d.applyUrl} target="_blank" rel="noreferrer">
          /apply/{d.slug}
        </a>
      ),
    },
  ];
  return (
    <section className="recruitment-page">
      <PageHeader title={t('recruitment.title')}>
        {can('recruitment.edit') && !creating && (
          <button type="button" className="btn primary" data-testid="new-drive" onClick={() => setCreating(true)}>
            {t('recruitment.newDrive')}
          </button>
        )}
      </PageHeader>
      {creating && (
        <DriveForm
          onCancel={() => setCreating(false)}
          onSaved={(d) => navigate(`/recruitment/drives/${encodeURIComponent(d.id)}`)}
        />
      )}
      {drives.isPending && <Loading />}
      {drives.isError && <ErrorBox error={drives.error} onRetry={() => void drives.refetch()} />}
      {drives.isSuccess && rows.length === 0 && <EmptyState>{t('recruitment.empty')}</EmptyState>}
      {rows.length > 0 && (
        <ResponsiveList rows={rows} columns={columns} rowKey={(d) => d.id} caption={t('recruitment.listCaption')} />
      )}
    </section>
  );
}
