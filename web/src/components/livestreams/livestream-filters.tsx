import { useTranslation } from 'react-i18next';
import type { Kos } from '../../types';
import { EnumOptions } from '../ui/enum-options';

export interface LivestreamQuery {
  kosId: string;
  status: string;
  from: string;
  to: string;
  view: string;
  month: string;
}
export const NO_QUERY: LivestreamQuery = { kosId: '', status: '', from: '', to: '', view: '', month: '' };

/** The list's filters and the list/calendar switch, all in the URL (`?kosId=…&status=live&view=calendar`). */
export function LivestreamFilters({
  value,
  roster,
  onChange,
}: {
  value: LivestreamQuery;
  roster: readonly Kos[];
  onChange: (update: Partial<LivestreamQuery>, options?: { push?: boolean }) => void;
}) {
  const { t } = useTranslation();
  const calendar = value.view === 'calendar';
  return (
    <search className="filters livestream-filters">
      <select
        name="kosId"
        aria-label={t('livestreams.field.kosId')}
        value={value.kosId}
        onChange={(e) => onChange({ kosId: e.target.value })}
      >
        <option value="">{`${t('livestreams.field.kosId')}: ${t('common.all')}`}</option>
        {roster.map((k) => (
          <option key={k.id} value={k.id}>{`${k.name} (${k.code})`}</option>
        ))}
      </select>
      <select
        name="status"
        aria-label={t('livestreams.field.status')}
        value={value.status}
        onChange={(e) => onChange({ status: e.target.value })}
      >
        <option value="">{`${t('livestreams.field.status')}: ${t('common.all')}`}</option>
        <EnumOptions of="livestreams.status" />
      </select>
      {!calendar && (
        <>
          <label className="inline-field">
            {t('livestreams.filter.from')}
            <input type="date" name="from" value={value.from} onChange={(e) => onChange({ from: e.target.value })} />
          </label>
          <label className="inline-field">
            {t('livestreams.filter.to')}
            <input type="date" name="to" value={value.to} onChange={(e) => onChange({ to: e.target.value })} />
          </label>
        </>
      )}
      <fieldset className="view-switch">
        <legend className="visually-hidden">{t('livestreams.view.label')}</legend>
        {(['list', 'calendar'] as const).map((view) => (
          <button
            key={view}
            type="button"
            className="btn small"
            aria-pressed={(view === 'calendar') === calendar}
            data-testid={`view-${view}`}
            onClick={() => onChange({ view: view === 'list' ? '' : view }, { push: true })}
          >
            {t(`livestreams.view.${view}`)}
          </button>
        ))}
      </fieldset>
    </search>
  );
}
