import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useDefaultUnitId } from '../../access/use-can';
import { type CreatedApiKey, useCreateApiKey } from '../../data/settings';
import { ROLES, type Role, type Unit } from '../../types';
import { EnumOptions } from '../ui/enum-options';
import { Field } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';

const FIELDS = ['name', 'role', 'unitId'];
const scoped = (role: Role) => role === 'manager' || role === 'viewer';

/** "New API key": name, a role the caller may grant (never `kos`) and, for a manager or viewer key, a unit. */
export function ApiKeyForm({ units, onCreated }: { units: Unit[]; onCreated: (key: CreatedApiKey) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const grantable = ROLES.filter((r) => r !== 'kos' && can('members.grant', { role: r }));
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const defaultUnitId = useDefaultUnitId();
  const [unitId, setUnitId] = useState(defaultUnitId);
  const create = useCreateApiKey();
  const errors = useFormErrors(create.error, FIELDS);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name, role, unitId: scoped(role) ? unitId || null : null },
      {
        onSuccess: (key) => {
          setName('');
          onCreated(key);
        },
      },
    );
  };
  return (
    <form className="card form" onSubmit={submit} noValidate data-testid="api-key-form" aria-labelledby="new-key-title">
      <h3 id="new-key-title">{t('settings.apiKeys.new')}</h3>
      <div className="form-grid">
        <Field label={t('settings.apiKeys.field.name')} error={errors.of('name')}>
          <input name="name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label={t('settings.apiKeys.field.role')} error={errors.of('role')}>
          <select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <EnumOptions of="members.role" only={grantable} />
          </select>
        </Field>
        {scoped(role) && (
          <Field label={t('settings.apiKeys.field.unitId')} hint={t('settings.apiKeys.unitHint')} error={errors.of('unitId')}>
            <select name="unitId" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
              <option value="">{t('settings.wholeOrg')}</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
      {errors.form && (
        <p className="alert" role="alert">
          {errors.form}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="btn primary" disabled={create.isPending} data-testid="create-api-key">
          {create.isPending ? t('common.working') : t('settings.apiKeys.create')}
        </button>
      </div>
    </form>
  );
}
