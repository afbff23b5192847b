import { useTranslation } from 'react-i18next';
import { MAX_TARGETS } from '../../data/contests-enums';
import { Field } from '../ui/field';
import type { PrizeDraft, TargetDraft } from './contest-draft';

type ErrorOf = (path: string) => string | undefined;

/** Prizes by rank (repeatable): ranks `from`–`to` each get the amount; tied participants share their rank's prize. */
export function PrizeRows({
  rows,
  currency,
  onChange,
  errorOf,
}: {
  rows: readonly PrizeDraft[];
  currency: string;
  onChange: (rows: PrizeDraft[]) => void;
  errorOf: ErrorOf;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<PrizeDraft>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const next = () => {
    const last = Number(rows.at(-1)?.rankTo ?? 0) || 0;
    return { rankFrom: String(last + 1), rankTo: String(last + 1), amount: '' };
  };
  return (
    <fieldset className="rows" data-testid="prizes">
      <legend>{t('contests.field.prizes')}</legend>
      <p className="muted small">{t('contests.prizes.hint')}</p>
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; they are edited in place
        <div className="row-fields contest-row" key={i} data-row={i}>
          <Field label={t('contests.prizes.rankFrom')} error={errorOf(`prizes.${i}.rankFrom`)}>
            <input
              name={`prizes.${i}.rankFrom`}
              inputMode="numeric"
              value={row.rankFrom}
              onChange={(e) => set(i, { rankFrom: e.target.value })}
            />
          </Field>
          <Field label={t('contests.prizes.rankTo')} error={errorOf(`prizes.${i}.rankTo`)}>
            <input
              name={`prizes.${i}.rankTo`}
              inputMode="numeric"
              value={row.rankTo}
              onChange={(e) => set(i, { rankTo: e.target.value })}
            />
          </Field>
          <Field label={t('contests.prizes.amount', { currency })} error={errorOf(`prizes.${i}.amountMinor`)}>
            <input
              name={`prizes.${i}.amount`}
              inputMode="decimal"
              value={row.amount}
              onChange={(e) => set(i, { amount: e.target.value })}
            />
          </Field>
          <button type="button" className="btn small" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            {t('contests.prizes.remove', { n: i + 1 })}
          </button>
          {errorOf(`prizes.${i}`) && <p className="field-error">{errorOf(`prizes.${i}`)}</p>}
        </div>
      ))}
      {errorOf('prizes') && <p className="field-error">{errorOf('prizes')}</p>}
      <button type="button" className="btn" data-testid="add-prize" onClick={() => onChange([...rows, next()])}>
        {t('contests.prizes.add')}
      </button>
    </fieldset>
  );
}

/** Targets (at most five, strictly increasing): the bonus of the highest one reached, not their sum. */
export function TargetRows({
  rows,
  currency,
  money,
  onChange,
  errorOf,
}: {
  rows: readonly TargetDraft[];
  currency: string;
  /** The contest's metric is money: values are amounts in `currency`, else counts. */
  money: boolean;
  onChange: (rows: TargetDraft[]) => void;
  errorOf: ErrorOf;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<TargetDraft>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="rows" data-testid="targets">
      <legend>{t('contests.field.targets')}</legend>
      <p className="muted small">{t('contests.targets.hint', { max: MAX_TARGETS })}</p>
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; they are edited in place
        <div className="row-fields contest-row" key={i} data-row={i}>
          <Field
            label={money ? t('contests.targets.valueMoney', { currency }) : t('contests.targets.value')}
            error={errorOf(`targets.${i}.value`)}
          >
            <input
              name={`targets.${i}.value`}
              inputMode={money ? 'decimal' : 'numeric'}
              value={row.value}
              onChange={(e) => set(i, { value: e.target.value })}
            />
          </Field>
          <Field label={t('contests.targets.bonus', { currency })} error={errorOf(`targets.${i}.bonusMinor`)}>
            <input
              name={`targets.${i}.bonus`}
              inputMode="decimal"
              value={row.bonus}
              onChange={(e) => set(i, { bonus: e.target.value })}
            />
          </Field>
          <button type="button" className="btn small" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            {t('contests.targets.remove', { n: i + 1 })}
          </button>
          {errorOf(`targets.${i}`) && <p className="field-error">{errorOf(`targets.${i}`)}</p>}
        </div>
      ))}
      {errorOf('targets') && <p className="field-error">{errorOf('targets')}</p>}
      {rows.length < MAX_TARGETS && (
        <button
          type="button"
          className="btn"
          data-testid="add-target"
          onClick={() => onChange([...rows, { value: '', bonus: '' }])}
        >
          {t('contests.targets.add')}
        </button>
      )}
    </fieldset>
  );
}
