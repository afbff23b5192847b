import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { conflict, DomainError } from '../../lib/errors.js';
import type { Router } from '../../lib/http/route.js';
import { problem } from '../../lib/problems/problem.js';
import type { Principal } from '../access/access.js';
import { ADMINS, requireRole } from '../access/access.js';
import { findWebhookSecret } from '../orgs/orgs.service.js';
import { type ImportReport, importOut } from './imports.schema.js';
import { REPLAY_WINDOW_MS, type SignatureFailure, TIMESTAMP_TOLERANCE_SECONDS, verifyWebhookSignature } from './webhook.js';
import { claimSignature, pruneSignatures, releaseSignature, type SignatureClaim } from './webhook-replay.repository.js';

const PRUNE_EVERY_MS = 60_000;

// Each 401 names the header at fault; none shows the expected signature.
const UNAUTHORIZED: Record<SignatureFailure, string> = {
  no_secret: 'the org has no webhookSecret: set one with PATCH /api/v1/org {"webhookSecret": "…"}',
  unsigned: 'unsigned request: send X-Kos-Timestamp and X-Kos-Signature (see docs/webhooks.md)',
  missing_timestamp: 'missing X-Kos-Timestamp header (unix seconds)',
  malformed_timestamp: 'X-Kos-Timestamp must be unix seconds: 1 to 12 digits, not milliseconds',
  missing_signature: 'missing X-Kos-Signature header',
  malformed_signature: 'X-Kos-Signature must be sha256=<64 hex digits>',
  timestamp_outside_window: `X-Kos-Timestamp is more than ${TIMESTAMP_TOLERANCE_SECONDS} s from the server's clock: sign every request, retries included, with the current time`,
  signature_mismatch:
    'X-Kos-Signature does not match: it must be the hex HMAC-SHA256 of "<X-Kos-Timestamp>.<raw body>" with the org\'s webhookSecret',
};

/** Register on a Fastify scope whose JSON parser keeps the raw body (a Buffer): the signature covers it. */
/** What parses and stores a verified body off the serving event loop (src/background/). */
export interface WebhookQueue {
  webhookImport(principal: Principal, raw: Buffer, now: number): Promise<ImportReport>;
}

export function registerWebhookRoutes(router: Router<Principal>, { database }: AppDeps, queue: WebhookQueue): void {
  const { db } = database;
  const pruneNowAndThen = pruner(db, PRUNE_EVERY_MS);
  router.route({
    method: 'POST',
    url: '/api/v1/webhooks/orders',
    summary: 'Push canonical order lines (signed)',
    description:
      'Bearer API key of the org (owner/admin), `X-Kos-Timestamp: <unix seconds>` and ' +
      '`X-Kos-Signature: sha256=<hex HMAC-SHA256("<timestamp>.<raw body>", webhookSecret)>`. ' +
      `Unsigned, wrongly signed, or a timestamp more than ${TIMESTAMP_TOLERANCE_SECONDS} s from the server's clock → 401; ` +
      `a signature already accepted in the last ${REPLAY_WINDOW_MS / 1000} s → 409 (a captured request cannot be replayed); ` +
      'nothing is stored in either case. A request that fails otherwise (422, 5xx) may be retried as it is. ' +
      'Lines are stored with source `webhook`; the same lines signed again change nothing. See docs/webhooks.md.',
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
      const now = Date.now();
      const signature = verifiedSignatureOrThrow(request, raw, await findWebhookSecret(db, auth.orgId), now);
      await pruneNowAndThen(now, request.log);
      const claim = await claimOrThrow(db, { signature, orgId: auth.orgId, seenAt: now });
      // Parsing and storing (up to 20 MB, 10 000 lines) happen in the background thread, off this loop.
      return releasedOnFailure(db, claim, request.log, () => queue.webhookImport(auth, raw, now));
    },
  });
}

/** The request's lowercase signature digest, or a 401 naming the header at fault. */
function verifiedSignatureOrThrow(request: FastifyRequest, raw: Buffer, secret: string | null, now: number): string {
  const check = verifyWebhookSignature(raw, header(request, 'x-kos-timestamp'), header(request, 'x-kos-signature'), secret, now);
  if (check.ok) return check.signature;
  const { failure } = check;
  const detail = UNAUTHORIZED[failure];
  if (failure !== 'timestamp_outside_window')
    throw new DomainError('unauthorized', problem(`webhook.signature.${failure}`), detail);
  const serverTime = Math.floor(now / 1000);
  throw new DomainError(
    'unauthorized',
    problem('webhook.signature.timestamp_outside_window', { toleranceSeconds: TIMESTAMP_TOLERANCE_SECONDS, serverTime }),
    `${detail} (server time ${serverTime})`,
  );
}

/** Claims the signature for this request, or a 409: it was accepted within the replay window. */
async function claimOrThrow(db: Db, claim: SignatureClaim): Promise<SignatureClaim> {
  if (await claimSignature(db, claim, REPLAY_WINDOW_MS)) return claim;
  throw conflict(
    problem('webhook.replay', { windowSeconds: REPLAY_WINDOW_MS / 1000 }),
    `this signed request was already accepted in the last ${REPLAY_WINDOW_MS / 1000} s (a replay): sign each new request with the current X-Kos-Timestamp`,
  );
}

/** Runs `work`; when it fails the claim is given back (so the sender may retry) and the failure is rethrown. */
async function releasedOnFailure<T>(db: Db, claim: SignatureClaim, log: FastifyBaseLogger, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    // The original failure is the answer; a failed release only delays a retry until the window ends.
    await releaseSignature(db, claim).catch((releaseError) => log.warn({ err: releaseError }, 'webhook: signature not released'));
    throw error;
  }
}

/** Deletes expired signatures at most once per `intervalMs` in this process; the other processes do their own. */
function pruner(db: Db, intervalMs: number) {
  let next = 0;
  return async (now: number, log: FastifyBaseLogger): Promise<void> => {
    if (now < next) return;
    next = now + intervalMs;
    await pruneSignatures(db, now - REPLAY_WINDOW_MS).catch((error) => log.warn({ err: error }, 'webhook: prune failed'));
  };
}

/** A header's text. Node joins a repeated header with `, `, which then fails the format check. */
function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
