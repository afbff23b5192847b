import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format';
import { storedProblemText } from '../problem-text';
import type { ImportReport } from '../types';

const COUNTS = ['rows', 'inserted', 'updated', 'unchanged', 'rejected', 'skipped'] as const;

/** The counts of one import and its rejected rows (each row's reason in the reader's language, from its key). */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t, i18n } = useTranslation();
  return (
    <article className="card report" data-testid="import-report">
      <h2>{t('imports.report')}</h2>
      <dl className="report-counts">
        {COUNTS.map((k) => (
          <div key={k} data-testid={`import-${k}`}>
            <dt>{t(`imports.${k}`)}</dt>
            <dd>{formatNumber(report[k], i18n.language)}</dd>
          </div>
        ))}
      </dl>
      {report.errors.length > 0 && (
        <>
          <h3>{t('imports.errors')}</h3>
          <div className="table-wrap">
            <table className="table" data-testid="import-errors">
              <thead>
                <tr>
                  <th className="num">{t('imports.row')}</th>
                  <th>{t('imports.errorField')}</th>
                  <th>{t('imports.message')}</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((e) => (
                  <tr key={`${e.row}|${e.field ?? ''}|${e.message}`}>
                    <td className="num">{e.row}</td>
                    <td className="mono">{e.field ?? t('common.none')}</td>
                    <td>{storedProblemText(e, t, i18n.language) ?? t('errors.field.invalid')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </article>
  );
}
