import { createHmac } from 'node:crypto';
import type { InjectOptions } from 'fastify';

/**
 * The two headers that sign a webhook body: the hex HMAC-SHA256 of `<timestamp>.<raw body>`. The same
 * function as the Node example of docs/webhooks.md (a test runs that example against the app).
 */
export function signWebhook(secret: string, rawBody: string, timestamp = Math.floor(Date.now() / 1000)) {
  const signature = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
  return { 'X-Kos-Timestamp': String(timestamp), 'X-Kos-Signature': `sha256=${signature}` };
}

/**
 * A complete signed POST to /api/v1/webhooks/orders for `app.inject`, kept as a value so a test can send
 * it again unchanged (a captured request, replayed). `secret: null` leaves it unsigned; `timestamp:
 * 'unique'` signs with a timestamp this body was not signed with before (`uniqueTimestamp`).
 */
export function signedWebhookRequest(
  apiKey: string,
  secret: string | null,
  body: object | string,
  timestamp?: number | 'unique',
): InjectOptions & { payload: string; headers: Record<string, string> } {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    method: 'POST',
    url: '/api/v1/webhooks/orders',
    headers: {
      authorization: `Bearer ${apiKey}`,
      'content-type': 'application/json',
      ...(secret === null ? {} : signWebhook(secret, payload, timestamp === 'unique' ? uniqueTimestamp(payload) : timestamp)),
    },
    payload,
  };
}

const given = new Map<string, Set<number>>();
/**
 * A current timestamp not given before in this process for `body` (stepping back up to 250 s, inside the
 * 300 s window), so a test may push the same body twice in one second without it being a replay — the
 * replay guard keys on the signature, that is on body and timestamp. Only a record of what was given makes
 * it unique: "now minus a counter" repeats itself when the clock ticks between two calls.
 */
const uniqueTimestamp = (body: string): number => {
  const now = Math.floor(Date.now() / 1000);
  const used = given.get(body) ?? new Set<number>();
  given.set(body, used);
  for (let back = 0; back <= 250; back++) {
    const timestamp = now - back;
    if (used.has(timestamp)) continue;
    used.add(timestamp);
    return timestamp;
  }
  throw new Error('uniqueTimestamp: the same body signed more than 250 times in 250 s');
};
