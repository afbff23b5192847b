import { useTranslation } from 'react-i18next';
import { setLocale } from '../i18n/index';
import { isLocale, LOCALES } from '../i18n/resources';

/** vi / zh-CN / en; the choice is remembered in this browser. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <label className="lang">
      <span>{t('common.language')}</span>
      <select
        data-testid="language"
        value={i18n.language}
        onChange={(e) => {
          if (isLocale(e.target.value)) setLocale(e.target.value, true);
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {t(`common.locales.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
