import { useTranslation } from 'react-i18next';
import { useEnrolments } from '../../data/training';
import { Link } from '../../router/link';
import { ErrorBox } from '../ui/error-box';
import { Loading } from '../ui/loading';

/** On /me: how many courses the member has to do (and how many are overdue), with the way to /me/training. */
export function MyTraining({ kosId }: { kosId: string }) {
  const { t } = useTranslation();
  const enrolments = useEnrolments({ kosId });
  const rows = enrolments.data ?? [];
  const open = rows.filter((e) => e.status !== 'completed').length;
  const overdue = rows.filter((e) => e.status === 'overdue').length;
  return (
    <section className="me-section card" id="me-training" aria-labelledby="me-training-title" data-testid="my-training">
      <h2 id="me-training-title">{t('training.my.title')}</h2>
      {enrolments.isPending && <Loading />}
      {enrolments.isError && <ErrorBox error={enrolments.error} onRetry={() => void enrolments.refetch()} />}
      {enrolments.isSuccess && (
        <p>
          {rows.length === 0 ? t('training.my.empty') : t('training.my.summary', { open, total: rows.length })}
          {overdue > 0 && (
            <>
              {' '}
              <span className="badge tone-bad">{t('training.my.overdue', { count: overdue })}</span>
            </>
          )}
        </p>
      )}
      <Link className="btn primary" to="/me/training" data-testid="open-training">
        {t('training.my.open')}
      </Link>
    </section>
  );
}
