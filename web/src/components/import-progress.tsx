import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format';
import { importFailureText } from '../problem-text';
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
      return <p>{t('imports.queuedHint')}</p>;
    case 'running':
      return <p>{t('imports.runningHint')}</p>;
    case 'done':
      return <p className="notice">{t('imports.finished')}</p>;
    case 'failed':
      return <ImportFailure report={report} />;
  }
}

/**
 * A failed import's reason in the reader's language (its `failedKey`; problem-text.ts) and how many of its
 * rows were committed before it stopped.
 */
function ImportFailure({ report }: { report: ImportReport }) {
  const { t, i18n } = useTranslation();
  const rowsSaved = report.rowsDone;
  return (
    <div className="alert" data-testid="import-failed">
      <strong>{t('imports.failed')}</strong>
      <span data-testid="import-failed-reason">{importFailureText(report, t, i18n.language) ?? t('common.error')}</span>
      <span data-testid="import-rows-saved">
        {rowsSaved > 0
          ? t('imports.savedBeforeFailure', { rows: formatNumber(rowsSaved, i18n.language) })
          : t('imports.nothingSaved')}
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
    ? t('imports.rowsProgress', { done: formatNumber(done, i18n.language), total: formatNumber(total, i18n.language) })
    : t('imports.counting');
  return (
    <div className="import-progress-bar">
      <label htmlFor={id}>{t('imports.progress')}</label>
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
