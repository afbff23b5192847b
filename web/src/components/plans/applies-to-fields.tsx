import { useTranslation } from 'react-i18next';
import { noSubjects, SubjectFields } from '../ui/subject-fields';
import type { PlanDraft } from './plan-draft';

type AppliesTo = Pick<PlanDraft, 'kosIds' | 'unitIds' | 'relationships' | 'tiers'>;

/** "Applies to": KOS, units, relationships and tiers; all empty = the organisation's default plan. */
export function AppliesToFields({
  value,
  onChange,
  errorOf,
  conflict,
}: {
  value: AppliesTo;
  onChange: (next: Partial<AppliesTo>) => void;
  errorOf: (path: string) => string | undefined;
  /** A 409: the plan that would cover the same KOS at the same specificity, named in the user's language. */
  conflict?: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="applies-to" data-testid="applies-to">
      <legend>{t('plans.field.appliesTo')}</legend>
      <p className="muted small" data-testid="applies-to-summary">
        {noSubjects(value) ? t('plans.appliesTo.orgDefault') : t('plans.appliesTo.hint')}
      </p>
      <SubjectFields value={value} onChange={onChange} errorOf={errorOf} path="appliesTo" labelKey="plans.field" />
      {conflict && (
        <p className="alert" role="alert" data-testid="applies-to-error">
          {conflict}
        </p>
      )}
    </fieldset>
  );
}
