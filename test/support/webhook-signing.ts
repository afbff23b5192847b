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
 * it again unchanged (a captured request, replayed). `secret: null` leaves it unsigned.
 */
export function signedWebhookRequest(
  apiKey: string,
  secret: string | null,
  body: object | string,
  timestamp?: number,
): InjectOptions & { payload: string; headers: Record<string, string> } {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    method: 'POST',
    url: '/api/v1/webhooks/orders',
    headers: {
      authorization: `Bearer ${apiKey}`,
      'content-type': 'application/json',
      ...(secret === null ? {} : signWebhook(secret, payload, timestamp)),
    },
    payload,
  };
}

let spread = 0;
/**
 * A current timestamp that differs from the last few calls' (stepping back up to 200 s, well inside the
 * 300 s window), so a test may push the same body twice in one second without it being a replay.
 */
export const uniqueTimestamp = (): number => Math.floor(Date.now() / 1000) - (spread++ % 200);
