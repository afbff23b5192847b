import { useTranslation } from 'react-i18next';
import type { Segment } from '../../data/run-sheets';
import { formatMoney } from '../../format';
import { Field } from '../ui/field';
import type { FormErrors } from '../ui/form-errors';
import type { DraftSegment } from './run-sheet-draft';

type Offer = NonNullable<Segment['flashOffer']>;

/** "Flash price 199.000 ₫ · 50 units · minutes 0–30" (offer minutes count from the scheduled start). */
export function OfferLine({ offer, currency }: { offer: Offer; currency: string }) {
  const { t, i18n } = useTranslation();
  return (
    <p className="rs-offer" data-testid="segment-offer">
      {t('runSheet.offer', {
        price: formatMoney(offer.priceMinor, currency, i18n.language),
        from: offer.startMinute,
        to: offer.endMinute,
      })}
      {offer.quantity !== null && ` · ${t('runSheet.offerQuantity', { quantity: offer.quantity })}`}
    </p>
  );
}

/** The FAQs as questions and answers. */
export function FaqList({ faqs }: { faqs: Segment['faqs'] }) {
  const { t } = useTranslation();
  if (!faqs.length) return <p className="muted small">{t('runSheet.noFaqs')}</p>;
  return (
    <dl className="rs-faqs">
      {faqs.map((f, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: FAQs have no id; the list is shown as it is
        <div key={i}>
          <dt>{f.q}</dt>
          <dd>{f.a}</dd>
        </div>
      ))}
    </dl>
  );
}

interface Props {
  segment: DraftSegment;
  index: number;
  count: number;
  name: string;
  currency: string;
  /** Absent: read-only. */
  edit?: {
    errors: FormErrors;
    onChange(next: DraftSegment): void;
    onMove(by: -1 | 1): void;
  };
}

/** One segment of the sheet: read-only, or with its duration, talking points and FAQs editable and move buttons. */
export function RunSheetSegment({ segment: s, index, count, name, currency, edit }: Props) {
  const { t } = useTranslation();
  const at = `segments.${index}`;
  const end = s.startMinute + (Number(s.duration) || 0);
  const headingId = `segment-${index}-title`;
  const segmentError =
    edit && (edit.errors.of(`${at}.position`) ?? edit.errors.of(`${at}.productId`) ?? edit.errors.of(`${at}.flashOffer`));
  const setFaq = (j: number, part: 'q' | 'a', value: string) =>
    edit?.onChange({ ...s, faqs: s.faqs.map((f, k) => (k === j ? { ...f, [part]: value } : f)) });
  return (
    <li className="card rs-segment" aria-labelledby={headingId} data-testid="segment" data-uid={s.uid} data-product={s.productId}>
      <div className="rs-head">
        <h2 id={headingId}>
          <span className="rs-position">{s.position}.</span> {name}
        </h2>
        {s.stockWarning && (
          <span className="badge tone-bad" data-testid="stock-warning">
            {t('runSheet.stockWarning')}
          </span>
        )}
      </div>
      <p className="rs-time" data-testid="segment-time">
        {t('runSheet.time', { start: s.startMinute, end, duration: Number(s.duration) || 0 })}
      </p>
      {s.flashOffer && <OfferLine offer={s.flashOffer} currency={currency} />}
      {segmentError && (
        <p className="field-error" role="alert">
          {segmentError}
        </p>
      )}
      {!edit ? (
        <>
          <h3>{t('runSheet.talkingPoints')}</h3>
          <p className="rs-points">{s.talkingPoints || t('runSheet.noTalkingPoints')}</p>
          <h3>{t('runSheet.faqs')}</h3>
          <FaqList faqs={s.faqs} />
        </>
      ) : (
        <>
          <div className="rs-moves">
            <button
              type="button"
              className="btn small"
              disabled={index === 0}
              aria-label={t('runSheet.moveUp', { name })}
              data-testid="move-up"
              onClick={() => edit.onMove(-1)}
            >
              ↑ {t('runSheet.up')}
            </button>
            <button
              type="button"
              className="btn small"
              disabled={index === count - 1}
              aria-label={t('runSheet.moveDown', { name })}
              data-testid="move-down"
              onClick={() => edit.onMove(1)}
            >
              ↓ {t('runSheet.down')}
            </button>
          </div>
          <Field
            label={t('runSheet.duration')}
            error={edit.errors.of(`${at}.durationMinutes`) ?? edit.errors.of(`${at}.startMinute`)}
          >
            <input
              name={`${at}.durationMinutes`}
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              value={s.duration}
              onChange={(e) => edit.onChange({ ...s, duration: e.target.value })}
            />
          </Field>
          <Field label={t('runSheet.talkingPoints')} error={edit.errors.of(`${at}.talkingPoints`)}>
            <textarea
              name={`${at}.talkingPoints`}
              rows={4}
              value={s.talkingPoints}
              onChange={(e) => edit.onChange({ ...s, talkingPoints: e.target.value })}
            />
          </Field>
          <fieldset className="rs-faq-edit">
            <legend>{t('runSheet.faqs')}</legend>
            {s.faqs.map((f, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: FAQs have no id; their index is their path
              <div key={j} className="rs-faq-row">
                <Field label={t('runSheet.question', { n: j + 1 })} error={edit.errors.of(`${at}.faqs.${j}.q`)}>
                  <input name={`${at}.faqs.${j}.q`} value={f.q} onChange={(e) => setFaq(j, 'q', e.target.value)} />
                </Field>
                <Field label={t('runSheet.answer', { n: j + 1 })} error={edit.errors.of(`${at}.faqs.${j}.a`)}>
                  <textarea name={`${at}.faqs.${j}.a`} rows={2} value={f.a} onChange={(e) => setFaq(j, 'a', e.target.value)} />
                </Field>
                <button
                  type="button"
                  className="btn small"
                  onClick={() => edit.onChange({ ...s, faqs: s.faqs.filter((_, k) => k !== j) })}
                >
                  {t('runSheet.removeFaq', { n: j + 1 })}
                </button>
              </div>
            ))}
            <button
              type="button"
              className="btn small"
              data-testid="add-faq"
              onClick={() => edit.onChange({ ...s, faqs: [...s.faqs, { q: '', a: '' }] })}
            >
              {t('runSheet.addFaq')}
            </button>
          </fieldset>
        </>
      )}
    </li>
  );
}
