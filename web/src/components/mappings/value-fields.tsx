import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../session';
import { Field } from '../ui/field';
import { AMOUNT_UNITS, DECIMAL_MARKS } from './mapping-draft';
import type { DraftProps } from './sample-fields';

const CURRENCIES = ['VND', 'CNY', 'USD', 'THB', 'SGD', 'MYR', 'IDR', 'PHP'];
/** Date formats offered as examples (docs/import-mappings.md, "Date formats"); any LDML pattern may be typed. */
const DATE_FORMATS = [
  'dd/MM/yyyy HH:mm:ss',
  'dd/MM/yyyy HH:mm',
  'd/M/yyyy H:mm',
  'yyyy-MM-dd HH:mm:ss',
  'yyyy/MM/dd HH:mm',
  'MM/dd/yyyy hh:mm a',
  "yyyy'年'MM'月'dd'日' HH:mm",
];
const FALLBACK_ZONES = ['Asia/Ho_Chi_Minh', 'Asia/Shanghai', 'Asia/Bangkok', 'Asia/Singapore', 'Asia/Jakarta', 'UTC'];

/** Every IANA zone the browser knows (a short list where it cannot say). */
function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return FALLBACK_ZONES;
  }
}

/**
 * Step (d): how the file writes amounts (major units with `.` or `,`, or minor units), its currency, the
 * time zone of its times and their LDML date format; `sampleTime` is the sample's first order time cell.
 */
export function ValueFields({ draft, change, errorOf, sampleTime }: DraftProps & { sampleTime?: string }) {
  const { t } = useTranslation();
  const org = useMe().org;
  const listId = useId();
  const zones = useMemo(() => {
    const all = timeZones();
    return draft.timezone && !all.includes(draft.timezone) ? [draft.timezone, ...all] : all;
  }, [draft.timezone]);
  const currencies = draft.currency && !CURRENCIES.includes(draft.currency) ? [draft.currency, ...CURRENCIES] : CURRENCIES;
  const dateHint = sampleTime
    ? t('mappings.builder.dateFormatSample', { value: sampleTime })
    : t('mappings.builder.dateFormatHint');
  return (
    <div className="form-grid" data-testid="mapping-values">
      <Field label={t('mappings.field.amountUnit')} error={errorOf('amountUnit')}>
        <select
          name="amountUnit"
          value={draft.amountUnit}
          onChange={(e) => change({ amountUnit: e.target.value === 'minor' ? 'minor' : 'major' })}
        >
          {AMOUNT_UNITS.map((u) => (
            <option key={u} value={u}>
              {t(`mappings.amountUnit.${u}`)}
            </option>
          ))}
        </select>
      </Field>
      {draft.amountUnit === 'major' && (
        <Field label={t('mappings.field.decimalMark')} error={errorOf('decimalMark')}>
          <select
            name="decimalMark"
            value={draft.decimalMark}
            onChange={(e) => change({ decimalMark: e.target.value === ',' ? ',' : '.' })}
          >
            {DECIMAL_MARKS.map((m) => (
              <option key={m} value={m}>
                {t(m === ',' ? 'mappings.decimalMark.comma' : 'mappings.decimalMark.point')}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label={t('mappings.field.currency')} hint={t('mappings.builder.currencyHint')} error={errorOf('currency')}>
        <select name="currency" value={draft.currency} onChange={(e) => change({ currency: e.target.value })}>
          <option value="">{t('mappings.builder.orgDefault', { value: org.currency })}</option>
          {currencies.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('mappings.field.timezone')} error={errorOf('timezone')}>
        <select name="timezone" value={draft.timezone} onChange={(e) => change({ timezone: e.target.value })}>
          <option value="">{t('mappings.builder.orgDefault', { value: org.timezone })}</option>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('mappings.field.dateFormat')} hint={dateHint} error={errorOf('dateFormat')}>
        <input
          name="dateFormat"
          className="mono"
          list={listId}
          autoComplete="off"
          spellCheck={false}
          value={draft.dateFormat}
          onChange={(e) => change({ dateFormat: e.target.value })}
        />
      </Field>
      <datalist id={listId}>
        {DATE_FORMATS.map((f) => (
          <option key={f} value={f} />
        ))}
      </datalist>
    </div>
  );
}
