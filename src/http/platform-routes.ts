import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { buildOpenApi } from '../lib/http/openapi.js';
import type { AnyRouteSpec } from '../lib/http/route.js';
import { projectRoot } from '../lib/project-root.js';

const require = createRequire(import.meta.url);

/** Health, the OpenAPI document, the docs page and the web console. */
export async function registerPlatformRoutes(app: FastifyInstance, specs: AnyRouteSpec[], consoleDir: string): Promise<void> {
  const root = projectRoot();
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  let openapi: object | undefined;

  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/api/openapi.json', async () => {
    openapi ??= buildOpenApi(specs, { title: 'kosmatrix API', version });
    return openapi;
  });

  // Only the files the docs page loads are served: the rest of swagger-ui-dist (package.json, the
  // sample index.html, source maps) answers the API's 404. `serve: false` just adds reply.sendFile.
  const swaggerDir = dirname(require.resolve('swagger-ui-dist/package.json'));
  await app.register(fastifyStatic, { serve: false });
  for (const file of SWAGGER_ASSETS) app.get(`/api/docs/${file}`, (_request, reply) => reply.sendFile(file, swaggerDir));
  app.get(`/api/docs/${DOCS_INIT}`, (_request, reply) => reply.sendFile(DOCS_INIT, join(root, 'src', 'http')));
  app.get('/api/docs', (_request, reply) => reply.redirect('/api/docs/'));
  app.get('/api/docs/', (_request, reply) => reply.type('text/html; charset=utf-8').send(DOCS_HTML));

  if (existsSync(join(consoleDir, 'index.html'))) {
    const index = readFileSync(join(consoleDir, 'index.html'));
    await app.register(fastifyStatic, { root: consoleDir, prefix: '/app/', wildcard: false, decorateReply: false });
    app.get('/app/*', (_request, reply) => reply.type('text/html; charset=utf-8').send(index));
  } else {
    app.get('/app/*', (_request, reply) =>
      reply
        .code(503)
        .type('text/html; charset=utf-8')
        .send('<!doctype html><meta charset="utf-8"><p>The console is not built: run <code>npm run build</code>.</p>'),
    );
  }
  app.get('/app', (_request, reply) => reply.redirect('/app/'));
  app.get('/', (_request, reply) => reply.redirect('/app/'));
}

/** The swagger-ui-dist files the docs page loads, and nothing else of the package. */
const SWAGGER_ASSETS = ['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png', 'favicon-16x16.png'] as const;
/** The script that starts Swagger UI: a file of ours (read from the checkout, so it ships as written). */
const DOCS_INIT = 'api-docs-init.js';

// No inline script: the page's CSP allows scripts from its own origin only.
const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kosmatrix API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" type="image/png" sizes="32x32" href="/api/docs/favicon-32x32.png">
<link rel="icon" type="image/png" sizes="16x16" href="/api/docs/favicon-16x16.png">
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="swagger-ui" data-url="/api/openapi.json"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/${DOCS_INIT}"></script>
</body></html>`;
