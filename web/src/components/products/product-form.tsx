import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ProductBody, useSaveProduct } from '../../data/products';
import { formatMoney } from '../../format';
import { useMe } from '../../session';
import type { Product } from '../../types';
import { Field } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';
import { FaqEditor, type FaqRow, faqRow } from './faq-editor';
import { majorText, parseMajor } from './price';

const PLATFORMS = ['shopee', 'tiktok_shop', 'lazada'] as const;
const FIELDS = ['sku', 'name', 'category', 'priceMinor', 'stock', 'deliveryDays', 'url', 'usp', 'faqs', 'platformIds'] as const;
type TextKey = 'sku' | 'name' | 'category' | 'price' | 'stock' | 'deliveryDays' | 'url' | 'usp';
type Draft = Record<TextKey, string> & { platformIds: Record<(typeof PLATFORMS)[number], string> };

const draftOf = (p: Product | null, currency: string): Draft => ({
  sku: p?.sku ?? '',
  name: p?.name ?? '',
  category: p?.category ?? '',
  price: p ? majorText(p.priceMinor, currency) : '',
  stock: p?.stock === null || p?.stock === undefined ? '' : String(p.stock),
  deliveryDays: p?.deliveryDays === null || p?.deliveryDays === undefined ? '' : String(p.deliveryDays),
  url: p?.url ?? '',
  usp: p?.usp ?? '',
  platformIds: {
    shopee: p?.platformIds.shopee ?? '',
    tiktok_shop: p?.platformIds.tiktok_shop ?? '',
    lazada: p?.platformIds.lazada ?? '',
  },
});
/** A whole number field: blank is null; anything else goes as typed, for the server to judge. */
const count = (v: string) => (v.trim() === '' ? null : Number(v));

/** "New product" or "Edit product" with every field of the catalogue; the price is typed in the org's currency. */
export function ProductForm({
  product,
  onSaved,
  onCancel,
}: {
  product: Product | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const orgCurrency = useMe().org.currency;
  const currency = product?.currency ?? orgCurrency;
  const [draft, setDraft] = useState<Draft>(() => draftOf(product, currency));
  const [faqs, setFaqs] = useState<FaqRow[]>(() => (product?.faqs ?? []).map((f) => faqRow(f.q, f.a)));
  const [priceError, setPriceError] = useState(false);
  const save = useSaveProduct(product?.id ?? null);
  const errors = useFormErrors(save.error, FIELDS);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const set = (key: TextKey) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });
  const price = parseMajor(draft.price, currency);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setPriceError(price === null);
    if (price === null) return;
    const platformIds = Object.fromEntries(PLATFORMS.map((p) => [p, draft.platformIds[p].trim()]).filter(([, v]) => v));
    const body: ProductBody = {
      sku: draft.sku.trim(),
      name: draft.name.trim(),
      category: draft.category.trim() || null,
      priceMinor: price,
      stock: count(draft.stock),
      deliveryDays: count(draft.deliveryDays),
      url: draft.url.trim() || null,
      usp: draft.usp.trim() || null,
      faqs: faqs.map(({ q, a }) => ({ q: q.trim(), a: a.trim() })),
      platformIds,
    };
    save.mutate(body, { onSuccess: onSaved });
  };
  const priceHint =
    price === null
      ? t('products.priceHint', { currency })
      : t('products.pricePreview', { amount: formatMoney(price, currency, i18n.language) });

  return (
    <form
      className="card form product-form"
      onSubmit={submit}
      aria-labelledby="product-form-title"
      data-testid="product-form"
      noValidate
    >
      <h2 id="product-form-title" ref={heading} tabIndex={-1}>
        {product ? `${t('products.edit')}: ${product.name}` : t('products.new')}
      </h2>
      <div className="form-grid">
        <Field label={t('products.field.sku')} error={errors.of('sku')}>
          <input name="sku" required autoCapitalize="characters" spellCheck={false} value={draft.sku} onChange={set('sku')} />
        </Field>
        <Field label={t('products.field.name')} error={errors.of('name')}>
          <input name="name" required value={draft.name} onChange={set('name')} />
        </Field>
        <Field label={t('products.field.category')} error={errors.of('category')}>
          <input name="category" value={draft.category} onChange={set('category')} />
        </Field>
        <Field
          label={`${t('products.field.priceMinor')} (${currency})`}
          hint={priceHint}
          error={priceError && price === null ? t('products.priceInvalid') : errors.of('priceMinor')}
        >
          <input name="priceMinor" inputMode="decimal" required value={draft.price} onChange={set('price')} />
        </Field>
        <Field label={t('products.field.stock')} error={errors.of('stock')}>
          <input name="stock" type="number" min={0} step={1} inputMode="numeric" value={draft.stock} onChange={set('stock')} />
        </Field>
        <Field label={t('products.field.deliveryDays')} error={errors.of('deliveryDays')}>
          <input
            name="deliveryDays"
            type="number"
            min={0}
            max={365}
            step={1}
            value={draft.deliveryDays}
            onChange={set('deliveryDays')}
          />
        </Field>
        <Field label={t('products.field.url')} hint={t('products.urlHint')} error={errors.of('url')}>
          <input name="url" type="url" inputMode="url" spellCheck={false} value={draft.url} onChange={set('url')} />
        </Field>
        {PLATFORMS.map((p) => (
          <Field key={p} label={t('products.platformId', { platform: t(`platform.${p}`) })} error={errors.of(`platformIds.${p}`)}>
            <input
              name={`platformIds.${p}`}
              spellCheck={false}
              value={draft.platformIds[p]}
              onChange={(e) => setDraft({ ...draft, platformIds: { ...draft.platformIds, [p]: e.target.value } })}
            />
          </Field>
        ))}
      </div>
      <div className="product-long">
        <Field label={t('products.field.usp')} error={errors.of('usp')}>
          <textarea name="usp" rows={3} value={draft.usp} onChange={set('usp')} />
        </Field>
        <FaqEditor rows={faqs} errors={errors} onChange={setFaqs} />
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
        <button type="submit" className="btn primary" disabled={save.isPending} data-testid="save-product">
          {save.isPending ? t('common.working') : product ? t('products.save') : t('products.create')}
        </button>
      </div>
    </form>
  );
}
