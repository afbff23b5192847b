import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testConfig, useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { uploadReport } from '../../../test/support/samples.js';
import { openSse, type SseStream } from '../../../test/support/sse-client.js';
import { buildApp } from '../../app.js';
import { createDatabase } from '../../db/database.js';
import { liveLine, liveSession } from './live-room-fixture.js';

/** docs/live-room.md: changes from any process, manual assignment, and closing the server with viewers. */
describe.each(DIALECTS)('live room across processes on %s', (dialect) => {
  const t = useTestApp(dialect);
  let base = '';
  const streams: SseStream[] = [];
  const watch = async (id: string, key: string, at = base) => {
    const s = await openSse(`${at}/api/v1/livestreams/${id}/live`, { authorization: `Bearer ${key}` });
    streams.push(s);
    return s;
  };
  const tickWhere = (s: SseStream, match: (tick: Record<string, unknown>) => boolean, timeoutMs = 2000) =>
    s.next((e) => e.event === 'tick' && match(JSON.parse(e.data ?? '{}')), timeoutMs);
  const listen = async (app: typeof t.app) => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  };

  beforeAll(async () => {
    base = await listen(t.app);
  });
  afterAll(() => {
    for (const s of streams) s.close();
  });

  test('a change written by another app instance on the same database gives a tick within 2 s', async () => {
    const s = await liveSession(t);
    const stream = await watch(s.id, s.f.org.apiKey);
    await tickWhere(stream, (tick) => tick.gmvMinor === 0);
    const database = createDatabase(t.db.url, { poolSize: 2 });
    const other = await buildApp({ config: testConfig(t.db.url), database });
    try {
      // The other instance starts its jobs thread on its first push: a line of no KOS (tied to nothing) first.
      expect((await other.inject(liveLine(s, 1, { kosCode: undefined }))).statusCode).toBe(201);
      const pushed = Date.now();
      expect((await other.inject(liveLine(s, 77_000))).statusCode).toBe(201);
      const tick = await tickWhere(stream, (tick) => tick.gmvMinor === 77_000);
      expect(tick.at - pushed).toBeLessThanOrEqual(2000);
      const patched = Date.now();
      const res = await other.inject({
        method: 'PATCH',
        url: `/api/v1/livestreams/${s.id}`,
        headers: { authorization: `Bearer ${s.f.org.apiKey}` },
        payload: { stats: { viewers: 321 } },
      });
      expect(res.statusCode).toBe(200);
      const statsTick = await tickWhere(stream, (tick) => (tick.stats as { viewers: number }).viewers === 321);
      expect(statsTick.at - patched).toBeLessThanOrEqual(2000);
    } finally {
      await other.close();
      await database.close();
    }
  });

  test('a manual assignment ties a line to the session and gives a tick; a stock change too', async () => {
    const s = await liveSession(t);
    expect((await t.app.inject(liveLine(s, 55_000, { kosCode: undefined, orderId: `MAN-${s.id}` }))).statusCode).toBe(201);
    const stream = await watch(s.id, s.f.org.apiKey);
    await tickWhere(stream, (tick) => tick.lines === 0);
    const [line] = (await t.call(s.f.org.apiKey, 'GET', '/api/v1/lines?attributed=false')).json().items;
    const assigned = Date.now();
    const res = await t.call(s.f.org.apiKey, 'PATCH', `/api/v1/lines/${line.id}`, { kosId: s.f.kosN });
    expect(res.json()).toMatchObject({ sessionId: s.id });
    const tick = await tickWhere(stream, (tick) => tick.gmvMinor === 55_000 && tick.lines === 1);
    expect(tick.at - assigned).toBeLessThanOrEqual(2000);
    expect((await t.call(s.f.org.apiKey, 'PATCH', `/api/v1/products/${s.f.p2}`, { stock: 3 })).statusCode).toBe(200);
    await tickWhere(stream, (tick) => (tick.stock as Record<string, number | null>)[s.f.p2] === 3);
  });

  test('a file import (stored by the jobs thread) gives a tick within 2 s', async () => {
    const s = await liveSession(t);
    const stream = await watch(s.id, s.f.org.apiKey);
    await tickWhere(stream, (tick) => tick.lines === 0);
    const orderTime = new Date(Date.now() - 120_000).toISOString();
    const csv = [
      'platform,orderId,status,orderTime,quantity,grossMinor,netMinor,currency,kosCode,contentType',
      `tiktok_shop,IMP-${s.id},pending,${orderTime},2,180000,170000,VND,${s.kosCode},live`,
    ].join('\n');
    // The app's jobs thread starts on its first job: a webhook line of no KOS (tied to nothing) first.
    expect((await t.app.inject(liveLine(s, 1, { kosCode: undefined }))).statusCode).toBe(201);
    const imported = Date.now();
    const res = await uploadReport(t, s.f.org.apiKey, 'generic', Buffer.from(csv), 'live.csv');
    expect(res.json()).toMatchObject({ inserted: 1 });
    const tick = await tickWhere(stream, (tick) => tick.gmvMinor === 180_000 && tick.lines === 1);
    expect(tick.at - imported).toBeLessThanOrEqual(2000);
  });

  test('closing the app ends open streams and does not wait for the viewers', async () => {
    const s = await liveSession(t);
    const database = createDatabase(t.db.url, { poolSize: 2 });
    const other = await buildApp({ config: testConfig(t.db.url), database });
    const at = await listen(other);
    const viewers = await Promise.all([watch(s.id, s.f.org.apiKey, at), watch(s.id, s.f.org.apiKey, at)]);
    await Promise.all(viewers.map((v) => v.next((e) => e.event === 'tick')));
    expect(other.liveHub.sizes).toEqual({ sessions: 1, viewers: 2 });
    await other.close();
    await Promise.all(viewers.map((v) => v.ended));
    expect(other.liveHub.sizes).toEqual({ sessions: 0, viewers: 0 });
    await database.close();
  });
});
