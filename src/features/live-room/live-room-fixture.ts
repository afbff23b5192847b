import { expect } from 'vitest';
import type { TestContext } from '../../../test/support/app.js';
import { signedWebhookRequest } from '../../../test/support/webhook-signing.js';
import { createSession, type LivestreamFixture, livestreamFixture, sessionBody } from '../livestreams/livestreams-fixture.js';

/** Test fixture (not a test file): a live session with two products, and signed webhook lines tied to it. */

export const SECRET = 'whsec-live-room-0123456789';

/** A live session of the fixture's North KOS that started an hour ago, and the KOS's code for webhook lines. */
export interface LiveSession {
  f: LivestreamFixture;
  id: string;
  kosCode: string;
}

export async function liveSession(t: TestContext): Promise<LiveSession> {
  const f = await livestreamFixture(t);
  expect((await t.call(f.org.apiKey, 'PATCH', '/api/v1/org', { webhookSecret: SECRET })).statusCode).toBe(200);
  const start = Date.now() - 3_600_000;
  const session = await createSession(
    t,
    f.org.apiKey,
    sessionBody(f, {
      scheduledStart: new Date(start).toISOString(),
      scheduledEnd: new Date(start + 3 * 3_600_000).toISOString(),
      actualStart: new Date(start).toISOString(),
      status: 'live',
      productIds: [f.p1, f.p2],
      stats: { views: 100 },
    }),
  );
  const kosCode = (await t.call(f.org.apiKey, 'GET', `/api/v1/kos/${f.kosN}`)).json().code as string;
  return { f, id: session.id, kosCode };
}

let order = 0;
/** A signed webhook push of one live TikTok line of the session's KOS (tied to the session), for `inject`. */
export const liveLine = (s: LiveSession, grossMinor: number, over: object = {}) => {
  order += 1;
  const line = {
    platform: 'tiktok_shop',
    orderId: `LIVE-${order}-${s.id.slice(-6)}`,
    status: 'pending',
    orderTime: new Date(Date.now() - 60_000).toISOString(),
    quantity: 1,
    grossMinor,
    netMinor: grossMinor,
    currency: 'VND',
    kosCode: s.kosCode,
    contentType: 'live',
    ...over,
  };
  return signedWebhookRequest(s.f.org.apiKey, SECRET, { lines: [line] }, 'unique');
};
