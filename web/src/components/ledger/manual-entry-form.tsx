import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ManualEntry, useBookEntry } from '../../data/ledger';
import { formatMoney } from '../../format';
import type { Kos, LedgerEntry } from '../../types';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { EnumOptions } from '../ui/enum-options';
import { Field } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';
import { toMinor } from './amount';

const FIELDS = ['kosId', 'kind', 'amountMinor', 'reason'];
const KINDS = ['bonus', 'adjustment'] as const;
const EMPTY = { kosId: '', kind: 'bonus' as ManualEntry['kind'], amount: '', reason: '' };

/**
 * Booking a bonus or an adjustment by hand (owners and admins): KOS, kind, amount in major units of the
 * org's currency (sent in minor units), a required reason; nothing is booked before the dialog that
 * repeats the amount is confirmed. The server's field errors are shown next to their fields.
 */
export function ManualEntryForm({
  kos,
  currency,
  onBooked,
  onCancel,
}: {
  kos: readonly Kos[];
  currency: string;
  onBooked: (entry: LedgerEntry) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState(EMPTY);
  const [asking, setAsking] = useState<ManualEntry | null>(null);
  const [amountError, setAmountError] = useState<string | null>(null);
  const book = useBookEntry();
  const errors = useFormErrors(book.error, FIELDS);
  const minor = toMinor(form.amount, currency);
  const money = (value: number) => formatMoney(value, currency, i18n.language);
  const set = (update: Partial<typeof form>) => setForm((f) => ({ ...f, ...update }));
  const kosLabel = (id: string) => {
    const k = kos.find((x) => x.id === id);
    return k ? `${k.name} (${k.code})` : id;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (minor === null) return setAmountError(t('ledger.amountInvalid', { currency }));
    setAmountError(null);
    book.reset();
    setAsking({ kosId: form.kosId, kind: form.kind, amountMinor: minor, reason: form.reason.trim() });
  };
  const confirm = () =>
    asking &&
    book.mutate(asking, {
      onSuccess: (entry) => {
        setAsking(null);
        setForm(EMPTY);
        onBooked(entry);
      },
      // Field errors belong next to their fields: back to the form.
      onError: () => setAsking(null),
    });

  return (
    <>
      <form className="card form manual-entry" data-testid="manual-entry-form" onSubmit={submit}>
        <h2>{t('ledger.manual.title')}</h2>
        <div className="form-grid">
          <Field label={t('ledger.field.kosId')} error={errors.of('kosId')}>
            <select name="kosId" required value={form.kosId} onChange={(e) => set({ kosId: e.target.value })}>
              <option value="">{t('ledger.chooseKos')}</option>
              {kos.map((k) => (
                <option key={k.id} value={k.id}>
                  {`${k.name} (${k.code})`}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('ledger.field.kind')} error={errors.of('kind')}>
            <select name="kind" value={form.kind} onChange={(e) => set({ kind: e.target.value as ManualEntry['kind'] })}>
              <EnumOptions of="ledger.kind" only={KINDS} />
            </select>
          </Field>
          <Field
            label={t('ledger.field.amount', { currency })}
            hint={minor !== null && minor !== 0 ? `= ${money(minor)}` : t('ledger.amountHint')}
            error={amountError ?? errors.of('amountMinor')}
          >
            <input
              name="amount"
              inputMode="decimal"
              autoComplete="off"
              required
              value={form.amount}
              onChange={(e) => set({ amount: e.target.value })}
            />
          </Field>
          <Field label={t('ledger.field.reason')} error={errors.of('reason')}>
            <textarea
              name="reason"
              required
              maxLength={500}
              rows={2}
              value={form.reason}
              onChange={(e) => set({ reason: e.target.value })}
            />
          </Field>
        </div>
        {errors.form && (
          <p className="alert" role="alert">
            {errors.form}
          </p>
        )}
        <div className="actions">
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn primary" disabled={book.isPending}>
            {t('ledger.manual.submit')}
          </button>
        </div>
      </form>
      {/* Outside the form: a dialog's own form must not submit this one. */}
      <ConfirmDialog
        open={asking !== null}
        title={t('ledger.manual.confirmTitle')}
        confirmLabel={t('ledger.manual.book')}
        busy={book.isPending}
        onConfirm={confirm}
        onCancel={() => setAsking(null)}
      >
        {asking && (
          <p data-testid="manual-entry-summary">
            {t('ledger.manual.confirmText', {
              kind: t(`ledger.kind.${asking.kind}`),
              amount: money(asking.amountMinor),
              kos: kosLabel(asking.kosId),
              reason: asking.reason,
            })}
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
