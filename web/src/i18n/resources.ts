import type { Locale } from '../types';

/** One area file's texts (nested objects of strings). */
export interface Messages {
  [key: string]: string | Messages;
}

export const LOCALES: readonly Locale[] = ['vi', 'zh-CN', 'en'];
export const isLocale = (v: unknown): v is Locale => typeof v === 'string' && (LOCALES as readonly string[]).includes(v);

/**
 * The texts of each language from the files `./<locale>/<area>.json`: each file becomes the `<area>`
 * branch of one namespace, so `kos.json`'s `title` is `t('kos.title')`. Areas keep engineers working on
 * different pages out of each other's files. Pure, for the loader and the tests.
 */
export function collectResources(files: Readonly<Record<string, { default: Messages }>>): Record<Locale, Messages> {
  const out = Object.fromEntries(LOCALES.map((l) => [l, {}])) as Record<Locale, Messages>;
  for (const [path, file] of Object.entries(files)) {
    const match = /\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, locale, area] = match as unknown as [string, string, string];
    if (!isLocale(locale)) throw new Error(`i18n: ${path} is not under a locale folder (${LOCALES.join(', ')})`);
    out[locale][area] = file.default;
  }
  return out;
}
