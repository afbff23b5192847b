import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import type { Router } from '../../lib/http/route.js';
import { idParams } from '../../lib/schemas.js';
import type { Principal } from '../access/access.js';
import { onSessionChanged } from '../livestreams/livestream-events.js';
import { LiveHub } from './live-hub.js';
import * as service from './live-room.service.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The process's live-room hub (docs/live-room.md): watched sessions and their viewers. */
    liveHub: LiveHub;
  }
}

/** An event stream is never cached nor buffered by a proxy, and is never sniffed or framed. */
const STREAM_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-store, no-transform',
  'x-accel-buffering': 'no',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
} as const;

/**
 * `GET /api/v1/livestreams/{id}/live` (docs/live-room.md). Access is checked before the stream starts,
 * so a refusal is a normal problem answer; then the reply leaves Fastify and joins the process's hub,
 * which ends every stream before the server closes.
 */
export function registerLiveRoomRoutes(router: Router<Principal>, { config, database }: AppDeps, app: FastifyInstance): void {
  const { db } = database;
  const hub = new LiveHub(service.liveSource(db), {
    heartbeatMs: config.sseHeartbeatSeconds * 1000,
    onError: (error) => app.log.error({ err: error }, 'live room read failed'),
  });
  app.decorate('liveHub', hub);
  // Same-process changes (a session PATCH, a manual assignment) are read at once, not at the next poll.
  const unlisten = onSessionChanged((ids) => {
    for (const id of ids) hub.nudge(id);
  });
  app.addHook('preClose', async () => {
    unlisten();
    hub.close();
  });
  router.route({
    method: 'GET',
    url: '/api/v1/livestreams/:id/live',
    summary: 'Watch a session live (server-sent events)',
    description:
      'A `text/event-stream`: event `tick` with `{gmvMinor, orders, lines, lastOrderAt, stats, stock}` at once and within 2 s ' +
      'of a committed change to the session, its tied lines or its products’ stock, at most one per 500 ms; ' +
      'a comment line every `KOS_SSE_HEARTBEAT_S` (15) s. `stock` (product id → stock or null) is an addition to the contract.',
    tags: ['livestreams'],
    params: idParams,
    response: null,
    produces: 'text/event-stream',
    handler: async ({ auth, params, reply }) => {
      const room = await service.openLiveRoom(db, auth, params.id);
      reply.hijack();
      reply.raw.writeHead(200, STREAM_HEADERS);
      reply.raw.socket?.setNoDelay?.(true);
      hub.join(room.orgId, room.sessionId, reply.raw);
    },
  });
}
