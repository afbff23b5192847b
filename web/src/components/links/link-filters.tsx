import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkFilter } from '../../data/links';
import type { Kos, Product } from '../../types';

/** The filters of the links list; each maps onto a `GET /links` query parameter and lives in the URL. */
export function LinkFilters({
  value,
  kos,
  products,
  onChange,
}: {
  value: LinkFilter;
  kos: readonly Kos[];
  products: readonly Product[];
  onChange: (f: Partial<LinkFilter>, options?: { push?: boolean }) => void;
}) {
  const { t } = useTranslation();
  const [campaign, setCampaign] = useState(value.campaign);
  const all = (label: string) => `${label}: ${t('common.all')}`;
  // A choice in a list is a step back can undo; typing only rewrites the current entry.
  const pick = (f: Partial<LinkFilter>) => onChange(f, { push: true });

  // Back/forward changes the URL's campaign: show it; typing filters after a pause, not on every key.
  useEffect(() => setCampaign(value.campaign), [value.campaign]);
  useEffect(() => {
    if (campaign === value.campaign) return;
    const timer = setTimeout(() => onChange({ campaign: campaign.trim() }), 300);
    return () => clearTimeout(timer);
  }, [campaign, value.campaign, onChange]);

  return (
    <search className="filters" data-testid="link-filters">
      <select
        name="kosId"
        aria-label={t('links.field.kosId')}
        value={value.kosId}
        onChange={(e) => pick({ kosId: e.target.value })}
      >
        <option value="">{all(t('links.field.kosId'))}</option>
        {kos.map((k) => (
          <option key={k.id} value={k.id}>{`${k.name} (${k.code})`}</option>
        ))}
      </select>
      <select
        name="productId"
        aria-label={t('links.field.productId')}
        value={value.productId}
        onChange={(e) => pick({ productId: e.target.value })}
      >
        <option value="">{all(t('links.field.productId'))}</option>
        {products.map((p) => (
          <option key={p.id} value={p.id}>{`${p.name} (${p.sku})`}</option>
        ))}
      </select>
      <input
        name="campaign"
        type="search"
        aria-label={t('links.field.campaign')}
        placeholder={t('links.field.campaign')}
        value={campaign}
        onChange={(e) => setCampaign(e.target.value)}
      />
      <select
        name="disabled"
        aria-label={t('links.field.status')}
        value={value.disabled}
        onChange={(e) => pick({ disabled: e.target.value })}
      >
        <option value="">{all(t('links.field.status'))}</option>
        <option value="false">{t('links.filterEnabled')}</option>
        <option value="true">{t('links.status.disabled')}</option>
      </select>
    </search>
  );
}
