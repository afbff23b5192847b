import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSavePlan } from '../../data/plans';
import { problemOf } from '../../problem-text';
import type { Plan } from '../../types';
import { EnumOptions } from '../ui/enum-options';
import { Field } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';
import { AppliesToFields } from './applies-to-fields';
import { OverridesFields } from './overrides-fields';
import { type PlanDraft, readDraft } from './plan-draft';
import { PlanPreview } from './plan-preview';
import { StepsFields } from './steps-fields';

const FIELDS = [
  'name',
  'appliesTo',
  'validFrom',
  'validTo',
  'rateBps',
  'base',
  'overrides',
  'steps',
  'livestreamFeeMinor',
  'holdingDays',
] as const;

/** Create (no `plan`) or edit a commission plan, every field, with the live preview beside it. */
export function PlanForm({
  plan,
  initial,
  currency,
  onSaved,
  onCancel,
}: {
  plan?: Plan;
  initial: PlanDraft;
  currency: string;
  onSaved: (plan: Plan) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [tried, setTried] = useState(false);
  const save = useSavePlan();
  const server = useFormErrors(save.error, FIELDS);
  const { body, errors: local, preview } = readDraft(draft, currency);
  // A field's error: what the browser found (a missing value only after a first try), else the server's.
  const errorOf = (path: string) => {
    const key = local[path];
    if (key && (tried || key !== 'plans.error.required')) return t(key, { currency });
    return server.of(path);
  };
  const conflict = problemOf(save.error)?.status === 409 ? server.of('appliesTo') : undefined;
  const change = (patch: Partial<PlanDraft>) => setDraft({ ...draft, ...patch });
  const set = (key: keyof PlanDraft) => (e: { target: { value: string } }) => change({ [key]: e.target.value });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(local).length > 0) return;
    save.mutate({ id: plan?.id, body }, { onSuccess: onSaved });
  };
  const title = plan ? t('plans.editTitle', { name: plan.name }) : t('plans.new');

  return (
    <div className="plan-editor">
      <form className="card form" onSubmit={submit} aria-label={title} data-testid="plan-form" noValidate>
        <h2>{title}</h2>
        <div className="form-grid">
          <Field label={t('plans.field.name')} error={errorOf('name')}>
            <input name="name" required value={draft.name} onChange={set('name')} />
          </Field>
          <Field label={t('plans.field.validFrom')} error={errorOf('validFrom')}>
            <input name="validFrom" type="date" required value={draft.validFrom} onChange={set('validFrom')} />
          </Field>
          <Field label={t('plans.field.validTo')} hint={t('plans.hint.validTo')} error={errorOf('validTo')}>
            <input name="validTo" type="date" value={draft.validTo} onChange={set('validTo')} />
          </Field>
          <Field label={t('plans.field.rateBps')} hint={t('plans.hint.rate')} error={errorOf('rateBps')}>
            <input name="rate" inputMode="decimal" required value={draft.rate} onChange={set('rate')} />
          </Field>
          <Field label={t('plans.field.base')} error={errorOf('base')}>
            <select name="base" value={draft.base} onChange={set('base')}>
              <EnumOptions of="plans.base" />
            </select>
          </Field>
          <Field
            label={t('plans.field.livestreamFeeMinor', { currency })}
            hint={t('plans.hint.fee')}
            error={errorOf('livestreamFeeMinor')}
          >
            <input name="livestreamFee" inputMode="decimal" value={draft.livestreamFee} onChange={set('livestreamFee')} />
          </Field>
          <Field label={t('plans.field.holdingDays')} hint={t('plans.hint.holdingDays')} error={errorOf('holdingDays')}>
            <input name="holdingDays" inputMode="numeric" value={draft.holdingDays} onChange={set('holdingDays')} />
          </Field>
        </div>
        <AppliesToFields value={draft} onChange={change} errorOf={errorOf} conflict={conflict} />
        <OverridesFields rows={draft.overrides} onChange={(overrides) => change({ overrides })} errorOf={errorOf} />
        <StepsFields rows={draft.steps} currency={currency} onChange={(steps) => change({ steps })} errorOf={errorOf} />
        {server.form && !conflict && (
          <p className="alert" role="alert">
            {server.form}
          </p>
        )}
        <div className="actions">
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn primary" disabled={save.isPending} data-testid="save-plan">
            {save.isPending ? t('common.working') : t('plans.save')}
          </button>
        </div>
      </form>
      <PlanPreview plan={preview} currency={currency} />
    </div>
  );
}
