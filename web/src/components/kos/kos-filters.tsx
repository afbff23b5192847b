import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TIERS, type Unit } from '../../types';
import { EnumOptions } from '../ui/enum-options';
import { UnitSelect } from './unit-select';

/** The roster's URL query: filters (sent to GET /kos; `unit` as `unitId`) and the order of the rows. */
export interface KosFilter {
  q: string;
  unit: string;
  status: string;
  tier: string;
  relationship: string;
  sort: string;
}
export const NO_FILTER: KosFilter = { q: '', unit: '', status: '', tier: '', relationship: '', sort: '' };
export const SORTS = ['name', '-name', 'code', '-code', 'tier', '-tier', 'rpg', '-rpg'] as const;

/** The roster's filters and sort; every change is kept in the URL by the page. */
export function KosFilters({
  value,
  units,
  onChange,
}: {
  value: KosFilter;
  units: Unit[];
  onChange: (f: Partial<KosFilter>, options?: { push?: boolean }) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState(value.q);
  const all = (label: string) => `${label}: ${t('common.all')}`;

  // Back/forward changes the URL's `q`: show it.
  useEffect(() => setQ(value.q), [value.q]);
  // Search as the user types, but not on every key stroke (typing rewrites the history entry; a choice adds one).
  useEffect(() => {
    if (q === value.q) return;
    const timer = setTimeout(() => onChange({ q }), 300);
    return () => clearTimeout(timer);
  }, [q, value.q, onChange]);

  return (
    <search className="filters">
      <input
        name="q"
        type="search"
        aria-label={t('common.search')}
        placeholder={t('kos.searchPlaceholder')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <select
        name="status"
        aria-label={t('kos.field.status')}
        value={value.status}
        onChange={(e) => onChange({ status: e.target.value }, { push: true })}
      >
        <option value="">{all(t('kos.field.status'))}</option>
        <EnumOptions of="kos.status" />
      </select>
      <select
        name="tier"
        aria-label={t('kos.field.tier')}
        value={value.tier}
        onChange={(e) => onChange({ tier: e.target.value }, { push: true })}
      >
        <option value="">{all(t('kos.field.tier'))}</option>
        {TIERS.map((tier) => (
          <option key={tier} value={tier}>
            {tier}
          </option>
        ))}
      </select>
      <select
        name="relationship"
        aria-label={t('kos.field.relationship')}
        value={value.relationship}
        onChange={(e) => onChange({ relationship: e.target.value }, { push: true })}
      >
        <option value="">{all(t('kos.field.relationship'))}</option>
        <EnumOptions of="kos.relationship" />
      </select>
      <UnitSelect
        name="unit"
        aria-label={t('kos.field.unitId')}
        value={value.unit}
        units={units}
        emptyLabel={all(t('kos.field.unitId'))}
        onChange={(e) => onChange({ unit: e.target.value }, { push: true })}
      />
      <select
        name="sort"
        aria-label={t('kos.sort.label')}
        value={value.sort}
        onChange={(e) => onChange({ sort: e.target.value }, { push: true })}
      >
        <option value="">{t('kos.sort.added')}</option>
        {SORTS.map((s) => (
          <option key={s} value={s}>
            {t(`kos.sort.${s.replace('-', 'desc_')}`)}
          </option>
        ))}
      </select>
    </search>
  );
}
