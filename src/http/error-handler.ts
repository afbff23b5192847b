import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { isUniqueViolation } from '../db/dialect.js';
import { DomainError, type ErrorCode, type FieldError, GENERIC_PROBLEMS, STATUS_BY_CODE, TITLE_BY_CODE } from '../lib/errors.js';
import { validationError } from '../lib/http/route.js';
import { type Problem, problem } from '../lib/problems/problem.js';

/**
 * Sends an RFC 9457 problem document: `code` and the English `detail` as ever, plus the problem's `key` and
 * `params` for a console that words it itself (docs/errors.md); without a problem, the code's generic key.
 */
export function sendProblem(
  reply: FastifyReply,
  code: ErrorCode | 'internal',
  detail: string,
  errors?: FieldError[],
  { key, params }: Problem = GENERIC_PROBLEMS[code],
  extra: Readonly<Record<string, unknown>> = {},
) {
  const status = code === 'internal' ? 500 : STATUS_BY_CODE[code];
  const title = code === 'internal' ? 'Internal Server Error' : TITLE_BY_CODE[code];
  return reply
    .code(status)
    .type('application/problem+json')
    .send({
      type: `https://kosmatrix.dev/problems/${code}`,
      title,
      status,
      code,
      key,
      params,
      detail,
      ...(errors ? { errors } : {}),
      ...extra,
    });
}

/**
 * The one place where errors become HTTP answers; internals are logged, never sent. A ZodError here is
 * input a use-case parsed itself (a route's response that fails its schema arrives as a
 * ResponseSchemaError instead, and is a 500 like any other unexpected error).
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof ZodError) error = validationError(error);
    if (error instanceof DomainError) return sendProblem(reply, error.code, error.message, error.errors, error, error.extra);
    if (isUniqueViolation(error))
      return sendProblem(
        reply,
        'conflict',
        'a record with the same unique value already exists',
        undefined,
        problem('record.duplicate'),
      );
    const status = 'statusCode' in error ? error.statusCode : undefined;
    if (status === 413)
      return sendProblem(reply, 'too_large', 'the request body is too large', undefined, problem('request.body_too_large'));
    if (status === 415) return sendProblem(reply, 'unsupported_media_type', error.message);
    if (status === 429) return sendProblem(reply, 'rate_limited', error.message);
    if (status && status >= 400 && status < 500)
      return sendProblem(reply, 'invalid', error.message, undefined, problem('request.unreadable'));
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, 'internal', 'an unexpected error occurred; it has been logged');
  });
}
