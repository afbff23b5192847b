/** The closed set of domain error codes; each maps to exactly one HTTP status (see STATUS_BY_CODE). */
export type ErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invalid'
  | 'too_large'
  | 'unsupported_media_type'
  | 'rate_limited';

export interface FieldError {
  path: string;
  message: string;
}

/** An expected failure of a use-case, answered as application/problem+json. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
  }
}

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 422,
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
  too_large: 'Content Too Large',
  unsupported_media_type: 'Unsupported Media Type',
  rate_limited: 'Too Many Requests',
};

export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);
export const forbidden = (why = 'your role or unit scope does not allow this') => new DomainError('forbidden', why);
export const conflict = (message: string, path?: string) =>
  new DomainError('conflict', message, path ? [{ path, message }] : undefined);
export const invalid = (path: string, message: string) => new DomainError('invalid', `${path}: ${message}`, [{ path, message }]);

/**
 * A 422 for a request whose fields failed validation, every field error kept and the first one named in
 * the detail (`name: Required (and 2 more)`), so the route's schemas and the input guard read alike.
 */
export function invalidFields(errors: FieldError[]): DomainError {
  const first = errors[0];
  const detail = first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'invalid input';
  return new DomainError('invalid', errors.length > 1 ? `${detail} (and ${errors.length - 1} more)` : detail, errors);
}
