import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../types';
import { collectResources, isLocale, type Messages } from './resources';

export { isLocale, LOCALES } from './resources';

// Every area file of every language, bundled (no request at start-up). That vi and zh-CN have every key
// English has is checked by test/browser/i18n-keys.test.ts.
const files = import.meta.glob<{ default: Messages }>('./*/*.json', { eager: true });
const resources = collectResources(files);

const STORAGE_KEY = 'kos.locale';

/** The language the user picked earlier in this browser, if any. */
export function storedLocale(): Locale | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLocale(v) ? v : null;
  } catch {
    return null;
  }
}

/** Switches the UI language; `persist` remembers it for the next visit (the user's explicit choice). */
export function setLocale(locale: Locale, persist: boolean): void {
  if (persist) {
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }
  void i18n.changeLanguage(locale);
}

function browserLocale(): Locale {
  const lang = navigator.language.toLowerCase();
  if (lang.startsWith('zh')) return 'zh-CN';
  if (lang.startsWith('en')) return 'en';
  return 'vi';
}

void i18n.use(initReactI18next).init({
  resources: {
    en: { translation: resources.en },
    vi: { translation: resources.vi },
    'zh-CN': { translation: resources['zh-CN'] },
  },
  lng: storedLocale() ?? browserLocale(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});
document.documentElement.lang = i18n.language;

export default i18n;
