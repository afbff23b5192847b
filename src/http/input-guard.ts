import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type FieldError, invalidFields } from '../lib/errors.js';
import { inputProblems } from '../lib/input-problems.js';

/** The problems of a request's params, query and parsed JSON body, each named as the route's 422s name them. */
function requestProblems(request: FastifyRequest): FieldError[] {
  return [
    ...inputProblems(request.params, 'params'),
    ...inputProblems(request.query, 'query'),
    ...inputProblems(request.body, 'body'),
  ];
}

/**
 * Refuses, for every route, input that the two databases would treat differently or that could
 * overflow the stack of whatever walks it: a NUL or lone surrogate in a path parameter, query value
 * or body string (PostgreSQL fails the query where SQLite stores it), and a JSON body nested deeper
 * than MAX_JSON_DEPTH. Runs after Fastify's JSON parse (V8's JSON.parse is iterative and does not
 * overflow) and before any route's zod schema, so no schema has to repeat the rule. Bodies the route
 * keeps raw (the webhook's Buffer) are not walked: their route checks them.
 */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const errors = requestProblems(request);
    if (errors.length > 0) throw invalidFields(errors);
  });
}
