import { useTranslation } from 'react-i18next';
import type { PayoutStep } from '../../data/payouts';
import { formatMoney } from '../../format';
import type { Payout } from '../../types';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { Field } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';

export type PayoutAsk = { kind: PayoutStep['kind']; payout: Payout } | null;

/**
 * The money steps of one payout, each confirmed in a dialog that repeats who gets how much: approve a
 * draft, or mark an approved payout paid with the bank transfer's reference (its error shown under it).
 */
export function PayoutStepDialog({
  asking,
  nameOf,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  asking: PayoutAsk;
  nameOf: (p: Payout) => string;
  busy: boolean;
  error: unknown;
  onConfirm: (step: PayoutStep) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const errors = useFormErrors(error, ['reference']);
  const payout = asking?.payout;
  const text = (p: Payout) => ({ name: nameOf(p), amount: formatMoney(p.netMinor, p.currency, i18n.language) });
  const paying = asking?.kind === 'mark-paid';

  return (
    <ConfirmDialog
      open={asking !== null}
      title={paying ? t('payouts.markPaidConfirm.title') : t('payouts.approveConfirm.title')}
      confirmLabel={paying ? t('payouts.markPaid') : t('payouts.approve')}
      danger={paying}
      busy={busy}
      error={errors.form ? error : undefined}
      onConfirm={(form) => {
        if (!payout) return;
        if (paying) onConfirm({ kind: 'mark-paid', payout, reference: String(form.get('reference') ?? '').trim() });
        else onConfirm({ kind: 'approve', payout });
      }}
      onCancel={onCancel}
    >
      {payout && (
        <>
          <p>{paying ? t('payouts.markPaidConfirm.text', text(payout)) : t('payouts.approveConfirm.text', text(payout))}</p>
          {paying && (
            <Field label={t('payouts.referencePrompt')} error={errors.of('reference')}>
              <input name="reference" required maxLength={200} autoComplete="off" />
            </Field>
          )}
        </>
      )}
    </ConfirmDialog>
  );
}
