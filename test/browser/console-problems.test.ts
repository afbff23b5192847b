import i18next from 'i18next';
import { describe, expect, test } from 'vitest';
import { readLocaleFiles } from './locale-files.js';
import { webModule } from './web-module.js';

/** problemText / fieldProblemText (web/src/problem-text.ts) with the console's real texts. */
type T = (key: string | string[], options?: object) => string;
type Problem = { status: number; code?: string; detail?: string; key?: string; params?: object };
const texts = await webModule<{
  problemText(p: Problem, t: T, language: string): string;
  fieldProblemText(
    item: { path: string; message: string; key?: string; params?: object },
    p: Problem,
    t: T,
    language: string,
  ): string;
  importFailureText(
    report: { failedKey?: string; failedParams?: Record<string, unknown>; failedReason?: string },
    t: T,
    language: string,
  ): string | null;
}>('problem-text.ts');

describe('problems in the user’s language', async () => {
  const resources = readLocaleFiles();
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: Object.fromEntries(Object.entries(resources).map(([l, r]) => [l, { translation: r.nested }])),
    lng: 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  const t = i18n.t.bind(i18n) as T;
  const taken: Problem = {
    status: 409,
    code: 'conflict',
    key: 'kos.code.taken',
    params: { code: 'LAN01' },
    detail: 'KOS code LAN01 is taken in this organisation',
  };
  const untranslated: Problem = { status: 409, code: 'conflict', key: 'no.such.key', detail: 'an English sentence' };
  /** The translation of a problem key in `language`, filled by hand (problems.json is the server engineer's wording). */
  const wording = (language: 'vi' | 'zh-CN', key: string, params: Record<string, string> = {}) =>
    Object.entries(params).reduce((s, [k, v]) => s.replaceAll(`{{${k}}}`, v), resources[language].flat[`problems.${key}`] ?? '');

  test('the wording used below exists', () => {
    expect(wording('vi', 'kos.code.taken')).toContain('{{code}}');
    expect(wording('zh-CN', 'kos.code.taken')).toContain('{{code}}');
  });

  test.each([
    ['vi', 'a known key, with its params', taken, wording('vi', 'kos.code.taken', { code: 'LAN01' })],
    ['zh-CN', 'a known key, with its params', taken, wording('zh-CN', 'kos.code.taken', { code: 'LAN01' })],
    ['vi', 'a key it lacks: the generic text of the code', untranslated, resources.vi.flat['errors.code.conflict']],
    [
      'zh-CN',
      'no key: the generic text of the status',
      { status: 403, detail: 'role viewer may not do this' },
      resources['zh-CN'].flat['errors.code.forbidden'],
    ],
    ['en', 'a key it lacks: the server’s detail', untranslated, 'an English sentence'],
    ['en', 'no detail: the generic text', { status: 500 }, resources.en.flat['errors.code.internal']],
  ])('%s, %s', (language, _, problem, want) => {
    expect(texts.problemText(problem, t, language)).toBe(want);
  });

  test('a key English has but vi lacks never shows the English text in vi', () => {
    i18n.addResource('en', 'translation', 'problems.only.english', 'only in English');
    const problem = { status: 422, code: 'invalid', key: 'only.english', detail: 'x' };
    expect(texts.problemText(problem, t, 'en')).toBe('only in English');
    expect(texts.problemText(problem, t, 'vi')).toBe(resources.vi.flat['errors.code.invalid']);
  });

  test.each([
    [
      'vi',
      { path: 'code', message: 'must be 4–16 characters A–Z or 0–9', key: 'kos.code.format' },
      wording('vi', 'kos.code.format'),
    ],
    ['zh-CN', { path: 'code', message: 'is odd', key: 'no.such.key' }, resources['zh-CN'].flat['errors.field.invalid']],
    ['en', { path: 'code', message: 'is odd', key: 'no.such.key' }, 'is odd'],
  ])('a field error in %s', (language, item, want) => {
    expect(texts.fieldProblemText(item, { status: 422, code: 'invalid' }, t, language)).toBe(want);
  });

  const stopped = {
    failedKey: 'import.failed.stopped_during',
    failedParams: { rows: 400 },
    failedReason: 'the server stopped during this import after 400 rows were committed; import the file again',
  };
  /** Failed before keys were stored: the English reason alone. */
  const older = { failedReason: 'the server stopped during this import (before an upgrade)' };
  test.each([
    ['vi', stopped, wording('vi', 'import.failed.stopped_during').replace('{{rows, number}}', '400')],
    ['zh-CN', stopped, wording('zh-CN', 'import.failed.stopped_during').replace('{{rows, number}}', '400')],
    ['en', stopped, resources.en.flat['problems.import.failed.stopped_during']?.replace('{{rows, number}}', '400')],
    ['vi', older, null],
    ['zh-CN', older, null],
    ['en', older, older.failedReason],
  ])('a failed import’s reason in %s', (language, report, want) => {
    expect(texts.importFailureText(report, t, language)).toBe(want);
  });
});
