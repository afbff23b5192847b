import { z } from 'zod';
import type { AnyRouteSpec } from './route.js';

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No Content' };

/** Builds an OpenAPI 3.1 document from the registered route specs (paths absolute, `{param}` style). */
export function buildOpenApi(specs: AnyRouteSpec[], info: { title: string; version: string }): object {
  const paths: Record<string, Record<string, unknown>> = {};
  const operationIds = new Set<string>();
  for (const spec of specs) {
    const path = spec.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const methods = Array.isArray(spec.method) ? spec.method : [spec.method];
    for (const method of methods) {
      const operationId =
        spec.operationId && methods.length === 1 ? spec.operationId : operationIdOf(method, spec.url, spec.operationId);
      if (operationIds.has(operationId)) throw new Error(`two OpenAPI operations are named ${operationId}`);
      operationIds.add(operationId);
      paths[path] ??= {};
      (paths[path] as Record<string, unknown>)[method.toLowerCase()] = { operationId, ...operation(spec) };
    }
  }
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'API key' },
        session: { type: 'apiKey', in: 'cookie', name: 'kos_session' },
      },
      schemas: { Problem: problemSchema },
    },
    paths,
  };
}

function operation(spec: AnyRouteSpec): object {
  const parameters = [...objectParameters(spec.params, 'path'), ...objectParameters(spec.query, 'query')];
  const [status, ok] = success(spec);
  const problem = {
    description: 'Problem',
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  };
  return {
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: spec.tags,
    ...(spec.auth === false ? { security: [] } : { security: [{ bearer: [] }, { session: [] }] }),
    ...(parameters.length ? { parameters } : {}),
    ...(spec.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } } } }
      : {}),
    ...(spec.bodyDoc
      ? { requestBody: { required: true, content: { [spec.bodyDoc.contentType]: { schema: spec.bodyDoc.schema } } } }
      : {}),
    responses: { [status]: ok, '4XX': problem },
  };
}

/** The success answer: JSON with the route's schema, another media type (`produces`), or 204 No Content. */
function success(spec: AnyRouteSpec): [string, object] {
  const status = String(spec.status ?? 200);
  const description = STATUS_TEXT[Number(status)] ?? 'OK';
  if (spec.response !== null)
    return [status, { description, content: { 'application/json': { schema: jsonSchema(spec.response, 'output') } } }];
  if (spec.produces) return [status, { description, content: { [spec.produces]: { schema: { type: 'string' } } } }];
  return ['204', { description: STATUS_TEXT[204] }];
}

/**
 * An operationId from the method and path: `GET /api/v1/kos` → `getKos`, `GET /api/v1/kos/:id` →
 * `getKosById`, `POST /api/v1/payouts/close` → `postPayoutsClose`, `GET /api/v1/links/:id/qr.svg` →
 * `getLinksByIdQrSvg`. With `base` (a spec's own id shared by several methods), the method is prefixed to it.
 */
export function operationIdOf(method: string, url: string, base?: string): string {
  const verb = method.toLowerCase();
  if (base) return `${verb}${base.charAt(0).toUpperCase()}${base.slice(1)}`;
  const words = url
    .replace(/^\/api\/v\d+\//, '')
    .split('/')
    .flatMap((segment) => (segment.startsWith(':') ? ['by', ...wordsOf(segment.slice(1))] : wordsOf(segment)));
  return verb + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

const wordsOf = (segment: string): string[] => segment.split(/[^A-Za-z0-9]+/).filter(Boolean);

function objectParameters(schema: z.ZodType | undefined, where: 'path' | 'query'): object[] {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): object {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

// `key` and `params`: what a console translates (docs/errors.md); `detail` and `message` stay English.
const problemKey = { type: 'string', description: 'stable problem key, e.g. kos.code.taken (docs/errors.md)' };
const problemParams = { type: 'object', additionalProperties: true, description: 'the values the key’s message needs' };
const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'code', 'key', 'params', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string' },
    key: problemKey,
    params: problemParams,
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { path: { type: 'string' }, message: { type: 'string' }, key: problemKey, params: problemParams },
      },
    },
  },
};
