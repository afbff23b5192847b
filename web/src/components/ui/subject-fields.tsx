import { useTranslation } from 'react-i18next';
import { useAllKos, useUnits } from '../../data';
import { enumKey } from '../../enums';
import { RELATIONSHIPS, type Relationship, TIERS } from '../../types';
import { ChipPicker } from '../plans/chip-picker';
import { CheckList } from './check-list';

type Tier = (typeof TIERS)[number];

/** The four lists that pick KOS (a plan's `appliesTo`, a contest's `participants`); empty lists match all. */
export interface SubjectLists {
  kosIds: string[];
  unitIds: string[];
  relationships: Relationship[];
  tiers: Tier[];
}

export const noSubjects = (v: SubjectLists): boolean =>
  !v.kosIds.length && !v.unitIds.length && !v.relationships.length && !v.tiers.length;

/**
 * The KOS and unit pickers and the relationship and tier boxes; `path` prefixes the server's error paths
 * (`appliesTo`, `participants`) and `labelKey` the i18n keys of the four labels (`plans.field`, `contests.field`).
 */
export function SubjectFields({
  value,
  onChange,
  errorOf,
  path,
  labelKey,
}: {
  value: SubjectLists;
  onChange: (next: Partial<SubjectLists>) => void;
  errorOf: (path: string) => string | undefined;
  path: string;
  labelKey: string;
}) {
  const { t } = useTranslation();
  const kos = useAllKos();
  const units = useUnits();
  return (
    <div className="form-grid">
      <ChipPicker
        label={t(`${labelKey}.kosIds`)}
        name="kosIds"
        options={(kos.data ?? []).map((k) => ({ value: k.id, label: `${k.name} (${k.code})` }))}
        selected={value.kosIds}
        onChange={(kosIds) => onChange({ kosIds })}
        error={errorOf(`${path}.kosIds`)}
      />
      <ChipPicker
        label={t(`${labelKey}.unitIds`)}
        name="unitIds"
        options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
        selected={value.unitIds}
        onChange={(unitIds) => onChange({ unitIds })}
        error={errorOf(`${path}.unitIds`)}
      />
      <CheckList<Relationship>
        legend={t(`${labelKey}.relationships`)}
        name="relationships"
        values={RELATIONSHIPS}
        labelOf={(v) => t(enumKey('kos.relationship', v))}
        selected={value.relationships}
        onChange={(relationships) => onChange({ relationships })}
        error={errorOf(`${path}.relationships`)}
      />
      <CheckList<Tier>
        legend={t(`${labelKey}.tiers`)}
        name="tiers"
        values={TIERS}
        labelOf={(v) => v}
        selected={value.tiers}
        onChange={(tiers) => onChange({ tiers })}
        error={errorOf(`${path}.tiers`)}
      />
    </div>
  );
}
