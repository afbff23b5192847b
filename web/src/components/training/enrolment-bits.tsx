import { useTranslation } from 'react-i18next';
import type { Enrolment } from '../../data/training-enums';
import { formatDate } from '../../format';
import { useMe } from '../../session';
import { Badge } from '../ui/badge';

/** The enrolment's status and due date; an overdue one says so plainly. */
export function EnrolmentStatus({ enrolment }: { enrolment: Enrolment }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const due = formatDate(enrolment.dueAt, i18n.language, me.org.timezone);
  return (
    <span className="enrolment-status">
      <Badge of="training.status" value={enrolment.status} data-testid="enrolment-status" />
      {enrolment.status === 'completed' ? null : (
        <span className={enrolment.status === 'overdue' ? 'due overdue' : 'due'} data-testid="due">
          {t(enrolment.status === 'overdue' ? 'training.wasDue' : 'training.dueOn', { date: due })}
        </span>
      )}
    </span>
  );
}

/** "x / y lessons" with a bar. */
export function Progress({ done, total }: { done: number; total: number }) {
  const { t } = useTranslation();
  const label = t('training.progress', { done, total });
  return (
    <span className="progress" data-testid="progress">
      <progress max={Math.max(total, 1)} value={done} aria-label={label} />
      <span>{label}</span>
    </span>
  );
}
