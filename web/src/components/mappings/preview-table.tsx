import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { MappingPreview, PreviewRow } from '../../data/import-mappings';
import { formatDateTime, formatMoney, formatNumber } from '../../format';
import { storedProblemText } from '../../problem-text';
import { CANONICAL_FIELDS, type CanonicalField, type MappingDraft, REQUIRED_FIELDS } from './mapping-draft';

const TIMES = new Set<string>(['orderTime', 'completedTime']);
/** The error every row repeats while a required column is unmapped: said once, above the table. */
const UNMAPPED = 'import_mapping.column.unmapped';

/** A parsed value as the console shows it: money in its currency, times in the mapping's zone, statuses translated. */
function shown(field: CanonicalField, value: unknown, parsed: Record<string, unknown>, zone: string, t: TFunction, lang: string) {
  if (value === null || value === undefined || value === '') return '';
  if (field.endsWith('Minor') && typeof value === 'number')
    return formatMoney(value, typeof parsed.currency === 'string' ? parsed.currency : 'VND', lang);
  if (TIMES.has(field) && typeof value === 'string') return formatDateTime(value, lang, zone);
  if (field === 'status' && typeof value === 'string') return t(`lines.status.${value}`);
  if (typeof value === 'number') return formatNumber(value, lang);
  return String(value);
}

/**
 * The sample's first rows as the mapping reads them: each mapped field's parsed value, or — in a row that
 * does not map — the cell as written, with the cells in error highlighted and every error said in words.
 */
export function PreviewTable({ preview, draft, zone }: { preview: MappingPreview; draft: MappingDraft; zone: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const fields = CANONICAL_FIELDS.filter((f) => draft.columns[f]);
  const missing = REQUIRED_FIELDS.filter((f) => !draft.columns[f]);
  const problems = (r: PreviewRow) =>
    r.errors
      .filter((e) => e.key !== UNMAPPED)
      .map((e) => {
        const text = storedProblemText(e, t, lang) ?? t('errors.field.invalid');
        return e.field ? `${t(`mappings.column.${e.field}`, { defaultValue: e.field })}: ${text}` : text;
      });
  if (preview.rows.length === 0) return <p className="muted">{t('mappings.builder.noRows')}</p>;
  return (
    <>
      {missing.length > 0 && (
        <p className="alert" data-testid="mapping-missing">
          {t('mappings.builder.missingColumns', { fields: missing.map((f) => t(`mappings.column.${f}`)).join(', ') })}
        </p>
      )}
      {/* Wider than a phone: the frame scrolls, so it takes focus for keyboard users (axe scrollable-region-focusable). */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard */}
      <section className="table-wrap" aria-label={t('mappings.builder.previewCaption')} tabIndex={0}>
        <table className="table mapping-preview" data-testid="mapping-preview">
          <caption className="visually-hidden">{t('mappings.builder.previewCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('mappings.builder.row')}
              </th>
              {fields.map((f) => (
                <th key={f} scope="col">
                  {t(`mappings.column.${f}`)}
                </th>
              ))}
              <th scope="col">{t('mappings.builder.problems')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => {
              const list = problems(r);
              return (
                <tr key={r.row} data-row={r.row} data-ok={r.parsed ? 'true' : 'false'}>
                  <td className="num">{r.row}</td>
                  {fields.map((f) => {
                    const bad = r.errors.some((e) => e.field === f);
                    const header = draft.columns[f] ?? '';
                    const value = r.parsed ? shown(f, r.parsed[f], r.parsed, zone, t, lang) : (r.cells[header] ?? '');
                    return (
                      <td key={f} className={bad ? 'cell-error' : undefined} data-field={f} data-error={bad ? 'true' : undefined}>
                        {value}
                      </td>
                    );
                  })}
                  <td className="mapping-problems">
                    {list.length === 0 ? (
                      r.parsed ? (
                        <span className="badge tone-good">{t('mappings.builder.rowOk')}</span>
                      ) : (
                        <span className="muted">{t('common.none')}</span>
                      )
                    ) : (
                      <ul>
                        {list.map((p) => (
                          <li key={p}>{p}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </>
  );
}
