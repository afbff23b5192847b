import { useTranslation } from 'react-i18next';
import { noSubjects, SubjectFields } from '../ui/subject-fields';
import type { ContestDraft } from './contest-draft';

type Participants = Pick<ContestDraft, 'kosIds' | 'unitIds' | 'relationships' | 'tiers'>;

/** Who takes part: KOS, units (a unit covers its subtree), relationships and tiers; all empty = every active KOS. */
export function ParticipantsFields({
  value,
  onChange,
  errorOf,
}: {
  value: Participants;
  onChange: (next: Partial<Participants>) => void;
  errorOf: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="applies-to" data-testid="participants">
      <legend>{t('contests.field.participants')}</legend>
      <p className="muted small">{noSubjects(value) ? t('contests.participants.everyone') : t('contests.participants.hint')}</p>
      <SubjectFields value={value} onChange={onChange} errorOf={errorOf} path="participants" labelKey="contests.field" />
    </fieldset>
  );
}
