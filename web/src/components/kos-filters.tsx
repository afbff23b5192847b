import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KOS_STATUSES, TIERS, type Unit } from '../types';

export interface KosFilter {
  q: string;
  status: string;
  tier: string;
  unitId: string;
}
export const NO_FILTER: KosFilter = { q: '', status: '', tier: '', unitId: '' };

/** The roster's filters; maps one-to-one onto GET /api/v1/kos query parameters. */
export function KosFilters({ value, units, onChange }: { value: KosFilter; units: Unit[]; onChange: (f: KosFilter) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(value.q);

  // Search as the user types, but not on every key stroke.
  useEffect(() => {
    if (q === value.q) return;
    const timer = setTimeout(() => onChange({ ...value, q }), 300);
    return () => clearTimeout(timer);
  }, [q, value, onChange]);

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
        aria-label={t('kos.status')}
        value={value.status}
        onChange={(e) => onChange({ ...value, status: e.target.value })}
      >
        <option value="">{`${t('kos.status')}: ${t('common.all')}`}</option>
        {KOS_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`status.${s}`)}
          </option>
        ))}
      </select>
      <select
        name="tier"
        aria-label={t('kos.tier')}
        value={value.tier}
        onChange={(e) => onChange({ ...value, tier: e.target.value })}
      >
        <option value="">{`${t('kos.tier')}: ${t('common.all')}`}</option>
        {TIERS.map((tier) => (
          <option key={tier} value={tier}>
            {tier}
          </option>
        ))}
      </select>
      <select
        name="unitId"
        aria-label={t('kos.unit')}
        value={value.unitId}
        onChange={(e) => onChange({ ...value, unitId: e.target.value })}
      >
        <option value="">{`${t('kos.unit')}: ${t('common.all')}`}</option>
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
    </search>
  );
}
