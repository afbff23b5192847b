import { createHmac, timingSafeEqual } from 'node:crypto';
import { problem } from '../../lib/problems/problem.js';
import { normaliseHeader } from './fields.js';
import type { ParseContext, ParsedRow } from './import-types.js';
import { mapCanonicalRow } from './parsers/generic.js';
import { rowMapper } from './parsers/parser.js';

/** How far `X-Kos-Timestamp` may be from the server's clock, either direction (docs/webhooks.md). */
export const TIMESTAMP_TOLERANCE_SECONDS = 300;
/**
 * How long an accepted signature is remembered. A timestamp is valid for at most 2 × 300 s of server
 * time, so after 600 s a replay of the same request fails on its timestamp anyway.
 */
export const REPLAY_WINDOW_MS = 2 * TIMESTAMP_TOLERANCE_SECONDS * 1000;

export type SignatureFailure =
  | 'no_secret'
  | 'unsigned'
  | 'missing_timestamp'
  | 'malformed_timestamp'
  | 'missing_signature'
  | 'malformed_signature'
  | 'timestamp_outside_window'
  | 'signature_mismatch';

/**
 * The outcome of a check. On success `signature` is the digest in lowercase hex, the replay guard's key,
 * so the same request signed in `ABC…` and in `abc…` counts as one.
 */
export type SignatureCheck = { ok: true; signature: string; timestamp: number } | { ok: false; failure: SignatureFailure };

const TIMESTAMP = /^[0-9]{1,12}$/;
const SIGNATURE = /^sha256=([0-9a-fA-F]{64})$/;

/**
 * Checks `X-Kos-Timestamp` and `X-Kos-Signature: sha256=<hex HMAC-SHA256("<timestamp>.<raw body>", secret)>`
 * against the raw body at `now` (epoch ms). The timestamp is signed as sent (its header text), and must be
 * within 300 s of `now` in whole seconds. Pure and constant-time in the digest comparison; the cheap
 * format checks run first because they reveal nothing about the secret.
 */
export function verifyWebhookSignature(
  rawBody: Buffer,
  timestampHeader: string | undefined,
  signatureHeader: string | undefined,
  secret: string | null,
  now: number,
): SignatureCheck {
  const fail = (failure: SignatureFailure): SignatureCheck => ({ ok: false, failure });
  if (!secret) return fail('no_secret');
  if (timestampHeader === undefined && signatureHeader === undefined) return fail('unsigned');
  if (timestampHeader === undefined) return fail('missing_timestamp');
  if (!TIMESTAMP.test(timestampHeader)) return fail('malformed_timestamp');
  if (signatureHeader === undefined) return fail('missing_signature');
  const given = SIGNATURE.exec(signatureHeader)?.[1];
  if (!given) return fail('malformed_signature');
  const timestamp = Number(timestampHeader);
  if (Math.abs(Math.floor(now / 1000) - timestamp) > TIMESTAMP_TOLERANCE_SECONDS) return fail('timestamp_outside_window');
  const expected = createHmac('sha256', secret).update(`${timestampHeader}.`).update(rawBody).digest();
  // Both are 32 bytes (the pattern fixes 64 hex digits), as timingSafeEqual requires.
  if (!timingSafeEqual(expected, Buffer.from(given, 'hex'))) return fail('signature_mismatch');
  return { ok: true, signature: given.toLowerCase(), timestamp };
}

/** Canonical webhook lines as parsed rows (row = 1-based index in `lines`), through the generic mapping. */
export function webhookRows(lines: unknown[], ctx: ParseContext): ParsedRow[] {
  const map = rowMapper((row) => mapCanonicalRow(row, ctx));
  return lines.map((line, i) => {
    if (!line || typeof line !== 'object' || Array.isArray(line))
      return { row: i + 1, error: { message: 'a line must be a JSON object', ...problem('import.line.not_object') } };
    const cells = new Map<string, string>();
    for (const [key, value] of Object.entries(line)) {
      if (value === null || value === undefined || value === '') continue;
      cells.set(normaliseHeader(key).key, typeof value === 'object' ? JSON.stringify(value) : String(value));
    }
    return map({ row: i + 1, cells });
  });
}
