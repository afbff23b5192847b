import type { TFunction } from 'i18next';
import { ApiError, type FieldProblem, NetworkError, type Problem, type ProblemParams } from './api';
import type { ImportReport } from './types';

/**
 * Server problems in the user's language. The server's `detail` and `errors[].message` are English for
 * developers; users read, in order: the translation of the problem's stable `key` (from
 * i18n/<locale>/problems.json, filled with its `params`), then — in the English console only — the
 * server's own sentence, then a generic text for its code (i18n/<locale>/errors.json).
 */
export const PROBLEM_CODES = [
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'invalid',
  'too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

const CODE_BY_STATUS: Record<number, ProblemCode> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  400: 'invalid',
  422: 'invalid',
  413: 'too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** The problem's code if it is one of ours, else the one its HTTP status stands for. */
export function problemCode(problem: Pick<Problem, 'status' | 'code'>): ProblemCode {
  const code = problem.code as ProblemCode | undefined;
  if (code && PROBLEM_CODES.includes(code)) return code;
  return CODE_BY_STATUS[problem.status] ?? 'internal';
}

/** Translation keys of a server `key`, under the `problems` area. */
const keysOf = (key: string | undefined) => (key ? [`problems.${key}`] : []);

/**
 * Looks in `language` alone: with i18next's fallback to English, a key not yet translated would show
 * English in the vi or zh-CN console before the generic text in the user's language was tried.
 */
const only = (language: string, params: ProblemParams | undefined, defaultValue?: string) => ({
  ...params,
  lngs: [language],
  ...(defaultValue === undefined ? {} : { defaultValue }),
});

/** The sentence to show for a whole problem (an ErrorBox, a form's summary). */
export function problemText(problem: Problem, t: TFunction, language: string): string {
  const keys = keysOf(problem.key);
  if (language === 'en' && problem.detail)
    return keys.length ? t(keys, only(language, problem.params, problem.detail)) : problem.detail;
  return t([...keys, `errors.code.${problemCode(problem)}`], only(language, problem.params));
}

/** The sentence to show under one field of a problem's `errors[]`. */
export function fieldProblemText(item: FieldProblem, problem: Problem, t: TFunction, language: string): string {
  const keys = keysOf(item.key);
  if (language === 'en' && item.message) return keys.length ? t(keys, only(language, item.params, item.message)) : item.message;
  const generic = problemCode(problem) === 'conflict' ? 'errors.field.conflict' : 'errors.field.invalid';
  return t([...keys, generic], only(language, item.params));
}

/**
 * A problem the server stored with a record instead of answering it (a failed import's `failedKey` and
 * `failedParams`, its English `failedReason`): the key translated, else — in the English console only — the
 * server's sentence, else null, for the caller's own generic text: never English in the vi or zh-CN console.
 */
export function storedProblemText(
  stored: { key?: string; params?: Readonly<Record<string, unknown>>; message?: string },
  t: TFunction,
  language: string,
): string | null {
  const keys = keysOf(stored.key);
  const params = stored.params as ProblemParams | undefined;
  if (language === 'en' && stored.message) return keys.length ? t(keys, only(language, params, stored.message)) : stored.message;
  if (!keys.length) return null;
  return t(keys, only(language, params, '')) || null;
}

/** Why an import failed, in the reader's language; null where only English could say it (an older import). */
export const importFailureText = (
  report: Pick<ImportReport, 'failedKey' | 'failedParams' | 'failedReason'>,
  t: TFunction,
  language: string,
): string | null =>
  storedProblemText({ key: report.failedKey, params: report.failedParams, message: report.failedReason }, t, language);

/** The problem inside an error thrown by `api()` (or a problem passed as it is), else null. */
export function problemOf(error: unknown): Problem | null {
  if (error instanceof ApiError) return error.problem;
  if (error && typeof error === 'object' && typeof (error as Problem).status === 'number') return error as Problem;
  return null;
}

/** Any error as a sentence: a problem as above; a failed fetch or a bug as a generic text. */
export function errorText(error: unknown, t: TFunction, language: string): string {
  const problem = problemOf(error);
  if (problem) return problemText(problem, t, language);
  if (error instanceof NetworkError) return t('errors.network');
  if (language === 'en' && error instanceof Error && error.message) return error.message;
  return t('errors.unexpected');
}
