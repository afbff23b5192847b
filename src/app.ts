import { createServer } from 'node:http';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { Background } from './background/background.js';
import type { AppDeps } from './deps.js';
import type { Principal } from './features/access/access.js';
import { registerAccountRoutes } from './features/accounts/accounts.routes.js';
import { registerAdvisorRoutes } from './features/advisor/advisor.routes.js';
import { registerAnalyticsRoutes } from './features/analytics/analytics.routes.js';
import { registerApiKeyRoutes } from './features/api-keys/api-keys.routes.js';
import { SESSION_COOKIE } from './features/auth/auth.js';
import { registerAuthRoutes } from './features/auth/auth.routes.js';
import { authenticate } from './features/auth/auth.service.js';
import { registerBioRoutes } from './features/bio/bio.routes.js';
import { registerContestRoutes } from './features/contests/contests.routes.js';
import { registerImportMappingRoutes } from './features/import-mappings/import-mappings.routes.js';
import { registerImportRoutes } from './features/imports/imports.routes.js';
import { registerMappingPreviewRoute } from './features/imports/mapping-preview.routes.js';
import { registerWebhookRoutes } from './features/imports/webhook.routes.js';
import { registerKosRoutes } from './features/kos/kos.routes.js';
import { registerLedgerRoutes } from './features/ledger/ledger.routes.js';
import { LinkCache } from './features/links/link-cache.js';
import { LinkInvalidation } from './features/links/link-invalidation.js';
import { registerLinkRoutes } from './features/links/links.routes.js';
import { findLinkTarget } from './features/links/links.service.js';
import { prepareTarget, Redirector } from './features/links/redirect.js';
import { registerLiveRoomRoutes } from './features/live-room/live-room.routes.js';
import { registerLivestreamRoutes } from './features/livestreams/livestreams.routes.js';
import { registerMemberRoutes } from './features/members/members.routes.js';
import { registerLineRoutes } from './features/orders/lines.routes.js';
import { registerOrgRoutes } from './features/orgs/orgs.routes.js';
import { registerPayoutRoutes } from './features/payouts/payouts.routes.js';
import { registerPlanRoutes } from './features/plans/plans.routes.js';
import { registerProductRoutes } from './features/products/products.routes.js';
import { registerApplyRoutes } from './features/recruitment/apply.routes.js';
import { registerRecruitmentRoutes } from './features/recruitment/recruitment.routes.js';
import { registerRunSheetRoutes } from './features/run-sheets/run-sheets.routes.js';
import { registerTierRoutes } from './features/tiers/tiers.routes.js';
import { registerTrainingRoutes } from './features/training/training.routes.js';
import { registerUnitRoutes } from './features/units/units.routes.js';
import { installErrorHandler, sendProblem } from './http/error-handler.js';
import { installInputGuard } from './http/input-guard.js';
import { registerPlatformRoutes } from './http/platform-routes.js';
import { redirectFront } from './http/redirect-front.js';
import { registerRedirectRoutes } from './http/redirect-routes.js';
import { registerSameOriginGuard } from './http/same-origin.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { createRouter } from './lib/http/route.js';
import { natsNames } from './lib/nats.js';

/**
 * Fastify's per-request lines ("incoming request", "request completed") at `debug`, so the default `info`
 * level prints no line per request; a request that errors is still logged at `error`.
 */
