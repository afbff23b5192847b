import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiUpload } from '../api';
import { ImportHistory } from '../components/import-history';
import { ImportReportView } from '../components/import-report';
import { ErrorBox } from '../components/status';
import { IMPORT_SOURCES, type ImportReport } from '../types';

export function ImportsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [source, setSource] = useState<string>('shopee');
  const [file, setFile] = useState<File | null>(null);

  const upload = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.append('source', source);
      if (file) form.append('file', file, file.name);
      return apiUpload<ImportReport>('/imports', form);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['imports'] });
      void queryClient.invalidateQueries({ queryKey: ['analytics'] });
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file && !upload.isPending) upload.mutate();
  };

  return (
    <section>
      <h1>{t('import.title')}</h1>
      <form className="card form upload" data-testid="import-form" onSubmit={submit}>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="import-source">{t('import.source')}</label>
            <select id="import-source" name="source" value={source} onChange={(e) => setSource(e.target.value)}>
              {IMPORT_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t(`importSource.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="import-file">{t('import.file')}</label>
            <input
              id="import-file"
              type="file"
              name="file"
              accept=".csv,.xlsx,.json,text/csv,application/json"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
        </div>
        <div className="actions">
          <button type="submit" className="btn primary" disabled={!file || upload.isPending}>
            {upload.isPending ? t('import.submitting') : t('import.submit')}
          </button>
        </div>
      </form>
      {upload.isError && <ErrorBox error={upload.error} />}
      {upload.data && <ImportReportView report={upload.data} />}
      <ImportHistory />
    </section>
  );
}
