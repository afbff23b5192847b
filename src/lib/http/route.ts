import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { z } from 'zod';
import { type DomainError, type FieldError, invalidFields } from '../errors.js';
import { issueProblem } from '../zod-problems.js';

export interface RouteContext<TAuth, P, Q, B> {
  params: P;
  query: Q;
  body: B;
  auth: TAuth;
  request: FastifyRequest;
  reply: FastifyReply;
  /** Answers with another success status than the spec's (e.g. 200 for a repeated close). */
  setStatus(status: number): void;
}

export interface RouteSpec<TAuth, P, Q, B, R> {
  method: HTTPMethods;
  /** Fastify path, `:param` style; shown in OpenAPI as `{param}`. */
  url: string;
  summary: string;
  tags: string[];
  /** Default true: the route needs a caller (API key or session). */
  auth?: boolean;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Response body schema; `null` for 204 No Content. */
  response: z.ZodType<R> | null;
  status?: number;
  description?: string;
  /** A request body that is not JSON (multipart upload), for the OpenAPI document only. */
  bodyDoc?: { contentType: string; schema: object };
  /**
   * The media type of a success answer that is not JSON (`text/csv`, `text/html`, `image/svg+xml`), sent by
   * the handler itself with `response: null`; for the OpenAPI document only.
   */
  produces?: string;
  /** The OpenAPI `operationId`; by default derived from the method and path (`getKos`, `postPayoutsClose`). */
  operationId?: string;
  handler(ctx: RouteContext<TAuth, P, Q, B>): Promise<R>;
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds specs of every shape
export type AnyRouteSpec = RouteSpec<any, any, any, any, any>;

export interface Router<TAuth> {
  readonly specs: AnyRouteSpec[];
  route<P = unknown, Q = unknown, B = unknown, R = unknown>(spec: RouteSpec<TAuth, P, Q, B, R>): void;
}

/**
 * Registers routes whose input (params, query, body) and output are parsed by zod, and remembers
 * them for the OpenAPI document. Input failures answer 422 with one error per field path; a result that
 * fails the route's own response schema throws a ResponseSchemaError (a logged 500, never a 422).
 */
export function createRouter<TAuth>(
  app: FastifyInstance,
  authenticate: (request: FastifyRequest) => Promise<TAuth>,
  specs: AnyRouteSpec[] = [],
): Router<TAuth> {
  return {
    specs,
    route(spec) {
      specs.push(spec as AnyRouteSpec);
      app.route({
        method: spec.method,
        url: spec.url,
        handler: async (request, reply) => {
          const auth = spec.auth === false ? (undefined as TAuth) : await authenticate(request);
          const params = parseInput(spec.params, request.params, 'params');
          const query = parseInput(spec.query, withoutEmpty(request.query), 'query');
          const body = parseInput(spec.body, request.body ?? {}, 'body');
          let status = spec.status ?? 200;
          const result = await spec.handler({ params, query, body, auth, request, reply, setStatus: (code) => (status = code) });
          if (reply.sent) return reply;
          reply.code(status);
          if (spec.response === null) return reply.send();
          return reply.send(parseResponse(spec.response, result, spec.method, spec.url));
        },
      });
    },
  };
}

/** `?tier=&q=` means no filter: empty query values are dropped before validation. */
function withoutEmpty(query: unknown): unknown {
  if (typeof query !== 'object' || query === null) return query;
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''));
}

function parseInput<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  // The input is reported so that a missing field is told from a wrong one (`field.required`); it is not sent.
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw validationError(result.error, where);
}

/**
 * A zod error as a 422 DomainError; paths are dotted (`taxProfile.taxCode`, `faqs.0.q`), and each issue
 * gets its problem key from zod-problems.ts, the one place where zod issues become keys.
 */
export function validationError(error: z.ZodError, where?: string): DomainError {
  const errors: FieldError[] = error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join('.') : (where ?? ''),
    message: issue.message,
    ...issueProblem(issue),
  }));
  return invalidFields(errors);
}

/**
 * A handler's result that its own response schema refuses: our bug, not the client's. It is deliberately
 * not a ZodError (which the error handler answers as a 422) nor a DomainError, so it is logged and
 * answered as a 500 without detail; `issues` is an own property so the log shows what did not match.
 */
export class ResponseSchemaError extends Error {
  readonly issues: z.ZodError['issues'];

  constructor(method: string, url: string, error: z.ZodError) {
    super(`the response of ${method} ${url} does not match its schema`);
    this.name = 'ResponseSchemaError';
    this.issues = error.issues;
  }
}

function parseResponse<R>(schema: z.ZodType<R>, result: R, method: string, url: string): R {
  const parsed = schema.safeParse(result);
  if (parsed.success) return parsed.data;
  throw new ResponseSchemaError(method, url, parsed.error);
}
