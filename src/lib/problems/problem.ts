import { ACCESS_PROBLEMS } from './access-problems.js';
import { CONTEST_PROBLEMS } from './contest-problems.js';
import { FIELD_PROBLEMS } from './field-problems.js';
import { IMPORT_PROBLEMS } from './import-problems.js';
import { MAPPING_PROBLEMS } from './mapping-problems.js';
import { MATRIX_PROBLEMS } from './matrix-problems.js';
import { RECRUITMENT_PROBLEMS } from './recruitment-problems.js';
import { RESOURCE_PROBLEMS } from './resource-problems.js';
import { RUN_SHEET_PROBLEMS } from './run-sheet-problems.js';
import { TIER_PROBLEMS } from './tier-problems.js';
import { TRAINING_PROBLEMS } from './training-problems.js';

/**
 * Every problem key the server answers with, and its English text (i18next syntax: `{{name}}`, `{{name, list}}`,
 * `{{name, number}}`). The console translates a problem by its key (web/src/i18n/<locale>/problems.json);
 * docs/errors.md lists them. The parts are kept by area; the registry test checks that no key is in two.
 */
export const PROBLEMS = {
  ...ACCESS_PROBLEMS,
  ...FIELD_PROBLEMS,
  ...RESOURCE_PROBLEMS,
  ...IMPORT_PROBLEMS,
  ...RECRUITMENT_PROBLEMS,
  ...MATRIX_PROBLEMS,
  ...TIER_PROBLEMS,
  ...CONTEST_PROBLEMS,
  ...TRAINING_PROBLEMS,
  ...RUN_SHEET_PROBLEMS,
  ...MAPPING_PROBLEMS,
} as const;

export type ProblemKey = keyof typeof PROBLEMS;

/** A value a message needs: JSON only, so it crosses a thread and is stored with an import report as is. */
export type ParamValue = string | number | boolean | null | readonly string[] | readonly number[];
export type ProblemParams = Readonly<Record<string, ParamValue>>;

/** The names in a template's `{{name}}` / `{{name, format}}` placeholders. */
type Placeholders<S extends string> = S extends `${string}{{${infer P}}}${infer Rest}`
  ? (P extends `${infer Name},${string}` ? Name : P) | Placeholders<Rest>
  : never;

/** The params a key's message needs: exactly the placeholders of its English text. */
export type ParamsOf<K extends ProblemKey> = { readonly [P in Placeholders<(typeof PROBLEMS)[K]>]: ParamValue };

/** No argument for a key without placeholders, the params object otherwise. */
export type ParamsArg<K extends ProblemKey> = [Placeholders<(typeof PROBLEMS)[K]>] extends [never] ? [] : [params: ParamsOf<K>];

/** What a client translates: a stable key and the values its message needs. */
export interface Problem {
  readonly key: ProblemKey;
  readonly params: ProblemParams;
}

/**
 * A problem by key, its params checked against the key's English text at compile time:
 * `problem('kos.code.taken', { code })`, `problem('field.required')`.
 */
export function problem<K extends ProblemKey>(key: K, ...params: ParamsArg<K>): Problem {
  return { key, params: params[0] ?? {} };
}

/** Whether a value (a zod issue's params, a thread's message) carries a known problem. */
export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const { key, params } = value as { key?: unknown; params?: unknown };
  return typeof key === 'string' && Object.hasOwn(PROBLEMS, key) && typeof params === 'object' && params !== null;
}
