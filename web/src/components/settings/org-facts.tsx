import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber } from '../../format';
import { isLocale } from '../../i18n/resources';
import type { Org } from '../../types';

/** The organisation's settings to read (roles that may not change them). */
export function OrgFacts({ org }: { org: Org }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const facts: [string, string][] = [
    ['name', org.name],
    ['slug', org.slug],
    ['currency', org.currency],
    ['timezone', org.timezone],
    ['locale', isLocale(org.locale) ? t(`common.locales.${org.locale}`) : org.locale],
    ['attributionWindowDays', formatNumber(org.attributionWindowDays, lang)],
    ['postLiveWindowHours', formatNumber(org.postLiveWindowHours, lang)],
    ['minPayoutMinor', formatMoney(org.minPayoutMinor, org.currency, lang)],
  ];
  return (
    <dl className="facts" data-testid="org-settings">
      {facts.map(([key, value]) => (
        <div key={key} className="fact">
          <dt>{t(`settings.field.${key}`)}</dt>
          <dd className={key === 'slug' ? 'mono' : undefined}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
