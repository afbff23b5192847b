import { useTranslation } from 'react-i18next';
import type { AssignRun } from '../../data/lines';
import { errorText } from '../../problem-text';
import { orderLabel } from './line-list';

/**
 * How a run of assignments goes: a progress bar while it runs, then how many lines were assigned and,
 * for each line the server refused, its order id and the reason in the user's language.
 */
export function AssignSummary({ run, kosLabel, onDismiss }: { run: AssignRun; kosLabel: string; onDismiss: () => void }) {
  const { t, i18n } = useTranslation();
  const assigned = run.done - run.failed.length;

  if (run.running)
    return (
      <div className="assign-summary" data-testid="assign-progress" role="status">
        <label>
          {t('lines.assigning', { done: run.done, total: run.total })}
          <progress value={run.done} max={run.total} />
        </label>
      </div>
    );

  return (
    <div className="assign-summary" data-testid="assign-summary">
      <p className={run.failed.length ? 'alert' : 'notice'} role={run.failed.length ? 'alert' : 'status'}>
        {t('lines.assigned', { count: assigned, total: run.total, kos: kosLabel })}
        {run.failed.length > 0 && ` ${t('lines.assignFailed', { count: run.failed.length })}`}
      </p>
      {run.failed.length > 0 && (
        <ul className="assign-failures" data-testid="assign-failures">
          {run.failed.map(({ line, error }) => (
            <li key={line.id}>
              <span className="mono">{orderLabel(line)}</span>: {errorText(error, t, i18n.language)}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="btn small" onClick={onDismiss}>
        {t('common.close')}
      </button>
    </div>
  );
}
