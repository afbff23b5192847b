import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api';
import { KOS_STATUSES, type Kos, RELATIONSHIPS, type Unit } from '../types';

interface Draft {
  code: string;
  handle: string;
  name: string;
  relationship: string;
  unitId: string;
  status: string;
}
const EMPTY: Draft = { code: '', handle: '', name: '', relationship: 'employee', unitId: '', status: 'candidate' };

/** "New KOS": POST /api/v1/kos; the server's field errors (`errors[].path`) show under their inputs. */
export function KosForm({ units, onCreated, onCancel }: { units: Unit[]; onCreated: (k: Kos) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const set = (key: keyof Draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });

  const create = useMutation({
    mutationFn: () =>
      api<Kos>('/kos', {
        method: 'POST',
        body: { ...draft, handle: draft.handle.replace(/^@/, ''), unitId: draft.unitId || null },
      }),
    onSuccess: async (kos) => {
      await queryClient.invalidateQueries({ queryKey: ['kos'] });
      onCreated(kos);
    },
  });
  const fieldErrors = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const shown = new Set(Object.keys(EMPTY));
  const otherError = create.isError && !Object.keys(fieldErrors).some((p) => shown.has(p));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };

  const field = (key: keyof Draft, label: string, input: ReactNode) => (
    <div className={fieldErrors[key] ? 'field invalid' : 'field'}>
      <label htmlFor={`kos-${key}`}>{label}</label>
      {input}
      {fieldErrors[key] && (
        <small className="field-error" data-field={key} role="alert">
          {fieldErrors[key]}
        </small>
      )}
    </div>
  );

  return (
    <form className="card form" onSubmit={submit} aria-label={t('kos.new')} data-testid="kos-form" noValidate>
      <h2>{t('kos.new')}</h2>
      <div className="form-grid">
        {field(
          'code',
          t('kos.code'),
          <input id="kos-code" name="code" required autoCapitalize="characters" value={draft.code} onChange={set('code')} />,
        )}
        {field(
          'handle',
          t('kos.handle'),
          <input id="kos-handle" name="handle" required autoCapitalize="none" value={draft.handle} onChange={set('handle')} />,
        )}
        {field('name', t('kos.name'), <input id="kos-name" name="name" required value={draft.name} onChange={set('name')} />)}
        {field(
          'relationship',
          t('kos.relationship'),
          <select id="kos-relationship" name="relationship" value={draft.relationship} onChange={set('relationship')}>
            {RELATIONSHIPS.map((r) => (
              <option key={r} value={r}>
                {t(`relationship.${r}`)}
              </option>
            ))}
          </select>,
        )}
        {field(
          'unitId',
          t('kos.unit'),
          <select id="kos-unitId" name="unitId" value={draft.unitId} onChange={set('unitId')}>
            <option value="">{t('kos.noUnit')}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>,
        )}
        {field(
          'status',
          t('kos.status'),
          <select id="kos-status" name="status" value={draft.status} onChange={set('status')}>
            {KOS_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>,
        )}
      </div>
      {otherError && (
        <p className="alert" role="alert">
          {create.error?.message}
        </p>
      )}
      <div className="actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn primary" disabled={create.isPending}>
          {create.isPending ? t('kos.creating') : t('kos.create')}
        </button>
      </div>
    </form>
  );
}
