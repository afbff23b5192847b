import { z } from 'zod';
import type { AnyRouteSpec } from './route.js';

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No Content' };

/** Builds an OpenAPI 3.1 document from the registered route specs (paths absolute, `{param}` style). */
export function buildOpenApi(specs: AnyRouteSpec[], info: { title: string; version: string }): object {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of specs) {
    const path = spec.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const methods = Array.isArray(spec.method) ? spec.method : [spec.method];
    for (const method of methods) {
      paths[path] ??= {};
      (paths[path] as Record<string, unknown>)[method.toLowerCase()] = operation(spec);
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
  const status = String(spec.status ?? 200);
  const ok =
    spec.response === null
      ? { description: STATUS_TEXT[204] }
      : {
          description: STATUS_TEXT[Number(status)] ?? 'OK',
          content: { 'application/json': { schema: jsonSchema(spec.response, 'output') } },
        };
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
    responses: { [spec.response === null ? '204' : status]: ok, '4XX': problem },
  };
}

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

const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'code', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
  },
};
