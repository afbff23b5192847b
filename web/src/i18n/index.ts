import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../types';
import en from './en.json';
import vi from './vi.json';
import zhCN from './zh-CN.json';

// Compile-time completeness: the vi and zh-CN files must have every key the English file has.
const viChecked: typeof en = vi;
const zhChecked: typeof en = zhCN;

export const LOCALES: readonly Locale[] = ['vi', 'zh-CN', 'en'];
const STORAGE_KEY = 'kos.locale';

export const isLocale = (v: unknown): v is Locale => typeof v === 'string' && (LOCALES as readonly string[]).includes(v);

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
  resources: { en: { translation: en }, vi: { translation: viChecked }, 'zh-CN': { translation: zhChecked } },
  lng: storedLocale() ?? browserLocale(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});
document.documentElement.lang = i18n.language;

export default i18n;
