import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ImportMapping, type MappingPreset, usePresets, usePreview, useSaveMapping } from '../../data/import-mappings';
import { useMe } from '../../session';
import { EnumOptions } from '../ui/enum-options';
import { ErrorBox } from '../ui/error-box';
import { Field } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';
import { Loading } from '../ui/loading';
import { ColumnFields } from './column-fields';
import {
  draftOf,
  emptyDraft,
  formatOfFile,
  MAPPING_NAME,
  type MappingDraft,
  mappingBody,
  settingsBody,
  withSuggestions,
} from './mapping-draft';
import { PreviewTable } from './preview-table';
import { SampleFields, StartFields } from './sample-fields';
import { StatusFields } from './status-fields';
import { ValueFields } from './value-fields';

const FIELDS = [
  'name',
  'platform',
  'format',
  'delimiter',
  'headerRow',
  'columns',
  'statuses',
  'amountUnit',
  'decimalMark',
  'currency',
  'timezone',
  'dateFormat',
] as const;
/** How long the builder waits after a change before it asks for the preview again. */
const PREVIEW_DELAY_MS = 400;

/** `value`, once it has stayed the same for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The mapping builder (docs/import-mappings.md): (a) a preset or blank, (b) a sample file, (c) a header per
 * canonical field, (d) amounts, currency, zone and date format — each change previews the sample again —
 * (e) the sample's status texts, (f) name and platform, then save. Problems show beside their fields.
 */
export function MappingBuilder({ mapping, onSaved }: { mapping?: ImportMapping; onSaved: (saved: ImportMapping) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const [draft, setDraft] = useState<MappingDraft>(() => (mapping ? draftOf(mapping, emptyDraft()) : emptyDraft()));
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [nameProblem, setNameProblem] = useState(false);
  const presets = usePresets();
  const save = useSaveMapping();
  const settings = useSettled(JSON.stringify(settingsBody(draft)), PREVIEW_DELAY_MS);
  const preview = usePreview(file, fileKey, settings);
  const saveErrors = useFormErrors(save.error, FIELDS);
  const previewErrors = useFormErrors(preview.error, ['file', 'mapping']);
  const errorOf = (path: string) => saveErrors.of(path) ?? previewErrors.of(`mapping.${path}`);
  const change = (patch: Partial<MappingDraft>) => {
    save.reset();
    setDraft((d) => ({ ...d, ...patch }));
  };

  // Each new set of headers (a new sample, another header row or delimiter) fills the fields still unmapped
  // with the server's guesses; a field already chosen keeps its column.
  const suggested = useRef('');
  const data = preview.isPlaceholderData ? undefined : preview.data;
  useEffect(() => {
    const headersKey = data ? `${fileKey}\u0000${data.headers.join('\u0000')}` : '';
    if (!data || suggested.current === headersKey) return;
    suggested.current = headersKey;
    setDraft((d) => ({ ...d, columns: withSuggestions(d.columns, data.suggestions.columns, data.headers) }));
  }, [data, fileKey]);

  const onFile = (f: File | null) => {
    setFile(f);
    setFileKey((k) => k + 1);
    if (f) change({ format: formatOfFile(f.name) });
  };
  const onPreset = (p: MappingPreset | null) =>
    change(
      p ? { ...draftOf({ ...p.mapping, platform: p.platform }, draft), name: draft.name } : { ...emptyDraft(), name: draft.name },
    );

  const shown = preview.data;
  const headers = shown?.headers ?? [];
  const orderTimeHeader = draft.columns.orderTime;
  const sampleTime = orderTimeHeader ? shown?.rows.find((r) => r.cells[orderTimeHeader])?.cells[orderTimeHeader] : undefined;
  const nameError = nameProblem && !MAPPING_NAME.test(draft.name.trim()) ? t('mappings.builder.nameRule') : undefined;
  const fixedName = mapping?.used === true;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!MAPPING_NAME.test(draft.name.trim())) {
      setNameProblem(true);
      return;
    }
    const body = mappingBody(draft);
    if (mapping && fixedName) delete body.name;
    save.mutate({ id: mapping?.id, body }, { onSuccess: onSaved });
  };

  const props = { draft, change, errorOf };
  return (
    <form className="card form mapping-builder" onSubmit={submit} noValidate data-testid="mapping-builder">
      {!mapping && (
        <section aria-labelledby="mapping-step-start">
          <h2 id="mapping-step-start">{t('mappings.step.start')}</h2>
          {presets.isError ? (
            <ErrorBox error={presets.error} />
          ) : (
            <StartFields presets={presets.data ?? []} onPreset={onPreset} />
          )}
        </section>
      )}
      <section aria-labelledby="mapping-step-sample">
        <h2 id="mapping-step-sample">{t('mappings.step.sample')}</h2>
        <SampleFields
          {...props}
          headers={shown ? headers : null}
          onFile={onFile}
          fileError={previewErrors.of('file') ?? previewErrors.form ?? undefined}
        />
      </section>
      <section aria-labelledby="mapping-step-columns">
        <h2 id="mapping-step-columns">{t('mappings.step.columns')}</h2>
        {!file && <p className="muted">{t('mappings.builder.uploadFirst')}</p>}
        <ColumnFields {...props} headers={headers} />
      </section>
      <section aria-labelledby="mapping-step-values">
        <h2 id="mapping-step-values">{t('mappings.step.values')}</h2>
        <ValueFields {...props} sampleTime={sampleTime} />
      </section>
      {file && (
        <section aria-labelledby="mapping-step-preview" aria-busy={preview.isFetching}>
          <h2 id="mapping-step-preview">{t('mappings.step.preview')}</h2>
          {preview.isPending && <Loading />}
          {shown && <PreviewTable preview={shown} draft={draft} zone={draft.timezone || me.org.timezone} />}
        </section>
      )}
      <section aria-labelledby="mapping-step-statuses">
        <h2 id="mapping-step-statuses">{t('mappings.step.statuses')}</h2>
        <StatusFields {...props} texts={file && shown ? shown.statusTexts : null} />
      </section>
      <section aria-labelledby="mapping-step-save">
        <h2 id="mapping-step-save">{t('mappings.step.save')}</h2>
        <div className="form-grid">
          <Field
            label={t('mappings.field.name')}
            hint={fixedName ? t('mappings.builder.nameFixed') : t('mappings.builder.nameHint')}
            error={nameError ?? errorOf('name')}
          >
            <input
              name="name"
              className="mono"
              required
              autoComplete="off"
              spellCheck={false}
              readOnly={fixedName}
              value={draft.name}
              onChange={(e) => change({ name: e.target.value })}
              onBlur={() => setNameProblem(draft.name.trim() !== '')}
            />
          </Field>
          <Field label={t('mappings.field.platform')} error={errorOf('platform')}>
            <select name="platform" value={draft.platform} onChange={(e) => change({ platform: e.target.value })}>
              <EnumOptions of="platform" />
            </select>
          </Field>
        </div>
      </section>
      {saveErrors.form && (
        <p className="alert" role="alert">
          {saveErrors.form}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="btn primary" disabled={save.isPending} data-testid="save-mapping">
          {save.isPending ? t('common.working') : t('mappings.builder.save')}
        </button>
      </div>
    </form>
  );
}
