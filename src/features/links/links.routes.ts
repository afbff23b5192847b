import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import type { Router } from '../../lib/http/route.js';
import { validationError } from '../../lib/http/route.js';
import { pageQuery, pageSchema } from '../../lib/pagination.js';
import { idParams } from '../../lib/schemas.js';
import type { Principal } from '../access/access.js';
import { linkCreate, linkListQuery, linkOut, linkPatch, ownLinkCreate } from './links.schema.js';
import type { LinksContext } from './links.service.js';
import * as service from './links.service.js';
import { qrSvg } from './qr.js';

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {}, { reportInput: true });
  if (result.success) return result.data;
  throw validationError(result.error, 'body');
}
const { $schema: _ignored, ...CREATE_DOC } = z.toJSONSchema(z.union([linkCreate, ownLinkCreate]), {
  io: 'input',
  unrepresentable: 'any',
}) as Record<string, unknown>;

export function registerLinkRoutes(router: Router<Principal>, { database }: AppDeps, ctx: LinksContext): void {
  const { db } = database;
  const tags = ['links'];
  router.route({
    method: 'GET',
    url: '/api/v1/links',
    summary: 'List tracked links',
    tags,
    query: pageQuery.extend(linkListQuery.shape),
    response: pageSchema(linkOut),
    handler: ({ auth, query }) => service.listLinks(db, ctx, auth, query),
  });
  router.route({
    method: 'POST',
    url: '/api/v1/links',
    summary: 'Create a tracked link',
    tags,
    status: 201,
    description:
      'The destination may hold `{click_id}`, `{kos_code}` and `{slug}`, filled in on every redirect. A `kos` member sends `{productId, title?}` (and at most their own `kosId`): the destination is the product’s `url` (422 `link.product.no_url` when it has none); destinationUrl, slug, campaign, disabled and expiresAt are not theirs to set (422 `link.own.fixed`).',
    bodyDoc: { contentType: 'application/json', schema: CREATE_DOC },
    response: linkOut,
    // The body's shape depends on the caller: staff send a full link, a KOS member a product (docs/portal.md).
    handler: ({ auth, request }) =>
      auth.role === 'kos'
        ? service.createOwnLink(db, ctx, auth, parseBody(ownLinkCreate, request.body))
        : service.createLink(db, ctx, auth, parseBody(linkCreate, request.body)),
  });
  router.route({
    method: 'GET',
    url: '/api/v1/links/:id',
    summary: 'Get a tracked link with its click counts',
    tags,
    params: idParams,
    response: linkOut,
    handler: ({ auth, params }) => service.getLinkOrThrow(db, ctx, auth, params.id),
  });
  router.route({
    method: 'PATCH',
    url: '/api/v1/links/:id',
    summary: 'Change, disable or expire a tracked link',
    tags,
    params: idParams,
    body: linkPatch,
    response: linkOut,
    handler: ({ auth, params, body }) => service.patchLink(db, ctx, auth, params.id, body),
  });
  router.route({
    method: 'GET',
    url: '/api/v1/links/:id/qr.svg',
    summary: 'QR code of the short URL (SVG)',
    tags,
    params: idParams,
    response: null,
    produces: 'image/svg+xml',
    status: 200,
    handler: async ({ auth, params, reply }) => {
      const link = await service.getLinkOrThrow(db, ctx, auth, params.id);
      reply
        .type('image/svg+xml')
        .header('cache-control', 'private, max-age=300')
        .send(await qrSvg(link.shortUrl));
    },
  });
}
