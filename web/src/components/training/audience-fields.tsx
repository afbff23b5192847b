import { useTranslation } from 'react-i18next';
import { useUnits } from '../../data';
import { enumKey } from '../../enums';
import { KOS_STATUSES, RELATIONSHIPS, TIERS } from '../../types';
import { ChipPicker } from '../plans/chip-picker';
import { CheckList } from '../ui/check-list';
import { audienceSize, type CourseDraft } from './course-draft';

type AudienceDraft = Pick<CourseDraft, 'tiers' | 'relationships' | 'statuses' | 'unitIds'>;

/** Who the course is for: tiers, relationships, statuses and units (a unit covers its subtree); all empty = every KOS. */
export function AudienceFields({
  value,
  onChange,
  errorOf,
}: {
  value: AudienceDraft;
  onChange: (next: Partial<AudienceDraft>) => void;
  errorOf: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const units = useUnits();
  return (
    <fieldset className="audience" data-testid="audience">
      <legend>{t('training.editor.audience')}</legend>
      <p className="muted small" data-testid="audience-summary">
        {audienceSize(value) === 0 ? t('training.audience.everyone') : t('training.audience.hint')}
      </p>
      <div className="form-grid">
        <CheckList
          legend={t('training.editor.tiers')}
          name="audience.tiers"
          values={TIERS}
          labelOf={(v) => v}
          selected={value.tiers}
          onChange={(tiers) => onChange({ tiers })}
          error={errorOf('audience.tiers')}
        />
        <CheckList
          legend={t('training.editor.relationships')}
          name="audience.relationships"
          values={RELATIONSHIPS}
          labelOf={(v) => t(enumKey('kos.relationship', v))}
          selected={value.relationships}
          onChange={(relationships) => onChange({ relationships })}
          error={errorOf('audience.relationships')}
        />
        <CheckList
          legend={t('training.editor.statuses')}
          name="audience.statuses"
          values={KOS_STATUSES}
          labelOf={(v) => t(enumKey('kos.status', v))}
          selected={value.statuses}
          onChange={(statuses) => onChange({ statuses })}
          error={errorOf('audience.statuses')}
        />
        <ChipPicker
          label={t('training.editor.units')}
          name="audience.unitIds"
          options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          selected={value.unitIds}
          onChange={(unitIds) => onChange({ unitIds })}
          error={errorOf('audience.unitIds')}
        />
      </div>
    </fieldset>
  );
}
