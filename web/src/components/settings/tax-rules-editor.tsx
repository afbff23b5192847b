import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePatchOrg } from '../../data/settings';
import type { Org } from '../../types';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { Field } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';
import { bpsToPercent, fromMinorUnits, moneyStep, percentToBps, toMinorUnits } from './amounts';

type TaxRule = Org['taxRules'][number];
interface Draft {
  /** Keeps React's row identity while rows are added and removed. */
  id: number;
  country: string;
  rate: string;
  threshold: string;
  validFrom: string;
  validTo: string;
}
const COLUMNS = ['country', 'rateBps', 'thresholdMinor', 'validFrom', 'validTo'] as const;
let nextId = 1;
const draftOf = (r: TaxRule, currency: string): Draft => ({
  id: nextId++,
  country: r.country ?? '',
  rate: bpsToPercent(r.rateBps),
  threshold: fromMinorUnits(r.thresholdMinor, currency),
  validFrom: r.validFrom,
  validTo: r.validTo ?? '',
});
const emptyRow = (): Draft => ({ id: nextId++, country: '', rate: '', threshold: '0', validFrom: '', validTo: '' });

/** The withholding rules (PATCH /org `taxRules`): one card of fields per rule; saving is confirmed (it changes payouts). */
export function TaxRulesEditor({ org }: { org: Org }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Draft[]>(() => org.taxRules.map((r) => draftOf(r, org.currency)));
  const [confirming, setConfirming] = useState(false);
  const save = usePatchOrg();
  const paths = rows.flatMap((_, i) => COLUMNS.map((c) => `taxRules.${i}.${c}`));
  const errors = useFormErrors(save.error, paths);
  const edit = (id: number, key: keyof Draft, value: string) => {
    save.reset();
    setRows(rows.map((r) => (r.id === id ? { ...r, [key]: value } : r)));
  };
  const rules = () =>
    rows.map((r) => ({
      ...(r.country.trim() ? { country: r.country.trim() } : {}),
      rateBps: percentToBps(r.rate) as number,
      thresholdMinor: toMinorUnits(r.threshold, org.currency) as number,
      validFrom: r.validFrom,
      validTo: r.validTo || null,
    }));
  const send = () =>
    save.mutate(
      { taxRules: rules() },
      {
        onSuccess: (o) => setRows(o.taxRules.map((r) => draftOf(r, o.currency))),
        onSettled: () => setConfirming(false),
      },
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setConfirming(true);
  };

  return (
    <>
      <form className="form" onSubmit={submit} noValidate data-testid="tax-rules-form" aria-labelledby="tax-title">
        <h2 id="tax-title">{t('settings.section.tax')}</h2>
        <p className="muted small">{t('settings.tax.intro')}</p>
        {rows.length === 0 && <p className="empty">{t('settings.tax.empty')}</p>}
        <ol className="tax-rules">
          {rows.map((r, i) => (
            <li key={r.id} className="card tax-rule" data-testid="tax-rule">
              <fieldset>
                <legend>{t('settings.tax.rule', { n: i + 1 })}</legend>
                <div className="form-grid">
                  <Field
                    label={t('settings.tax.field.country')}
                    hint={t('settings.tax.countryHint')}
                    error={errors.of(`taxRules.${i}.country`)}
                  >
                    <input
                      name="country"
                      maxLength={8}
                      value={r.country}
                      onChange={(e) => edit(r.id, 'country', e.target.value)}
                    />
                  </Field>
                  <Field label={t('settings.tax.field.rateBps')} error={errors.of(`taxRules.${i}.rateBps`)}>
                    <input
                      name="rateBps"
                      type="number"
                      min={0}
                      max={100}
                      step={0.01}
                      inputMode="decimal"
                      value={r.rate}
                      onChange={(e) => edit(r.id, 'rate', e.target.value)}
                    />
                  </Field>
                  <Field
                    label={t('settings.tax.field.thresholdMinor', { currency: org.currency })}
                    error={errors.of(`taxRules.${i}.thresholdMinor`)}
                  >
                    <input
                      name="thresholdMinor"
                      type="number"
                      min={0}
                      step={moneyStep(org.currency)}
                      inputMode="decimal"
                      value={r.threshold}
                      onChange={(e) => edit(r.id, 'threshold', e.target.value)}
                    />
                  </Field>
                  <Field label={t('settings.tax.field.validFrom')} error={errors.of(`taxRules.${i}.validFrom`)}>
                    <input
                      name="validFrom"
                      type="date"
                      required
                      value={r.validFrom}
                      onChange={(e) => edit(r.id, 'validFrom', e.target.value)}
                    />
                  </Field>
                  <Field
                    label={t('settings.tax.field.validTo')}
                    hint={t('settings.tax.validToHint')}
                    error={errors.of(`taxRules.${i}.validTo`)}
                  >
                    <input
                      name="validTo"
                      type="date"
                      value={r.validTo}
                      min={r.validFrom || undefined}
                      onChange={(e) => edit(r.id, 'validTo', e.target.value)}
                    />
                  </Field>
                </div>
                <div className="actions">
                  <button type="button" className="btn small" onClick={() => setRows(rows.filter((x) => x.id !== r.id))}>
                    {t('settings.tax.remove', { n: i + 1 })}
                  </button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        {errors.form && !confirming && (
          <p className="alert" role="alert">
            {errors.form}
          </p>
        )}
        {save.isSuccess && (
          <p className="notice" role="status" data-testid="tax-saved">
            {t('settings.saved')}
          </p>
        )}
        <div className="actions">
          <button type="button" className="btn" onClick={() => setRows([...rows, emptyRow()])} data-testid="add-tax-rule">
            {t('settings.tax.add')}
          </button>
          <button type="submit" className="btn primary" disabled={save.isPending} data-testid="save-tax-rules">
            {t('settings.tax.save')}
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={confirming}
        title={t('settings.tax.confirmTitle')}
        confirmLabel={t('settings.tax.save')}
        busy={save.isPending}
        onConfirm={send}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('settings.tax.confirmText', { count: rows.length })}</p>
      </ConfirmDialog>
    </>
  );
}
