import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney, formatPercent } from '../../format';
import type { Org } from '../../types';
import { EmptyState } from '../ui/empty-state';
import { type Column, ResponsiveList } from '../ui/responsive-list';

type TaxRule = Org['taxRules'][number];

/** The withholding rules to read (roles that may not change them). */
export function TaxRulesTable({ org }: { org: Org }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const columns: Column<TaxRule>[] = [
    { key: 'validFrom', header: t('settings.tax.field.validFrom'), cell: (r) => formatDate(r.validFrom, lang), role: 'title' },
    {
      key: 'rate',
      header: t('settings.tax.field.rateBps'),
      cell: (r) => formatPercent(r.rateBps / 10_000, lang),
      role: 'status',
      numeric: true,
    },
    {
      key: 'threshold',
      header: t('settings.tax.field.thresholdMinor', { currency: org.currency }),
      cell: (r) => formatMoney(r.thresholdMinor, org.currency, lang),
      numeric: true,
    },
    {
      key: 'validTo',
      header: t('settings.tax.field.validTo'),
      cell: (r) => (r.validTo ? formatDate(r.validTo, lang) : t('settings.tax.openEnded')),
    },
    { key: 'country', header: t('settings.tax.field.country'), cell: (r) => r.country || t('common.none') },
  ];
  return (
    <section aria-labelledby="tax-title">
      <h2 id="tax-title">{t('settings.section.tax')}</h2>
      <p className="muted small">{t('settings.tax.intro')}</p>
      {org.taxRules.length === 0 ? (
        <EmptyState>{t('settings.tax.empty')}</EmptyState>
      ) : (
        <ResponsiveList
          data-testid="tax-rules-table"
          caption={t('settings.section.tax')}
          rows={org.taxRules}
          columns={columns}
          rowKey={(r) => `${r.validFrom}|${r.country ?? ''}|${r.rateBps}`}
        />
      )}
    </section>
  );
}
