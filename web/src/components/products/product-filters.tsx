import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductFilter } from '../../data/products';

/** Search (SKU or name) and category, applied after a pause in typing; both live in the URL. */
export function ProductFilters({ value, onChange }: { value: ProductFilter; onChange: (f: Partial<ProductFilter>) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);

  // Back/forward changes the URL: show it.
  useEffect(() => setDraft({ q: value.q, category: value.category }), [value.q, value.category]);
  useEffect(() => {
    if (draft.q === value.q && draft.category === value.category) return;
    const timer = setTimeout(() => onChange({ q: draft.q.trim(), category: draft.category.trim() }), 300);
    return () => clearTimeout(timer);
  }, [draft, value.q, value.category, onChange]);

  return (
    <search className="filters" data-testid="product-filters">
      <input
        name="q"
        type="search"
        aria-label={t('common.search')}
        placeholder={t('products.searchPlaceholder')}
        value={draft.q}
        onChange={(e) => setDraft({ ...draft, q: e.target.value })}
      />
      <input
        name="category"
        type="search"
        aria-label={t('products.field.category')}
        placeholder={t('products.field.category')}
        value={draft.category}
        onChange={(e) => setDraft({ ...draft, category: e.target.value })}
      />
    </search>
  );
}
