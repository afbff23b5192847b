import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format';
import { type ImportReport, isImportActive } from '../types';
import { ImportReportView } from './import-report';

/**
 * Where an import started on this page stands: queued, a progress bar while it runs, its report when
 * done, or why it failed. The status text stays in one live region so each change is announced; the
 * row counts are not in it (they change twice a second) but are the progress bar's value text.
 */
export function ImportProgress({ report }: { report: ImportReport }) {
  return (
    <>
      <div
        className={isImportActive(report.status) ? 'card import-progress' : 'import-progress'}
        data-testid="import-progress"
        data-status={report.status}
      >
        <div role="status" aria-live="polite" data-testid="import-status-text">
          <StatusMessage report={report} />
        </div>
        {report.status === 'running' && <RowsProgress done={report.rowsDone} total={report.rows} />}
      </div>
      {report.status === 'done' && <ImportReportView report={report} />}
    </>
  );
}

function StatusMessage({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  switch (report.status) {
    case 'queued':
      return <p>{t('import.queuedHint')}</p>;
    case 'running':
      return <p>{t('import.runningHint')}</p>;
    case 'done':
      return <p className="notice">{t('import.finished')}</p>;
    case 'failed':
      return <ImportFailure reason={report.failedReason} rowsSaved={report.rowsDone} />;
  }
}

/** A failed import's reason and how many of its rows were committed before it stopped. */
function ImportFailure({ reason, rowsSaved }: { reason: string | undefined; rowsSaved: number }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="alert" data-testid="import-failed">
      <strong>{t('import.failed')}</strong>
      <span data-testid="import-failed-reason">{reason ?? t('common.error')}</span>
      <span data-testid="import-rows-saved">
        {rowsSaved > 0
          ? t('import.savedBeforeFailure', { rows: formatNumber(rowsSaved, i18n.language) })
          : t('import.nothingSaved')}
      </span>
    </div>
  );
}

/** A labelled `<progress>` of rows handled; indeterminate until the file's rows are counted. */
function RowsProgress({ done, total }: { done: number; total: number }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const counted = total > 0;
  const text = counted
    ? t('import.rowsProgress', { done: formatNumber(done, i18n.language), total: formatNumber(total, i18n.language) })
    : t('import.counting');
  return (
    <div className="import-progress-bar">
      <label htmlFor={id}>{t('import.progress')}</label>
      <progress
        id={id}
        data-testid="import-progress-bar"
        max={counted ? total : undefined}
        value={counted ? done : undefined}
        aria-valuetext={text}
      />
      <span className="muted" data-testid="import-progress-text">
        {text}
      </span>
    </div>
  );
}
