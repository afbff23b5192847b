import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDefaultUnitId } from '../../access/use-can';
import { useSaveKos } from '../../data/kos';
import { type Kos, TIERS, type Unit } from '../../types';
import { EnumOptions } from '../ui/enum-options';
import { Field } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';
import { KOS_FIELDS, type KosDraft, toBody, toDraft } from './kos-draft';
import { KosProfileFields } from './kos-profile-fields';
import { TagInput } from './tag-input';
import { UnitSelect } from './unit-select';

export interface KosFormProps {
  units: Unit[];
  /** The KOS to change; none for "New KOS". */
  kos?: Kos;
  onSaved: (kos: Kos) => void;
  onCancel: () => void;
}

/**
 * "New KOS" (POST /kos) and "Edit" (PATCH /kos/{id}) with every field of the API; the server's field errors
 * (`errors[].path`) show next to their fields. A scoped manager starts in, and keeps to, their own units.
 */
export function KosForm({ units, kos, onSaved, onCancel }: KosFormProps) {
  const { t } = useTranslation();
  const defaultUnitId = useDefaultUnitId();
  const [draft, setDraft] = useState<KosDraft>(() => toDraft(kos, defaultUnitId));
  const save = useSaveKos(kos?.id);
  const errors = useFormErrors(save.error, KOS_FIELDS);
  const patch = (change: Partial<KosDraft>) => setDraft((d) => ({ ...d, ...change }));
  const set = (key: keyof KosDraft) => (e: { target: { value: string } }) => patch({ [key]: e.target.value });
  const title = kos ? t('kos.edit', { name: kos.name }) : t('kos.new');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(toBody(draft), { onSuccess: onSaved });
  };

  return (
    <form className="card form kos-form" onSubmit={submit} aria-label={title} data-testid="kos-form" noValidate>
      <h2>{title}</h2>
      <fieldset>
        <legend>{t('kos.section.identity')}</legend>
        <div className="form-grid">
          <Field label={t('kos.field.code')} hint={t('kos.hint.code')} error={errors.of('code')}>
            <input name="code" required autoCapitalize="characters" value={draft.code} onChange={set('code')} />
          </Field>
          <Field label={t('kos.field.handle')} hint={t('kos.hint.handle')} error={errors.of('handle')}>
            <input name="handle" required autoCapitalize="none" value={draft.handle} onChange={set('handle')} />
          </Field>
          <Field label={t('kos.field.name')} error={errors.of('name')}>
            <input name="name" required value={draft.name} onChange={set('name')} />
          </Field>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('kos.section.programme')}</legend>
        <div className="form-grid">
          <Field label={t('kos.field.relationship')} error={errors.of('relationship')}>
            <select name="relationship" value={draft.relationship} onChange={set('relationship')}>
              <EnumOptions of="kos.relationship" />
            </select>
          </Field>
          <Field label={t('kos.field.unitId')} error={errors.of('unitId')}>
            <UnitSelect
              name="unitId"
              value={draft.unitId}
              units={units}
              onChange={set('unitId')}
              // A scoped manager's KOS stays in their units: "no unit" would answer 403.
              emptyLabel={defaultUnitId ? undefined : t('kos.noUnit')}
            />
          </Field>
          <Field label={t('kos.field.status')} error={errors.of('status')}>
            <select name="status" value={draft.status} onChange={set('status')}>
              <EnumOptions of="kos.status" />
            </select>
          </Field>
          <Field label={t('kos.field.tier')} error={errors.of('tier')}>
            <select name="tier" value={draft.tier} onChange={set('tier')}>
              <option value="">{t('kos.noTier')}</option>
              {TIERS.map((tier) => (
                <option key={tier} value={tier}>
                  {tier}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="form-grid">
          <TagInput
            name="categories"
            label={t('kos.field.categories')}
            values={draft.categories}
            onChange={(categories) => patch({ categories })}
            error={errors.of('categories')}
          />
          <TagInput
            name="voucherCodes"
            label={t('kos.field.voucherCodes')}
            values={draft.voucherCodes}
            onChange={(voucherCodes) => patch({ voucherCodes })}
            error={errors.of('voucherCodes')}
            upperCase
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('kos.section.tax')}</legend>
        <div className="form-grid">
          <Field label={t('kos.field.hasLabourContract3m')} error={errors.of('taxProfile.hasLabourContract3m')}>
            <input
              name="hasLabourContract3m"
              type="checkbox"
              checked={draft.hasLabourContract3m}
              onChange={(e) => patch({ hasLabourContract3m: e.target.checked })}
            />
          </Field>
          <Field label={t('kos.field.commitment08')} error={errors.of('taxProfile.commitment08')}>
            <input
              name="commitment08"
              type="checkbox"
              checked={draft.commitment08}
              onChange={(e) => patch({ commitment08: e.target.checked })}
            />
          </Field>
          <Field label={t('kos.field.taxCode')} error={errors.of('taxProfile.taxCode') ?? errors.of('taxProfile')}>
            <input name="taxCode" inputMode="numeric" value={draft.taxCode} onChange={set('taxCode')} />
          </Field>
        </div>
      </fieldset>
      <KosProfileFields draft={draft} errors={errors} onChange={patch} />
      {errors.form && (
        <p className="alert" role="alert">
          {errors.form}
        </p>
      )}
      <div className="actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn primary" disabled={save.isPending}>
          {save.isPending ? t('common.working') : kos ? t('kos.save') : t('kos.create')}
        </button>
      </div>
    </form>
  );
}
