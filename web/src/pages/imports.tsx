import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiUpload } from '../api';
import { ImportHistory } from '../components/import-history';
import { ImportProgress } from '../components/import-progress';
import { EnumOptions } from '../components/ui/enum-options';
import { ErrorBox } from '../components/ui/error-box';
import { Field } from '../components/ui/field';
import { PageHeader } from '../components/ui/page-header';
import { useAllKos, useImport } from '../data';
import { useMappings } from '../data/import-mappings';
import { Link } from '../router/link';
import { IMPORT_SOURCES, type ImportAccepted, isImportActive } from '../types';

/**
 * Uploads a report to run in the background (`Prefer: respond-async`) and follows that import until it
 * ends; `busy` while the upload or the import is still going.
 */
function useBackgroundImport() {
  const queryClient = useQueryClient();
  const [importId, setImportId] = useState<string | null>(null);
  const tracked = useImport(importId);
  const upload = useMutation({
    mutationFn: (form: FormData) => apiUpload<ImportAccepted>('/imports', form, { prefer: 'respond-async' }),
    onMutate: () => setImportId(null),
    onSuccess: (accepted) => {
      setImportId(accepted.id);
      void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
    },
  });

  const report = tracked.data;
  const endedId = report && !isImportActive(report.status) ? report.id : null;
  useEffect(() => {
    if (!endedId) return;
    void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['analytics'] });
    // A mapping's name is fixed once an import used it (its `used` flag).
    void queryClient.invalidateQueries({ queryKey: ['import-mappings'] });
  }, [endedId, queryClient]);

  const waiting = importId !== null && !tracked.isError && (!report || isImportActive(report.status));
  return { upload, tracked, busy: upload.isPending || waiting };
}

/** `/imports`: upload a report, follow it while it runs, read its report and the past imports. */
export default function ImportsPage() {
  const { t } = useTranslation();
  const [source, setSource] = useState<string>('shopee');
  const [file, setFile] = useState<File | null>(null);
  const [kosId, setKosId] = useState('');
  const { upload, tracked, busy } = useBackgroundImport();
  // A creator-side report names no creator: the import is for the KOS picked here (docs/imports.md).
  const forKos = source === 'tiktok_creator';
  const roster = useAllKos();
  const choosable = (roster.data ?? []).filter((k) => k.status !== 'offboarded');
  // The org's saved column mappings are sources too, listed after the built-in ones (docs/import-mappings.md).
  const mappings = useMappings();
  const saved = mappings.data ?? [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file || busy || (forKos && !kosId)) return;
    const form = new FormData();
    form.append('source', source);
    if (forKos) form.append('kosId', kosId);
    form.append('file', file, file.name);
    upload.mutate(form);
  };

  return (
    <section>
      <PageHeader title={t('imports.title')}>
        <Link to="/imports/mappings" data-testid="manage-mappings">
          {t('mappings.manage')}
        </Link>
      </PageHeader>
      <form className="card form upload" data-testid="import-form" onSubmit={submit}>
        <div className="form-grid">
          <Field label={t('imports.field.source')}>
            <select name="source" value={source} onChange={(e) => setSource(e.target.value)}>
              {saved.length === 0 ? (
                <EnumOptions of="imports.source" only={IMPORT_SOURCES} />
              ) : (
                <>
                  <optgroup label={t('mappings.builtInSources')}>
                    <EnumOptions of="imports.source" only={IMPORT_SOURCES} />
                  </optgroup>
                  <optgroup label={t('mappings.savedSources')} data-testid="saved-sources">
                    {saved.map((m) => (
                      <option key={m.id} value={m.name}>
                        {m.name}
                      </option>
                    ))}
                  </optgroup>
                </>
              )}
            </select>
          </Field>
          {forKos && (
            <Field label={t('imports.field.kos')}>
              <select name="kosId" value={kosId} required onChange={(e) => setKosId(e.target.value)}>
                <option value="">{t('lines.chooseKos')}</option>
                {choosable.map((k) => (
                  <option key={k.id} value={k.id}>
                    {`${k.name} (${k.code})`}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <Field label={t('imports.field.file')}>
            <input
              type="file"
              name="file"
              accept=".csv,.xlsx,.json,text/csv,application/json"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </Field>
        </div>
        <div className="actions">
          <button type="submit" className="btn primary" disabled={!file || busy || (forKos && !kosId)}>
            {busy ? t('imports.submitting') : t('imports.submit')}
          </button>
        </div>
      </form>
      {upload.isError && <ErrorBox error={upload.error} />}
      {tracked.isError && <ErrorBox error={tracked.error} onRetry={() => void tracked.refetch()} />}
      {tracked.data && <ImportProgress report={tracked.data} />}
      <ImportHistory />
    </section>
  );
}
