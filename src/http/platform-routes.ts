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
export async function registerPlatformRoutes(app: FastifyInstance, specs: AnyRouteSpec[]): Promise<void> {
  const root = projectRoot();
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  let openapi: object | undefined;

  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/api/openapi.json', async () => {
    openapi ??= buildOpenApi(specs, { title: 'kosmatrix API', version });
    return openapi;
  });

  const swaggerDir = dirname(require.resolve('swagger-ui-dist/package.json'));
  await app.register(fastifyStatic, { root: swaggerDir, prefix: '/api/docs/', index: false, wildcard: false });
  app.get('/api/docs', (_request, reply) => reply.redirect('/api/docs/'));
  app.get('/api/docs/', (_request, reply) => reply.type('text/html; charset=utf-8').send(DOCS_HTML));

  const consoleDir = join(root, 'web', 'dist');
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

const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kosmatrix API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });</script>
</body></html>`;
