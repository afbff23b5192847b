import { useTranslation } from 'react-i18next';
import { useUnits } from '../../data';
import type { DashboardFilter } from '../../data/dashboard';
import { SourceOptions } from '../source-options';
import { EnumOptions } from '../ui/enum-options';
import { Field } from '../ui/field';

/** Date range, unit, platform and source of the dashboard; each change is a history entry (back undoes it). */
export function DashboardFilters({
  filter,
  onChange,
}: {
  filter: DashboardFilter;
  onChange: (f: Partial<DashboardFilter>) => void;
}) {
  const { t } = useTranslation();
  const units = useUnits();
  const set = (key: keyof DashboardFilter) => (e: { target: { value: string } }) => onChange({ [key]: e.target.value });
  return (
    <form
      className="card dash-filters"
      data-testid="dashboard-filters"
      aria-label={t('dashboard.filters')}
      onSubmit={(e) => e.preventDefault()}
    >
      <Field label={t('dashboard.from')}>
        <input type="date" name="from" value={filter.from} max={filter.to} onChange={set('from')} />
      </Field>
      <Field label={t('dashboard.to')}>
        <input type="date" name="to" value={filter.to} min={filter.from} onChange={set('to')} />
      </Field>
      <Field label={t('dashboard.unit')}>
        <select name="unitId" value={filter.unitId} onChange={set('unitId')}>
          <option value="">{t('common.all')}</option>
          {(units.data ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('dashboard.platform')}>
        <select name="platform" value={filter.platform} onChange={set('platform')}>
          <option value="">{t('common.all')}</option>
          <EnumOptions of="platform" />
        </select>
      </Field>
      <Field label={t('dashboard.source')}>
        <select name="source" value={filter.source} onChange={set('source')}>
          <option value="">{t('common.all')}</option>
          <SourceOptions known={filter.source || undefined} />
        </select>
      </Field>
    </form>
  );
}
