import { useTranslation } from 'react-i18next';
import { Field } from '../ui/field';
import type { FormErrors } from '../ui/form-errors';

/** One question and its answer; `key` keeps React's rows stable while rows are added and removed. */
export interface FaqRow {
  key: number;
  q: string;
  a: string;
}

let nextKey = 1;
export const faqRow = (q = '', a = ''): FaqRow => ({ key: nextKey++, q, a });

/** The product's FAQs: a question and an answer per row, rows added and removed (errors at `faqs.<i>.q|a`). */
export function FaqEditor({
  rows,
  errors,
  onChange,
}: {
  rows: FaqRow[];
  errors: FormErrors;
  onChange: (rows: FaqRow[]) => void;
}) {
  const { t } = useTranslation();
  const update = (key: number, change: Partial<FaqRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));

  return (
    <fieldset className="faqs" data-testid="faq-editor">
      <legend>{t('products.field.faqs')}</legend>
      {rows.length === 0 && <p className="muted">{t('products.noFaqs')}</p>}
      {rows.map((row, i) => (
        <div className="faq-row" key={row.key} data-testid="faq-row">
          <Field label={t('products.faqQuestion', { n: i + 1 })} error={errors.of(`faqs.${i}.q`)}>
            <input name={`faqs.${i}.q`} value={row.q} onChange={(e) => update(row.key, { q: e.target.value })} />
          </Field>
          <Field label={t('products.faqAnswer', { n: i + 1 })} error={errors.of(`faqs.${i}.a`)}>
            <textarea name={`faqs.${i}.a`} rows={2} value={row.a} onChange={(e) => update(row.key, { a: e.target.value })} />
          </Field>
          <button
            type="button"
            className="btn small"
            onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
            aria-label={t('products.removeFaq', { n: i + 1 })}
          >
            {t('products.remove')}
          </button>
        </div>
      ))}
      {errors.of('faqs') && !rows.some((_, i) => errors.of(`faqs.${i}`)) && <p className="field-error">{errors.of('faqs')}</p>}
      <button type="button" className="btn small" data-testid="add-faq" onClick={() => onChange([...rows, faqRow()])}>
        {t('products.addFaq')}
      </button>
    </fieldset>
  );
}
