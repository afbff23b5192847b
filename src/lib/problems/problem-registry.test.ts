import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import i18next from 'i18next';
import { describe, expect, test } from 'vitest';
import { ACCESS_PROBLEMS } from './access-problems.js';
import { CONTEST_PROBLEMS } from './contest-problems.js';
import { FIELD_PROBLEMS } from './field-problems.js';
import { IMPORT_PROBLEMS } from './import-problems.js';
import { MAPPING_PROBLEMS } from './mapping-problems.js';
import { MATRIX_PROBLEMS } from './matrix-problems.js';
import { PROBLEMS } from './problem.js';
import { englishProblemsJson, placeholders, withProblemKeys } from './problem-docs.js';
import { RECRUITMENT_PROBLEMS } from './recruitment-problems.js';
import { RESOURCE_PROBLEMS } from './resource-problems.js';
import { RUN_SHEET_PROBLEMS } from './run-sheet-problems.js';
import { TIER_PROBLEMS } from './tier-problems.js';
import { TRAINING_PROBLEMS } from './training-problems.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const LOCALES = ['en', 'vi', 'zh-CN'] as const;
const KEYS = Object.keys(PROBLEMS).sort();
const KEY_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

const translations = (locale: string): Record<string, string> =>
  JSON.parse(readFileSync(join(ROOT, 'web', 'src', 'i18n', locale, 'problems.json'), 'utf8'));

/** The TypeScript sources of src/, tests left out: where keys are used. */
function sources(dir = join(ROOT, 'src')): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    if (!name.endsWith('.ts') || name.endsWith('.test.ts')) return [];
    return [{ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }];
  });
}

/** The text of the call whose `(` is at `open`, up to its matching `)`. */
function callText(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth += 1;
    if (text[i] === ')' && --depth === 0) return text.slice(open, i + 1);
  }
  return text.slice(open);
}

const names = (message: string) => placeholders(message).map((p) => p.name);

