import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { HTML_PAGE_HEADERS, SECURITY_HEADERS } from './security-headers.js';

/** The CSP as a directive → value map, so a test can ask about one directive. */
const directives = (res: LightMyRequestResponse): Record<string, string> =>
  Object.fromEntries(
    String(res.headers['content-security-policy'] ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values.join(' ')]),
  );

/** The headers every response carries, whatever its kind. */
function expectBaseline(res: LightMyRequestResponse, what: string): void {
  expect(res.headers['x-content-type-options'], what).toBe('nosniff');
  expect(res.headers['x-frame-options'], what).toBe('DENY');
  expect(directives(res)['frame-ancestors'], what).toBe("'none'");
  expect(res.headers['referrer-policy'], what).toBeTruthy();
}

describe.each(DIALECTS)('security headers on %s', (dialect) => {
  const t = useTestApp(dialect);

  test('API answers, errors and 404s included, get the locked-down JSON policy', async () => {
    const org = await t.newOrg();
    const answers = {
      ok: await t.call(org.apiKey, 'GET', '/api/v1/units'),
      openapi: await t.call(null, 'GET', '/api/openapi.json'),
      unauthorised: await t.call(null, 'GET', '/api/v1/units'),
      invalid: await t.call(org.apiKey, 'POST', '/api/v1/units', { name: '' }),
      missing: await t.call(org.apiKey, 'GET', '/api/v1/nothing-here'),
      health: await t.call(null, 'GET', '/health'),
    };
    expect(answers.ok.statusCode).toBe(200);
    expect(answers.unauthorised.statusCode).toBe(401);
    expect(answers.invalid.statusCode).toBe(422);
    expect(answers.missing.statusCode).toBe(404);
    for (const [what, res] of Object.entries(answers)) {
      expectBaseline(res, what);
      expect(res.headers['content-security-policy'], what).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers['referrer-policy'], what).toBe('no-referrer');
    }
  });

  test('bio pages, found or not, allow inline CSS and https images but no script', async () => {
    const org = await t.newOrg();
    const kos = await t.call(org.apiKey, 'POST', '/api/v1/kos', {
      code: 'HDRBIO1',
      handle: `hdr-${org.slug.slice(4)}`,
      name: 'Lan',
      relationship: 'independent',
      status: 'active',
      avatarUrl: 'https://cdn.example.com/lan.jpg',
    });
    expect(kos.statusCode).toBe(201);
    const page = await t.call(null, 'GET', `/@${kos.json().handle}`);
    const missing = await t.call(null, 'GET', '/@nobody.here');
    expect(page.statusCode).toBe(200);
    expect(missing.statusCode).toBe(404);
    for (const [what, res] of Object.entries({ page, missing })) {
      expectBaseline(res, what);
      expect(res.headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
      const csp = directives(res);
      expect(csp, what).toMatchObject({
        'default-src': "'none'",
        'style-src': "'unsafe-inline'",
        'base-uri': "'none'",
        'form-action': "'self'",
      });
      expect(csp['img-src']?.split(' '), what).toEqual(expect.arrayContaining(['https:', 'data:']));
      expect(csp['script-src'], what).toBeUndefined();
    }
    expect(page.body).toContain('<style>');
    expect(page.body).toContain('src="https://cdn.example.com/lan.jpg"');
  });

  test('the console gets its own-origin policy on every path', async () => {
    for (const url of ['/app/', '/app/kos', '/app']) {
      const res = await t.call(null, 'GET', url);
      expectBaseline(res, url);
      expect(res.headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
      expect(directives(res), url).toMatchObject({
        'default-src': "'self'",
        'script-src': "'self'",
        'style-src': "'self' 'unsafe-inline'",
        'img-src': "'self' data: https:",
        'connect-src': "'self'",
        'base-uri': "'none'",
        'form-action': "'self'",
      });
    }
  });

  test('the API docs page runs only scripts from its own origin, with no inline script', async () => {
    const res = await t.call(null, 'GET', '/api/docs/');
    expect(res.statusCode).toBe(200);
    expectBaseline(res, 'docs');
    const csp = directives(res);
    expect(csp['script-src']).toBe("'self'");
    expect(csp['default-src']).toBe("'none'");
    expect(csp['style-src']).not.toContain('unsafe-inline');
    // Every <script> loads a file: an inline one would be blocked by that policy.
    const scripts = res.body.match(/<script[^>]*>[^<]*<\/script>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toMatch(/^<script src="\/api\/docs\/[\w.-]+\.js"><\/script>$/);
  });

  test('other HTML pages (404 page, link error page) get the script-free page policy the front door exports', async () => {
    const notFound = await t.call(null, 'GET', '/no/such/page');
    const unknownLink = await t.call(null, 'GET', '/NoSuchSlug9');
    expect(notFound.statusCode).toBe(404);
    expect(unknownLink.statusCode).toBe(404);
    for (const [what, res] of Object.entries({ notFound, unknownLink })) {
      expect(res.headers['content-type'], what).toContain('text/html');
      expectBaseline(res, what);
      for (const [name, value] of Object.entries(HTML_PAGE_HEADERS)) expect(res.headers[name], `${what} ${name}`).toBe(value);
    }
    expect(directives(notFound)['script-src']).toBeUndefined();
    expect(directives(notFound)['default-src']).toBe("'none'");
    expect(HTML_PAGE_HEADERS).toBe(SECURITY_HEADERS.html);
  });
});
