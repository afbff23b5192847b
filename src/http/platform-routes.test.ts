import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';

describe.each(DIALECTS)('API docs assets on %s', (dialect) => {
  const t = useTestApp(dialect);

  test.each([
    ['swagger-ui.css', 'text/css'],
    ['swagger-ui-bundle.js', 'javascript'],
    ['api-docs-init.js', 'javascript'],
    ['favicon-32x32.png', 'image/png'],
    ['favicon-16x16.png', 'image/png'],
  ])('serves /api/docs/%s, which the docs page loads', async (file, type) => {
    const res = await t.call(null, 'GET', `/api/docs/${file}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(type);
    expect((await t.call(null, 'GET', '/api/docs/')).body).toContain(`/api/docs/${file}`);
  });

  test('the init script starts Swagger UI on the page’s document URL', async () => {
    const script = (await t.call(null, 'GET', '/api/docs/api-docs-init.js')).body;
    expect(script).toContain('SwaggerUIBundle(');
    expect((await t.call(null, 'GET', '/api/docs/')).body).toContain('data-url="/api/openapi.json"');
  });

  test.each([
    'package.json',
    'index.html',
    'swagger-initializer.js',
    'swagger-ui-bundle.js.map',
    'swagger-ui.js',
    'oauth2-redirect.html',
    'README.md',
    'LICENSE',
    '..%2Fpackage.json',
    'SWAGGER-UI.CSS',
  ])('any other file under /api/docs/ (%s) answers the API 404', async (file) => {
    const res = await t.call(null, 'GET', `/api/docs/${file}`);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, code: 'not_found' });
  });
});
