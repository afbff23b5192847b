import { useTranslation } from 'react-i18next';
import { useCan } from '../../access/use-can';
import { APPLICATION_STATUSES, type Application, nextStatuses } from '../../data/recruitment-enums';
import { enumKey } from '../../enums';
import { Link } from '../../router/link';
import type { MoveAsk } from './move-dialog';

/** The pipeline as columns by status (best score first in each), with a button per allowed move for editors. */
export function PipelineBoard({ applications, onAsk }: { applications: Application[]; onAsk: (ask: MoveAsk) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const edit = can('recruitment.edit');
  return (
    <div className="pipeline" data-testid="pipeline">
      {APPLICATION_STATUSES.map((status) => {
        const column = applications.filter((a) => a.status === status);
        return (
          <section key={status} className="pipeline-col" aria-labelledby={`col-${status}`} data-status={status}>
            <h2 id={`col-${status}`}>
              {t(enumKey('recruitment.status', status))} <span className="count">{column.length}</span>
            </h2>
            <ul>
              {column.map((a) => (
                <li key={a.id} className="pipeline-card" data-testid="application-card" data-id={a.id}>
                  <Link to={`/recruitment/applications/${encodeURIComponent(a.id)}`}>{a.name}</Link>
                  <p className={a.score >= a.passScore ? 'score pass' : 'score'}>
                    {t('recruitment.scoreOf', { score: a.score, passScore: a.passScore })}
                  </p>
                  {edit && (
                    <div className="moves">
                      {nextStatuses(a.status).map((to) => (
                        <button
                          key={to}
                          type="button"
                          className={to === 'rejected' || to === 'withdrawn' ? 'btn small' : 'btn small primary'}
                          data-action={to}
                          aria-label={t('recruitment.moveNamed', { name: a.name, status: t(enumKey('recruitment.status', to)) })}
                          onClick={() => onAsk({ application: a, to })}
                        >
                          {t(enumKey('recruitment.status', to))}
                        </button>
                      ))}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
