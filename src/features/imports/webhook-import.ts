import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { invalid } from '../../lib/errors.js';
import { validationError } from '../../lib/http/route.js';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from '../../lib/json-depth.js';
import { problem } from '../../lib/problems/problem.js';
import { keyed } from '../../lib/zod-problems.js';
import type { Principal } from '../access/access.js';
import { getOrgOrThrow } from '../orgs/orgs.service.js';
import type { ImportReport } from './imports.schema.js';
import { importWebhookLines } from './imports.service.js';
import { webhookRows } from './webhook.js';

export const MAX_WEBHOOK_LINES = 10_000;
const body = z.object({
  lines: z
    .array(z.unknown())
    .min(1)
    .max(
      MAX_WEBHOOK_LINES,
      keyed('webhook.lines.too_many', `at most ${MAX_WEBHOOK_LINES} lines per call`, { maximum: MAX_WEBHOOK_LINES }),
    ),
});

/**
 * Parses and stores a verified webhook body (up to 20 MB: run in the background thread, never on the
 * event loop that serves requests). Bad JSON, a too-deep document or a bad shape → 422, nothing stored.
 * `now` is when the request was received: lines and ledger entries are booked at that time.
 */
export async function importWebhookBody(db: Db, principal: Principal, raw: Uint8Array, now: number): Promise<ImportReport> {
  if (jsonDepthExceeds(raw))
    throw invalid(
      'body',
      problem('webhook.body.too_deep', { maxDepth: MAX_JSON_DEPTH }),
      `nests deeper than ${MAX_JSON_DEPTH} levels`,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8'));
  } catch {
    throw invalid('body', problem('webhook.body.not_json'), 'is not valid JSON');
  }
  const input = body.safeParse(parsed, { reportInput: true });
  if (!input.success) throw validationError(input.error, 'body');
  const org = await getOrgOrThrow(db, principal.orgId);
  const ctx = { currency: org.currency, timezone: org.timezone, skuForShopeeItem: () => undefined };
  return importWebhookLines(db, principal, webhookRows(input.data.lines, ctx), now);
}
