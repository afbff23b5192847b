import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readLocaleFiles } from './locale-files.js';
import { webModule } from './web-module.js';

/**
 * The console's texts (web/src/i18n/<locale>/<area>.json): vi and zh-CN say everything English says,
 * with the same placeholders, and every key the code names exists — so no page shows a raw key or
 * falls back to English.
 */
const texts = readLocaleFiles();
const english = texts.en.flat;
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]).sort();

describe.each(['vi', 'zh-CN'] as const)('%s', (locale) => {
  const own = texts[locale].flat;

  test('has the same area files as English', () => {
    expect(texts[locale].areas).toEqual(texts.en.areas);
  });

  test.each(texts.en.areas)('%s.json has every English key, each with a text', (area) => {
    const missing = Object.keys(english).filter((k) => k.startsWith(`${area}.`) && !own[k]?.trim());
    expect(missing).toEqual([]);
  });

  test.each(texts.en.areas)('%s.json has no key English lacks (a renamed key left behind)', (area) => {
    expect(Object.keys(own).filter((k) => k.startsWith(`${area}.`) && !(k in english))).toEqual([]);
  });

  test('uses the placeholders of the English text ({{count}}, {{period}}…)', () => {
    const wrong = Object.keys(english)
      .filter((k) => k in own && placeholders(own[k] ?? '').join() !== placeholders(english[k] ?? '').join())
      .map((k) => `${k}: ${own[k]}`);
    expect(wrong).toEqual([]);
  });
});

describe('every key the console names exists', () => {
  const WEB = fileURLToPath(new URL('../../web/src', import.meta.url));
  const sources = (readdirSync(WEB, { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => ({ file: f, text: readFileSync(join(WEB, f), 'utf8') }));
  const branches = new Set(
    Object.keys(english).flatMap((k) => k.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'))),
  );

  test("literal keys: t('kos.title')", () => {
    const missing = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/\bt\(\s*'([\w.-]+)'/g)]
        .map((m) => m[1] ?? '')
        .filter((k) => !(k in english))
        .map((k) => `${file}: ${k}`),
    );
    expect(missing).toEqual([]);
  });

  test('built keys: t(`kos.status.<value>`) names a branch of texts', () => {
    const missing = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/\bt\(\s*`([\w.-]+)\.\$\{/g)]
        .map((m) => m[1] ?? '')
        .filter((k) => !branches.has(k))
        .map((k) => `${file}: ${k}`),
    );
    expect(missing).toEqual([]);
  });

  test('every value of every enum the console shows (Badge, EnumOptions) has its text', async () => {
    const { ENUMS } = await webModule<{ ENUMS: Record<string, readonly string[]> }>('enums.ts');
    const missing = Object.entries(ENUMS).flatMap(([name, values]) =>
      values.map((v) => `${name}.${v}`).filter((k) => !(k in english)),
    );
    expect(missing).toEqual([]);
  });

  test('every sidebar entry of the route table has its label', async () => {
    const { ROUTES } = await webModule<{ ROUTES: { path: string; nav?: string }[] }>('routes.ts');
    expect(ROUTES.filter((r) => r.nav && !(r.nav in english)).map((r) => r.path)).toEqual([]);
  });

  test('every generic problem text exists (errors.code.*)', async () => {
    const { PROBLEM_CODES } = await webModule<{ PROBLEM_CODES: readonly string[] }>('problem-text.ts');
    expect(PROBLEM_CODES.map((c) => `errors.code.${c}`).filter((k) => !(k in english))).toEqual([]);
  });
});
