import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { DomainError, invalid } from '../../lib/errors.js';
import type { Router } from '../../lib/http/route.js';
import { validationError } from '../../lib/http/route.js';
import { ADMINS, requireRole } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import { findWebhookSecret, getOrgOrThrow } from '../orgs/orgs.service.js';
import { importOut } from './imports.schema.js';
import { importWebhookLines } from './imports.service.js';
import { signatureHolds, webhookRows } from './webhook.js';

const MAX_LINES = 10_000;
const body = z.object({ lines: z.array(z.unknown()).min(1).max(MAX_LINES, `at most ${MAX_LINES} lines per call`) });

/** Register on a Fastify scope whose JSON parser keeps the raw body (a Buffer): the signature covers it. */
export function registerWebhookRoutes(router: Router<Principal>, { database }: AppDeps): void {
  const { db } = database;
  router.route({
    method: 'POST',
    url: '/api/v1/webhooks/orders',
    summary: 'Push canonical order lines (signed)',
    description:
      'Bearer API key of the org (owner/admin) and `X-Kos-Signature: sha256=<hex HMAC-SHA256(raw body, webhookSecret)>`. ' +
      'Unsigned or wrongly signed → 401 and nothing stored. Lines are stored with source `webhook`; replaying a body changes nothing.',
    tags: ['imports'],
    status: 201,
    bodyDoc: {
      contentType: 'application/json',
      schema: { type: 'object', required: ['lines'], properties: { lines: { type: 'array', items: { type: 'object' } } } },
    },
    response: importOut,
    handler: async ({ auth, request }) => {
      requireRole(auth, ADMINS);
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const header = request.headers['x-kos-signature'];
      if (!signatureHolds(raw, Array.isArray(header) ? header[0] : header, await findWebhookSecret(db, auth.orgId))) {
        throw new DomainError('unauthorized', 'missing or wrong X-Kos-Signature (set the org webhookSecret, sign the raw body)');
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw.toString('utf8'));
      } catch {
        throw invalid('body', 'is not valid JSON');
      }
      const input = body.safeParse(parsed);
      if (!input.success) throw validationError(input.error, 'body');
      const org = await getOrgOrThrow(db, auth.orgId);
      return importWebhookLines(
        db,
        auth,
        webhookRows(input.data.lines, { currency: org.currency, timezone: org.timezone, skuForShopeeItem: () => undefined }),
      );
    },
  });
}
