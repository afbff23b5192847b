import { useTranslation } from 'react-i18next';
import { isLocale } from '../i18n/index';
import { useMe } from '../session';

/** The organisation's settings, read-only in this version. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { org } = useMe();
  return (
    <section>
      <h1>{t('settings.title')}</h1>
      <article className="card">
        <h2>{t('settings.org')}</h2>
        <dl className="facts" data-testid="org-settings">
          <dt>{t('settings.name')}</dt>
          <dd>{org.name}</dd>
          <dt>{t('settings.slug')}</dt>
          <dd className="mono">{org.slug}</dd>
          <dt>{t('settings.currency')}</dt>
          <dd>{org.currency}</dd>
          <dt>{t('settings.timezone')}</dt>
          <dd>{org.timezone}</dd>
          <dt>{t('settings.locale')}</dt>
          <dd>{isLocale(org.locale) ? t(`locales.${org.locale}`) : org.locale}</dd>
        </dl>
      </article>
    </section>
  );
}
