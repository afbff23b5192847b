import { useTranslation } from 'react-i18next';
import type { MappingPreset } from '../../data/import-mappings';
import { Field } from '../ui/field';
import { DELIMITERS, type MappingDraft } from './mapping-draft';

export interface DraftProps {
  draft: MappingDraft;
  change: (patch: Partial<MappingDraft>) => void;
  /** The translated problem of a field (`columns.orderId`), from the save or the preview. */
  errorOf: (path: string) => string | undefined;
}

/** The translation key of a delimiter's name. */
const delimiterKey = (d: (typeof DELIMITERS)[number]) => ({ ';': 'semicolon', '\t': 'tab', '|': 'pipe' })[d];

/** Step (a): start from a preset or blank — a preset replaces every setting but the name. */
export function StartFields({
  presets,
  onPreset,
}: {
  presets: readonly MappingPreset[];
  onPreset: (p: MappingPreset | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Field label={t('mappings.builder.preset')} hint={t('mappings.builder.presetHint')}>
      <select
        name="preset"
        defaultValue=""
        onChange={(e) => onPreset(presets.find((p) => p.key === e.target.value) ?? null)}
        data-testid="mapping-preset"
      >
        <option value="">{t('mappings.builder.blank')}</option>
        {presets.map((p) => (
          <option key={p.key} value={p.key}>
            {p.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Step (b): the sample file, its format, header row and delimiter; the headers found. */
export function SampleFields({
  draft,
  change,
  errorOf,
  headers,
  onFile,
  fileError,
}: DraftProps & { headers: readonly string[] | null; onFile: (file: File | null) => void; fileError?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="form-grid">
        <Field label={t('mappings.builder.sample')} hint={t('mappings.builder.sampleHint')} error={fileError}>
          <input
            type="file"
            name="sample"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => onFile(e.target.files?.[0] ?? null)}
          />
        </Field>
        <Field label={t('mappings.field.format')} error={errorOf('format')}>
          <select
            name="format"
            value={draft.format}
            onChange={(e) => change({ format: e.target.value === 'xlsx' ? 'xlsx' : 'csv' })}
          >
            <option value="csv">CSV</option>
            <option value="xlsx">XLSX</option>
          </select>
        </Field>
        <Field label={t('mappings.field.headerRow')} hint={t('mappings.builder.headerRowHint')} error={errorOf('headerRow')}>
          <input
            name="headerRow"
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            value={draft.headerRow}
            onChange={(e) => change({ headerRow: e.target.value })}
          />
        </Field>
        {draft.format === 'csv' && (
          <Field label={t('mappings.field.delimiter')} error={errorOf('delimiter')}>
            <select name="delimiter" value={draft.delimiter} onChange={(e) => change({ delimiter: e.target.value })}>
              <option value="">{t('mappings.delimiter.comma')}</option>
              {DELIMITERS.map((d) => (
                <option key={delimiterKey(d)} value={d}>
                  {t(`mappings.delimiter.${delimiterKey(d)}`)}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
      {headers && (
        <div className="mapping-headers" data-testid="mapping-headers">
          <h3>{t('mappings.builder.headers', { count: headers.length })}</h3>
          <ul className="chips">
            {headers.map((h) => (
              <li key={h} className="chip mono">
                {h}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
