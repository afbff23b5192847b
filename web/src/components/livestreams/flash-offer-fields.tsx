import { useTranslation } from 'react-i18next';
import type { Product } from '../../types';
import { Field } from '../ui/field';
import type { OfferDraft } from './session-draft';

/** Flash offers of a session (repeatable): a product at a price, an optional quantity limit, a time window. */
export function FlashOfferFields({
  rows,
  products,
  currency,
  timeHint,
  sessionWindow,
  onChange,
  errorOf,
}: {
  rows: readonly OfferDraft[];
  products: readonly Product[];
  currency: string;
  timeHint: string;
  /** The session's scheduled times: a new offer's window starts as the session's. */
  sessionWindow: { start: string; end: string };
  onChange: (rows: OfferDraft[]) => void;
  errorOf: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<OfferDraft>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const blank: OfferDraft = {
    productId: '',
    price: '',
    quantityLimit: '',
    startsAt: sessionWindow.start,
    endsAt: sessionWindow.end,
  };
  return (
    <fieldset className="rows" data-testid="flash-offers">
      <legend>{t('livestreams.field.flashOffers')}</legend>
      {rows.map((row, i) => {
        const path = `flashOffers.${i}`;
        const bind = (key: keyof OfferDraft) => ({
          name: `${path}.${key}`,
          value: row[key],
          onChange: (e: { target: { value: string } }) => set(i, { [key]: e.target.value }),
        });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; they are edited in place
          <div className="row-fields offer" key={i} data-row={i}>
            <Field label={t('livestreams.offer.productId')} error={errorOf(`${path}.productId`)}>
              <select {...bind('productId')}>
                <option value="">{t('plans.picker.choose')}</option>
                {products.map((p) => (
                  <option key={p.id} value={p.id}>{`${p.name} (${p.sku})`}</option>
                ))}
              </select>
            </Field>
            <Field label={t('livestreams.offer.priceMinor', { currency })} error={errorOf(`${path}.priceMinor`)}>
              <input inputMode="decimal" {...bind('price')} />
            </Field>
            <Field
              label={t('livestreams.offer.quantityLimit')}
              hint={t('livestreams.offer.noLimit')}
              error={errorOf(`${path}.quantityLimit`)}
            >
              <input inputMode="numeric" {...bind('quantityLimit')} />
            </Field>
            <Field label={t('livestreams.offer.startsAt')} hint={timeHint} error={errorOf(`${path}.startsAt`)}>
              <input type="datetime-local" {...bind('startsAt')} />
            </Field>
            <Field label={t('livestreams.offer.endsAt')} hint={timeHint} error={errorOf(`${path}.endsAt`)}>
              <input type="datetime-local" {...bind('endsAt')} />
            </Field>
            <button type="button" className="btn small" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              {t('livestreams.offer.remove', { n: i + 1 })}
            </button>
          </div>
        );
      })}
      <button type="button" className="btn" data-testid="add-offer" onClick={() => onChange([...rows, blank])}>
        {t('livestreams.offer.add')}
      </button>
    </fieldset>
  );
}
