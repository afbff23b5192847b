import { PROBLEMS, type Problem, type ProblemKey, type ProblemParams, problem } from './problems/problem.js';

/** The closed set of domain error codes; each maps to exactly one HTTP status (see STATUS_BY_CODE). */
export type ErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invalid'
  /** A quiz answered below its pass mark (422, docs/training.md); the problem carries `lastQuiz`. */
  | 'quiz_failed'
  | 'too_large'
  | 'unsupported_media_type'
  | 'rate_limited';

/**
 * One field's problem: `message` in English (as the API has always said it), `key` and `params` for a client
 * that words it itself (docs/errors.md).
 */
export interface FieldError extends Problem {
  path: string;
  message: string;
}

/**
 * An expected failure of a use-case, answered as application/problem+json. `message` is the English
 * `detail`; the problem's `key` and `params` say the same for a console in another language.
 */
export class DomainError extends Error {
  readonly key: ProblemKey;
  readonly params: ProblemParams;

  constructor(
    readonly code: ErrorCode,
    problem: Problem,
    message: string,
    readonly errors?: FieldError[],
    /** Members of the problem document beyond the standard ones (`lastQuiz` of a failed quiz). */
    readonly extra?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.key = problem.key;
    this.params = problem.params;
  }
}

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 422,
  quiz_failed: 422,
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
};

export const TITLE_BY_CODE: Record<ErrorCode, string> = {
  unauthorized: 'Unauthorized',
  forbidden: 'Forbidden',
  not_found: 'Not Found',
  conflict: 'Conflict',
  invalid: 'Unprocessable Content',
  quiz_failed: 'Unprocessable Content',
  too_large: 'Content Too Large',
  unsupported_media_type: 'Unsupported Media Type',
  rate_limited: 'Too Many Requests',
};

/** The key of an answer that names none: its code's generic key (`http.not_found`…). */
export const GENERIC_PROBLEMS: Record<ErrorCode | 'internal', Problem> = {
  unauthorized: problem('http.unauthorized'),
  forbidden: problem('http.forbidden'),
  not_found: problem('http.not_found'),
  conflict: problem('http.conflict'),
  invalid: problem('http.invalid'),
  quiz_failed: problem('enrolment.quiz.not_passed'),
  too_large: problem('http.too_large'),
  unsupported_media_type: problem('http.unsupported_media_type'),
  rate_limited: problem('http.rate_limited'),
  internal: problem('http.internal'),
};

/** The resources whose 404 has a key of its own, `<resource>.not_found` (its English text is the detail). */
export type Resource = Exclude<ProblemKey extends infer K ? (K extends `${infer R}.not_found` ? R : never) : never, 'http'>;

/** A field error with its key: `fieldError('validTo', problem('plan.valid_to.before_valid_from'), 'must be …')`. */
export const fieldError = (path: string, problem: Problem, message: string): FieldError => ({ path, message, ...problem });

/** 404 for a resource: `notFound('payout')` → `payout not found`, key `payout.not_found`. */
export function notFound(resource: Resource): DomainError {
  const key: ProblemKey = `${resource}.not_found`;
  return new DomainError('not_found', { key, params: {} }, PROBLEMS[key]);
}

/** 403 with the reason in English and as a key. */
export const forbidden = (problem: Problem, why: string) => new DomainError('forbidden', problem, why);

/** 409; with `path`, the conflict is also that field's error (`slug`, `code`…). */
export const conflict = (problem: Problem, message: string, path?: string) =>
  new DomainError('conflict', problem, message, path ? [fieldError(path, problem, message)] : undefined);

/** 422 for one field: the detail is `path: message`, the problem's key is the field's. */
export const invalid = (path: string, problem: Problem, message: string) =>
  new DomainError('invalid', problem, `${path}: ${message}`, [fieldError(path, problem, message)]);

/**
 * A 422 for a request whose fields failed validation, every field error kept and the first one named in
 * the detail (`name: Required (and 2 more)`) and in the problem's key and params, so the route's schemas
 * and the input guard read alike.
 */
export function invalidFields(errors: FieldError[]): DomainError {
  const first = errors[0];
  const detail = first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'invalid input';
  const keyed = first ? { key: first.key, params: first.params } : GENERIC_PROBLEMS.invalid;
  return new DomainError('invalid', keyed, errors.length > 1 ? `${detail} (and ${errors.length - 1} more)` : detail, errors);
}
