import type { z } from 'zod';
import { isProblem, type ParamsArg, type Problem, type ProblemKey, problem } from './problems/problem.js';

/**
 * Custom messages registered by `keyed`, by their text. A refine or an `addIssue` carries its problem in
 * the issue's `params`, but zod drops params from the issues of its own checks (`.regex`, `.max`…): for
 * those, the message given to the check names the key.
 */
const KEYED = new Map<string, Problem>();

/**
 * A schema's own message with its problem key, for any zod check: `.regex(KOS_CODE, keyed('kos.code.format',
 * 'must be …'))`, `.refine(isCurrency, keyed('field.currency', 'must be …'))`, `ctx.addIssue({ code: 'custom',
 * ...keyed('field.listed_twice', 'is listed twice') })`. One text means one problem: a text registered
 * twice with another key is a programming error, thrown when the schema module loads.
 */
export function keyed<K extends ProblemKey>(
  key: K,
  message: string,
  ...params: ParamsArg<K>
): { message: string; params: { problem: Problem } } {
  const made = problem(key, ...params);
  const known = KEYED.get(message);
  if (known && JSON.stringify(known) !== JSON.stringify(made))
    throw new Error(`the message "${message}" is keyed both ${known.key} and ${made.key}`);
  KEYED.set(message, made);
  return { message, params: { problem: made } };
}

const toNumber = (value: number | bigint): number => Number(value);

/** too_small / too_big by what was measured: characters of a text, items of a list, or a value. */
function sizeProblem(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): Problem {
  const small = issue.code === 'too_small';
  const bound = toNumber(small ? issue.minimum : issue.maximum);
  if (issue.origin === 'string') {
    if (issue.exact) return problem('field.wrong_length', { length: bound });
    if (small && bound === 1) return problem('field.empty');
    return small ? problem('field.too_short', { minimum: bound }) : problem('field.too_long', { maximum: bound });
  }
  if (issue.origin === 'array' || issue.origin === 'set')
    return small ? problem('field.too_few', { minimum: bound }) : problem('field.too_many', { maximum: bound });
  const exclusive = issue.inclusive === false;
  if (small)
    return exclusive ? problem('field.too_small_exclusive', { minimum: bound }) : problem('field.too_small', { minimum: bound });
  return exclusive ? problem('field.too_big_exclusive', { maximum: bound }) : problem('field.too_big', { maximum: bound });
}

const FORMATS: Readonly<Record<string, Problem>> = {
  email: problem('field.email'),
  datetime: problem('field.datetime'),
  date: problem('field.calendar_date'),
  url: problem('field.url'),
  regex: problem('field.pattern'),
};

/**
 * The problem of one zod issue: the key a schema gave it (`keyed`), else one derived from zod's issue code
 * with the bound or options as params (docs/errors.md, "Field keys"). A missing value is `field.required`:
 * known from the issue's input when the parse reported it (`reportInput`), else from zod's wording.
 */
export function issueProblem(issue: z.core.$ZodIssue): Problem {
  if (issue.code === 'custom' && isProblem(issue.params?.problem)) return issue.params.problem;
  const own = KEYED.get(issue.message);
  if (own) return own;
  switch (issue.code) {
    case 'invalid_type': {
      const missing = 'input' in issue ? issue.input === undefined : / received undefined$/.test(issue.message);
      if (missing) return problem('field.required');
      if (issue.expected === 'int') return problem('field.not_integer');
      return problem('field.invalid_type', { expected: issue.expected });
    }
    case 'too_small':
    case 'too_big':
      return sizeProblem(issue);
    case 'invalid_format':
      return FORMATS[issue.format] ?? problem('field.format', { format: issue.format });
    case 'not_multiple_of':
      return problem('field.not_multiple_of', { divisor: toNumber(issue.divisor) });
    case 'unrecognized_keys':
      return problem('field.unknown_keys', { keys: issue.keys });
    case 'invalid_value':
      return problem('field.invalid_option', { options: issue.values.map(String) });
    default:
      // invalid_union, invalid_key, invalid_element, and a custom issue without a key
      return problem('field.invalid');
  }
}
