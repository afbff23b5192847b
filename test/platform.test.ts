import Fastify from 'fastify';
import { describe, expect, test } from 'vitest';
import { installErrorHandler } from '../src/http/error-handler.js';
import { useTestApp } from './support/app.js';
import { DIALECTS } from './support/database.js';

describe.each(DIALECTS)('platform routes on %s', (dialect) => {
  const t = useTestApp(dialect);

  test('/health answers ok without credentials', async () => {
    const res = await t.call(null, 'GET', '/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  test('/api/openapi.json is an OpenAPI 3.1 document with absolute paths for every resource', async () => {
    const doc = (await t.call(null, 'GET', '/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    const paths = Object.keys(doc.paths);
    for (const path of [
      '/api/v1/kos',
      '/api/v1/kos/{id}',
      '/api/v1/units',
      '/api/v1/members',
      '/api/v1/api-keys',
      '/api/v1/org',
      '/api/v1/products',
      '/api/v1/kos/{id}/accounts',
      '/api/v1/accounts/{id}',
      '/api/v1/me',
      '/api/v1/auth/login',
    ]) {
      expect(paths).toContain(path);
    }
    expect(paths.every((p) => p.startsWith('/api/'))).toBe(true);
    const createKos = doc.paths['/api/v1/kos'].post;
    expect(createKos.responses['201']).toBeDefined();
    expect(createKos.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['code', 'handle', 'name', 'relationship']),
    );
    expect(doc.paths['/api/v1/kos'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['limit', 'cursor', 'q', 'unitId', 'status', 'tier']),
    );
  });

  test('every OpenAPI operation has a unique operationId, derived from its method and path', async () => {
    const doc = (await t.call(null, 'GET', '/api/openapi.json')).json();
    const operations = Object.values(doc.paths as Record<string, Record<string, { operationId?: string }>>).flatMap((item) =>
      Object.values(item),
    );
    const ids = operations.map((op) => op.operationId);
    expect(operations.length).toBeGreaterThan(40);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z0-9]*$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths['/api/v1/kos'].get.operationId).toBe('getKos');
    expect(doc.paths['/api/v1/kos/{id}'].patch.operationId).toBe('patchKosById');
    expect(doc.paths['/api/v1/payouts/close'].post.operationId).toBe('postPayoutsClose');
    expect(doc.paths['/api/v1/api-keys/{id}'].delete.operationId).toBe('deleteApiKeysById');
  });

  test.each([
    ['/api/v1/payouts/export.csv', 'text/csv'],
    ['/api/v1/payouts/{id}/statement', 'text/html'],
    ['/api/v1/links/{id}/qr.svg', 'image/svg+xml'],
  ])('OpenAPI documents GET %s as 200 %s, not as 204', async (path, mediaType) => {
    const doc = (await t.call(null, 'GET', '/api/openapi.json')).json();
    const responses = doc.paths[path].get.responses;
    expect(responses['204']).toBeUndefined();
    expect(Object.keys(responses['200'].content)).toEqual([mediaType]);
    expect(responses['200'].content[mediaType].schema).toEqual({ type: 'string' });
  });

  test('a 204 answer stays documented as 204 without content', async () => {
    const doc = (await t.call(null, 'GET', '/api/openapi.json')).json();
    expect(doc.paths['/api/v1/api-keys/{id}'].delete.responses['204']).toEqual({ description: 'No Content' });
  });

  test('/api/docs serves a browsable page and its assets locally', async () => {
    const page = await t.call(null, 'GET', '/api/docs/');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('/api/openapi.json');
    expect((await t.call(null, 'GET', '/api/docs/swagger-ui-bundle.js')).statusCode).toBe(200);
    expect((await t.call(null, 'GET', '/api/docs')).statusCode).toBe(302);
  });

  test('unknown API routes, malformed JSON and oversized bodies answer problem+json', async () => {
    const org = await t.newOrg();
    const missing = await t.call(org.apiKey, 'GET', '/api/v1/nothing-here');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json()).toMatchObject({ status: 404, code: 'not_found', title: 'Not Found' });

    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/kos',
      headers: { authorization: `Bearer ${org.apiKey}`, 'content-type': 'application/json' },
      payload: '{"code": "AB',
    });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json().code).toBe('invalid');

    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/kos',
      headers: { authorization: `Bearer ${org.apiKey}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ bio: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('too_large');
  });
});

test('an unexpected error answers 500 problem+json without internals', async () => {
  const app = Fastify({ logger: false });
  installErrorHandler(app);
  app.get('/boom', async () => {
    throw new Error('db password is hunter2 at /srv/secret.ts:42');
  });
  const res = await app.inject({ method: 'GET', url: '/boom' });
  expect(res.statusCode).toBe(500);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json()).toMatchObject({ status: 500, code: 'internal' });
  expect(res.body).not.toMatch(/hunter2|secret\.ts/);
});
