import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The console's texts as web/src/i18n/index.ts loads them: `<locale>/<area>.json`, one branch per area. */
export const I18N_DIR = fileURLToPath(new URL('../../web/src/i18n', import.meta.url));
export const LOCALES = ['en', 'vi', 'zh-CN'] as const;

type Tree = { [key: string]: string | Tree };

/** `{a: {b: 'x'}, 'c.d': 'y'}` → `{'a.b': 'x', 'c.d': 'y'}`: nested and dotted keys read alike, as i18next reads them. */
export function flatten(tree: Tree, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out[prefix + k] = v;
    else Object.assign(out, flatten(v, `${prefix}${k}.`));
  }
  return out;
}

export interface LocaleTexts {
  areas: string[];
  nested: Tree;
  flat: Record<string, string>;
}

export function readLocaleFiles(): Record<(typeof LOCALES)[number], LocaleTexts> {
  const read = (locale: string): LocaleTexts => {
    const areas = readdirSync(join(I18N_DIR, locale))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -'.json'.length))
      .sort();
    const nested: Tree = {};
    for (const area of areas) nested[area] = JSON.parse(readFileSync(join(I18N_DIR, locale, `${area}.json`), 'utf8')) as Tree;
    return { areas, nested, flat: flatten(nested) };
  };
  return { en: read('en'), vi: read('vi'), 'zh-CN': read('zh-CN') };
}
