import type { FastifyInstance } from 'fastify';
import { type Redirector, slugOf } from '../features/links/redirect.js';
import type { TrustProxy } from '../lib/client-address.js';
import { redirectRequest } from './redirect-front.js';

/**
 * `GET`/`HEAD /{slug}` inside Fastify: what `inject()` and any request the front door passed on reach.
 * Same Redirector as the front door, so both answer alike.
 */
export function registerRedirectRoutes(app: FastifyInstance, redirector: Redirector, trustProxy: TrustProxy): void {
  app.get('/:slug', async (request, reply) => {
    const slug = slugOf(`/${(request.params as { slug: string }).slug}`);
    if (!slug) return reply.callNotFound();
    const answer = await redirector.answer(slug, redirectRequest(request.raw, trustProxy));
    if (answer.status === 302)
      return reply.code(302).header('cache-control', 'private, no-store').header('location', answer.location).send();
    return reply.code(answer.status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(answer.html);
  });
}
