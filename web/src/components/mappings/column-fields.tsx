import { useTranslation } from 'react-i18next';
import { Field } from '../ui/field';
import { CANONICAL_FIELDS, type CanonicalField, REQUIRED_FIELDS } from './mapping-draft';
import type { DraftProps } from './sample-fields';

/** The fields whose rule needs a word beside the select. */
const HINTED: ReadonlySet<CanonicalField> = new Set([
  'lineKey',
  'quantity',
  'grossMinor',
  'netMinor',
  'currency',
  'kosCode',
  'contentType',
]);

/**
 * Step (c): for each canonical field of the order line, the sample's header that holds it (required ones
 * marked). The choices are the sample's headers, plus the one saved when no sample is loaded.
 */
export function ColumnFields({ draft, change, errorOf, headers }: DraftProps & { headers: readonly string[] }) {
  const { t } = useTranslation();
  const setColumn = (field: CanonicalField, header: string) => change({ columns: { ...draft.columns, [field]: header } });
  return (
    <div className="form-grid mapping-columns" data-testid="mapping-columns">
      {CANONICAL_FIELDS.map((field) => {
        const required = REQUIRED_FIELDS.includes(field);
        const current = draft.columns[field] ?? '';
        const choices = current && !headers.includes(current) ? [current, ...headers] : headers;
        const label = `${t(`mappings.column.${field}`)}${required ? ' *' : ''}`;
        return (
          <Field
            key={field}
            label={label}
            hint={HINTED.has(field) ? t(`mappings.columnHint.${field}`) : undefined}
            error={errorOf(`columns.${field}`)}
          >
            <select
              name={`columns.${field}`}
              value={current}
              required={required}
              aria-required={required}
              onChange={(e) => setColumn(field, e.target.value)}
            >
              <option value="">{required ? t('mappings.builder.chooseColumn') : t('mappings.builder.notInFile')}</option>
              {choices.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </Field>
        );
      })}
    </div>
  );
}
