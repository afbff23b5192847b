import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../access/use-can';
import { DriveForm } from '../components/recruitment/drive-form';
import { type MoveAsk, MoveDialog } from '../components/recruitment/move-dialog';
import { PipelineBoard } from '../components/recruitment/pipeline-board';
import { ShareBox } from '../components/recruitment/share-box';
import { ErrorBox } from '../components/ui/error-box';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { useApplicationsOf, useDrive } from '../data/recruitment';
import { Link } from '../router/link';
import { useParams } from '../router/params';
import '../styles/recruitment.css';

/** `/recruitment/drives/:id`: the drive's form link and QR code, its settings, and the pipeline as columns by status. */
export default function RecruitmentDrivePage() {
  const { t } = useTranslation();
  const can = useCan();
  const { id } = useParams<'id'>();
  const drive = useDrive(id);
  const applications = useApplicationsOf(id);
  const [editing, setEditing] = useState(false);
  const [ask, setAsk] = useState<MoveAsk>(null);
  const d = drive.data;
  return (
    <section className="recruitment-page">
      <PageHeader title={d?.name ?? t('recruitment.drive')}>
        <Link to="/recruitment">{t('recruitment.back')}</Link>
        {d && can('recruitment.edit') && !editing && (
          <button type="button" className="btn" onClick={() => setEditing(true)}>
            {t('recruitment.editDrive')}
          </button>
        )}
      </PageHeader>
      {drive.isPending && <Loading />}
      {drive.isError && <ErrorBox error={drive.error} onRetry={() => void drive.refetch()} />}
      {d && editing && <DriveForm drive={d} onCancel={() => setEditing(false)} onSaved={() => setEditing(false)} />}
      {d && (
        <>
          <p>
            {d.open ? t('recruitment.open') : t('recruitment.closed')} ·{' '}
            {t('recruitment.passScoreIs', { passScore: d.passScore })}
          </p>
          <ShareBox drive={d} />
        </>
      )}
      {applications.isPending && <Loading />}
      {applications.isError && <ErrorBox error={applications.error} onRetry={() => void applications.refetch()} />}
      {applications.data && <PipelineBoard applications={applications.data} onAsk={setAsk} />}
      <MoveDialog ask={ask} onClose={() => setAsk(null)} />
    </section>
  );
}
