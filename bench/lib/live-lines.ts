// What the live-room benchmark's parent and its kosmatrix child share: the ready message, and signed
// webhook pushes of live lines (docs/webhooks.md).
import { createHmac } from 'node:crypto';

export interface Ready {
  port: number;
  apiKey: string;
  sessionId: string;
  kosCode: string;
  secret: string;
}
export type Request = { id: number; op: 'stats' | 'loop-reset' | 'hub' };

/** A signed webhook request body and headers (docs/webhooks.md). */
export function signed(apiKey: string, secret: string, body: object): { headers: Record<string, string>; body: string } {
  const raw = JSON.stringify(body);
  const ts = String(Math.floor(Date.now() / 1000));
  const sig = createHmac('sha256', secret).update(`${ts}.${raw}`).digest('hex');
  return {
    headers: {
      authorization: `Bearer ${apiKey}`,
      'content-type': 'application/json',
      'x-kos-timestamp': ts,
      'x-kos-signature': `sha256=${sig}`,
    },
    body: raw,
  };
}

export const liveLineOf = (kosCode: string, orderId: string, grossMinor: number) => ({
  platform: 'tiktok_shop',
  orderId,
  status: 'pending',
  orderTime: new Date(Date.now() - 60_000).toISOString(),
  quantity: 1,
  grossMinor,
  netMinor: grossMinor,
  currency: 'VND',
  kosCode,
  contentType: 'live',
});
