import { useTranslation } from 'react-i18next';
import type { Kos, Role, Unit } from '../../types';
import { Field } from '../ui/field';

/**
 * The link a role carries: a unit for a manager or viewer (empty = the whole organisation), the KOS record
 * for a KOS member; other roles carry none. Controlled selects, with their field errors.
 */
export function RoleLinks({
  role,
  unitId,
  kosId,
  units,
  roster,
  onUnit,
  onKos,
  errorOf,
}: {
  role: Role;
  unitId: string;
  kosId: string;
  units: Unit[];
  roster: Kos[];
  onUnit: (id: string) => void;
  onKos: (id: string) => void;
  errorOf: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  if (role === 'manager' || role === 'viewer')
    return (
      <Field label={t('members.field.unitId')} hint={t('members.unitHint')} error={errorOf('unitId')}>
        <select name="unitId" value={unitId} onChange={(e) => onUnit(e.target.value)}>
          <option value="">{t('members.wholeOrg')}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </Field>
    );
  if (role === 'kos')
    return (
      <Field label={t('members.field.kosId')} error={errorOf('kosId')}>
        <select name="kosId" value={kosId} onChange={(e) => onKos(e.target.value)} required>
          <option value="">{t('members.chooseKos')}</option>
          {roster.map((k) => (
            <option key={k.id} value={k.id}>
              {k.name} ({k.code})
            </option>
          ))}
        </select>
      </Field>
    );
  return null;
}
