import { useTranslation } from 'react-i18next';
import type { LedgerFilter } from '../../data/ledger';
import type { Kos } from '../../types';
import { EnumOptions } from '../ui/enum-options';
import { Field } from '../ui/field';

/** The ledger's filters, each a labelled control bound to its URL key (`?kosId=…&kind=bonus&period=2026-05`). */
export function LedgerFilters({
  value,
  kos,
  onChange,
}: {
  value: LedgerFilter;
  kos: readonly Kos[];
  onChange: (update: Partial<LedgerFilter>) => void;
}) {
  const { t } = useTranslation();
  const all = t('common.all');
  const bind = (key: keyof LedgerFilter) => ({
    name: key,
    value: value[key],
    onChange: (e: { target: { value: string } }) => onChange({ [key]: e.target.value }),
  });
  const listed = value.kosId === '' || kos.some((k) => k.id === value.kosId);

  return (
    <search className="ledger-filters" data-testid="ledger-filters" aria-label={t('ledger.filters')}>
      <Field label={t('ledger.field.kosId')}>
        <select {...bind('kosId')}>
          <option value="">{all}</option>
          {kos.map((k) => (
            <option key={k.id} value={k.id}>
              {`${k.name} (${k.code})`}
            </option>
          ))}
          {!listed && <option value={value.kosId}>{value.kosId}</option>}
        </select>
      </Field>
      <Field label={t('ledger.field.kind')}>
        <select {...bind('kind')}>
          <option value="">{all}</option>
          <EnumOptions of="ledger.kind" />
        </select>
      </Field>
      <Field label={t('ledger.field.status')}>
        <select {...bind('status')}>
          <option value="">{all}</option>
          <EnumOptions of="ledger.status" />
        </select>
      </Field>
      <Field label={t('ledger.field.period')} hint={t('ledger.periodHint')}>
        <input type="month" {...bind('period')} />
      </Field>
    </search>
  );
}