describe('the problem-key registry', () => {
  test('no key is in two parts, and each is dotted lower case', () => {
    const parts = [
      ACCESS_PROBLEMS,
      FIELD_PROBLEMS,
      RESOURCE_PROBLEMS,
      IMPORT_PROBLEMS,
      RECRUITMENT_PROBLEMS,
      MATRIX_PROBLEMS,
      TIER_PROBLEMS,
      CONTEST_PROBLEMS,
      TRAINING_PROBLEMS,
      RUN_SHEET_PROBLEMS,
      MAPPING_PROBLEMS,
    ];
    expect(parts.reduce((n, part) => n + Object.keys(part).length, 0)).toBe(KEYS.length);
    expect(KEYS.filter((key) => !KEY_PATTERN.test(key))).toEqual([]);
  });

  test('no key is the dotted prefix of another (the keys read flat or nested alike)', () => {
    expect(KEYS.filter((key) => KEYS.some((other) => other.startsWith(`${key}.`)))).toEqual([]);
  });

  test('no param is named count or context (i18next would pick plural or context forms by them)', () => {
    const params = new Set(Object.values(PROBLEMS).flatMap(names));
    expect([...params].filter((name) => name === 'count' || name === 'context')).toEqual([]);
  });

  test('every 404 key has no params: its English text is the detail as it stands (errors.ts notFound)', () => {
    const notFound = KEYS.filter((key) => key.endsWith('.not_found'));
    expect(notFound.filter((key) => names(PROBLEMS[key as keyof typeof PROBLEMS]).length > 0)).toEqual([]);
  });

  test.each(LOCALES)('%s/problems.json has every key, each with exactly its params', (locale) => {
    const texts = translations(locale);
    expect(Object.keys(texts).sort()).toEqual(KEYS);
    for (const key of KEYS) {
      const text = texts[key] as string;
      expect(text.trim(), key).not.toBe('');
      expect(names(text).sort(), key).toEqual(names(PROBLEMS[key as keyof typeof PROBLEMS]).sort());
    }
  });

  test('the English file and the key list of docs/errors.md are the registry (node --import tsx scripts/problem-keys.ts)', () => {
    expect(readFileSync(join(ROOT, 'web', 'src', 'i18n', 'en', 'problems.json'), 'utf8')).toBe(englishProblemsJson());
    const docs = readFileSync(join(ROOT, 'docs', 'errors.md'), 'utf8');
    expect(docs).toBe(withProblemKeys(docs));
  });

  test('every key used in src/ is in the registry, and every registry key is used', () => {
    const code = sources();
    const literals = new Set(
      code.flatMap(({ text }) => [...text.matchAll(/'([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)'/g)].map((m) => m[1])),
    );
    const resources = new Set(code.flatMap(({ text }) => [...text.matchAll(/notFound\('([a-z_]+)'\)/g)].map((m) => m[1])));
    // Keys built from a template literal (`webhook.signature.${failure}`): their prefix stands for them.
    const prefixes = code.flatMap(({ text }) => [...text.matchAll(/`([a-z_]+(?:\.[a-z_]+)+\.)\$\{/g)].map((m) => m[1] as string));
    const used = (key: string) =>
      literals.has(key) ||
      (key.endsWith('.not_found') && resources.has(key.slice(0, -'.not_found'.length))) ||
      prefixes.some((prefix) => key.startsWith(prefix));
    expect(KEYS.filter((key) => !used(key))).toEqual([]);
    for (const resource of resources) expect(KEYS).toContain(`${resource}.not_found`);
  });

  test('every schema message of src/ (regex, refine, addIssue) names its key with keyed()', () => {
    const unkeyed = sources().flatMap(({ path, text }) =>
      [...text.matchAll(/\.(regex|refine)\(|addIssue\(/g)]
        .map((m) => callText(text, (m.index as number) + m[0].length - 1))
        .filter((call) => !call.includes('keyed(') && !/\.\.\.[A-Za-z_]+\s*}/.test(call))
        .map((call) => `${path}: ${call.slice(0, 80)}`),
    );
    expect(unkeyed).toEqual([]);
  });
});

describe('the translations through i18next', () => {
  const sample = (message: string) =>
    Object.fromEntries(
      placeholders(message).map(({ name, format }) => [
        name,
        format?.startsWith('list') ? ['alpha', 'beta', 'gamma'] : format === 'number' ? 12345 : `«${name}»`,
      ]),
    );

  test.each(LOCALES)('every %s text renders with its params: nothing left unfilled', async (locale) => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: locale,
      resources: { [locale]: { problems: translations(locale) } },
      interpolation: { escapeValue: false },
    });
    for (const key of KEYS) {
      const text = i18n.t(key, { ns: 'problems', ...sample(PROBLEMS[key as keyof typeof PROBLEMS]) });
      expect(text, key).not.toBe(key);
      expect(text, key).not.toMatch(/\{\{|undefined|\[object/);
    }
  });

  test('lists and numbers are written in the reader’s language', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'en',
      resources: Object.fromEntries(LOCALES.map((locale) => [locale, { problems: translations(locale) }])),
      interpolation: { escapeValue: false },
    });
    const columns = { columns: ['orderId', 'status'] };
    expect(i18n.t('import.file.missing_columns', { ns: 'problems', ...columns })).toBe(
      'missing required column(s): orderId and status',
    );
    expect(i18n.t('field.invalid_option', { ns: 'problems', options: ['shopee', 'lazada', 'generic'] })).toBe(
      'must be one of shopee, lazada, or generic',
    );
    expect(i18n.t('field.too_long', { ns: 'problems', lng: 'vi', maximum: 1000 })).toBe('Không được dài quá 1.000 ký tự.');
    expect(i18n.t('import.file.missing_columns', { ns: 'problems', lng: 'zh-CN', ...columns })).toBe(
      '缺少必需的列：orderId和status。',
    );
  });
});