class DebugRequestLog extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, _request: FastifyRequest, reply: FastifyReply): void {
    if (error) reply.log.error({ res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.debug({ res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The background thread: clicks, imports, webhook pushes (closed with the app, clicks flushed). */
    background: Background;
  }
}

/**
 * Builds the whole HTTP application without listening, so tests can `inject()` requests. Short-link
 * redirects are answered by a lean node:http front door before Fastify (and by a Fastify route for
 * `inject()`), both through the same Redirector.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  // Bulk writes (clicks, imports, webhook pushes) run in a background thread with its own connection.
  const background = new Background(
    {
      databaseUrl: config.databaseUrl,
      secret: config.secret,
      scheduler: config.scheduler,
      clickDir: config.clickLogDir,
      clickFsync: config.clickFsync,
      clickStopBudgetMs: config.clickStopBudgetSeconds === undefined ? undefined : config.clickStopBudgetSeconds * 1000,
      ...(config.natsUrl
        ? { nats: { url: config.natsUrl, prefix: config.natsPrefix ?? 'kos', worker: config.natsWorker, auth: config.natsAuth } }
        : {}),
    },
    (level, message, error) => app.log[level]({ err: error }, message),
  );
  const linkCache = new LinkCache(async (slug) => {
    const target = await findLinkTarget(database.db, slug);
    return target && prepareTarget(target);
  });
  const redirector = new Redirector(linkCache, background);
  const app: FastifyInstance = Fastify({
    serverFactory: (handler) =>
      createServer(
        redirectFront(redirector, handler, {
          trustProxy: config.trustProxy,
          onError: (error) => app.log.error({ err: error }, 'short-link answer failed'),
        }),
      ),
    logger:
      config.logLevel === 'silent'
        ? false
        : { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    logController: new DebugRequestLog(),
    bodyLimit: 1024 * 1024,
    // Client addresses come from src/lib/client-address.ts (KOS_TRUST_PROXY), never from Fastify's guess.
    trustProxy: false,
  });
  app.decorate('background', background);
  // With NATS, a link changed in any process leaves every process's cache at once (docs/deployment.md).
  const linkBus = config.natsUrl
    ? await LinkInvalidation.start(
        config.natsUrl,
        natsNames(config.natsPrefix ?? 'kos').linksChanged,
        (slug) => linkCache.invalidate(slug),
        (error) => app.log.warn({ err: error }, 'link-cache invalidation through NATS failed'),
        config.natsAuth,
      )
    : null;
  app.addHook('onClose', () => background.close());
  if (linkBus) app.addHook('onClose', () => linkBus.close());
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10 } });
  installErrorHandler(app);
  registerSameOriginGuard(app, config.publicUrl);
  installInputGuard(app);
  installSecurityHeaders(app);

  const authenticateRequest = (request: FastifyRequest) =>
    authenticate(
      database.db,
      config.secret,
      { authorization: request.headers.authorization, cookie: request.cookies[SESSION_COOKIE] },
      Date.now(),
    );
  const router = createRouter<Principal>(app, authenticateRequest);
  registerAuthRoutes(router, deps);
  registerOrgRoutes(router, deps);
  registerUnitRoutes(router, deps);
  registerMemberRoutes(router, deps);
  registerApiKeyRoutes(router, deps);
  registerKosRoutes(router, deps);
  registerAccountRoutes(router, deps);
  registerProductRoutes(router, deps);
  registerPlanRoutes(router, deps);
  registerLinkRoutes(router, deps, {
    publicUrl: config.publicUrl,
    invalidate: (slug) => {
      linkCache.invalidate(slug);
      linkBus?.publish(slug);
    },
  });
  registerImportRoutes(router, deps, background);
  registerImportMappingRoutes(router, deps);
  registerMappingPreviewRoute(router, deps);
  registerLineRoutes(router, deps);
  registerLedgerRoutes(router, deps);
  registerPayoutRoutes(router, deps);
  registerAnalyticsRoutes(router, deps);
  registerLivestreamRoutes(router, deps);
  registerRunSheetRoutes(router, deps);
  registerLiveRoomRoutes(router, deps, app);
  registerRecruitmentRoutes(router, deps);
  registerContestRoutes(router, deps);
  registerAdvisorRoutes(router, deps);
  registerTierRoutes(router, deps, background);
  registerTrainingRoutes(router, deps);
  // The webhook's signature covers the raw body: its scope parses JSON into a Buffer, untouched.
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_request, body, done) =>
      done(null, body),
    );
    registerWebhookRoutes(createRouter<Principal>(scope, authenticateRequest, router.specs), deps, background);
  });
  registerRedirectRoutes(app, redirector, config.trustProxy);
  registerBioRoutes(app, deps);
  await registerApplyRoutes(app, deps);
  await registerPlatformRoutes(app, router.specs, config.consoleDir);

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/'))
      return sendProblem(reply, 'not_found', `no route ${request.method} ${request.url.split('?')[0]}`);
    return reply
      .code(404)
      .type('text/html; charset=utf-8')
      .send('<!doctype html><meta charset="utf-8"><title>404</title><h1>404</h1><p>Not found · Không tìm thấy · 未找到</p>');
  });
  return app;
}
