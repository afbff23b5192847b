import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { openSse, type SseStream, ticks } from '../../../test/support/sse-client.js';
import { liveLine, liveSession } from './live-room-fixture.js';

describe.each(DIALECTS)('live room on %s', (dialect) => {
  const t = useTestApp(dialect, { sseHeartbeatSeconds: 1 });
  let base = '';
  const streams: SseStream[] = [];
  const watch = async (id: string, key: string) => {
    const s = await openSse(`${base}/api/v1/livestreams/${id}/live`, { authorization: `Bearer ${key}` });
    streams.push(s);
    return s;
  };
  const tickWhere = (s: SseStream, match: (tick: Record<string, unknown>) => boolean, timeoutMs = 2000) =>
    s.next((e) => e.event === 'tick' && match(JSON.parse(e.data ?? '{}')), timeoutMs);

  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    for (const s of streams) s.close();
  });

  test('a tick at connect carries the metrics’ GMV and orders, the tied lines, stats and stock', async () => {
    const s = await liveSession(t);
    await t.call(s.f.org.apiKey, 'PATCH', `/api/v1/products/${s.f.p1}`, { stock: 40 });
    expect((await t.app.inject(liveLine(s, 150_000))).statusCode).toBe(201);
    expect((await t.app.inject(liveLine(s, 99_000))).statusCode).toBe(201);
    const metrics = (await t.call(s.f.org.apiKey, 'GET', `/api/v1/livestreams/${s.id}/metrics`)).json();
    expect(metrics).toMatchObject({ gmvMinor: 249_000, orders: 2 });
    const tied = (await t.call(s.f.org.apiKey, 'GET', '/api/v1/lines'))
      .json()
      .items.filter((l: { sessionId: string | null }) => l.sessionId === s.id);
    const lastOrderAt = tied
      .map((l: { orderTime: string }) => new Date(l.orderTime).toISOString())
      .sort()
      .at(-1);
    const stream = await watch(s.id, s.f.org.apiKey);
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const first = JSON.parse((await stream.next((e) => e.event === 'tick')).data ?? '');
    expect(first).toEqual({
      gmvMinor: metrics.gmvMinor,
      orders: metrics.orders,
      lines: 2,
      lastOrderAt,
      stats: expect.objectContaining({ views: 100, viewers: 0 }),
      stock: { [s.f.p1]: 40, [s.f.p2]: null },
    });
  });

  test('a webhook line tied to the session gives a tick with the new GMV within 2 s', async () => {
    const s = await liveSession(t);
    const stream = await watch(s.id, s.f.org.apiKey);
    await tickWhere(stream, (tick) => tick.gmvMinor === 0);
    const pushed = Date.now();
    expect((await t.app.inject(liveLine(s, 120_000))).statusCode).toBe(201);
    const tick = await tickWhere(stream, (tick) => tick.gmvMinor === 120_000 && tick.lines === 1);
    expect(tick.at - pushed).toBeLessThanOrEqual(2000);
  });

  test('a stats PATCH gives a tick; two changes 100 ms apart give at most one tick per 500 ms', async () => {
    const s = await liveSession(t);
    const stream = await watch(s.id, s.f.org.apiKey);
    await tickWhere(stream, () => true);
    const patch = (stats: object) => t.call(s.f.org.apiKey, 'PATCH', `/api/v1/livestreams/${s.id}`, { stats });
    expect((await patch({ peakViewers: 50, comments: 7 })).statusCode).toBe(200);
    await tickWhere(stream, (tick) => (tick.stats as { comments: number }).comments === 7);
    expect((await patch({ comments: 8 })).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect((await patch({ comments: 9 })).statusCode).toBe(200);
    await tickWhere(stream, (tick) => (tick.stats as { comments: number }).comments === 9);
    await new Promise((r) => setTimeout(r, 700));
    const times = ticks(stream).map((tick) => tick.sentAt as number);
    expect(times.length).toBeGreaterThanOrEqual(3);
    // Spacing as sent (each tick's SSE id is its send time): arrival times move with this process's load.
    for (let i = 1; i < times.length; i++) expect((times[i] as number) - (times[i - 1] as number)).toBeGreaterThanOrEqual(500);
  });

  test('a heartbeat comment every KOS_SSE_HEARTBEAT_S seconds (1 here)', async () => {
    const s = await liveSession(t);
    const stream = await watch(s.id, s.f.org.apiKey);
    const beat = await stream.next((e) => e.comment !== null, 2500);
    expect(beat.event).toBeNull();
    expect(stream.body).toMatch(/\n\n: [^\n]*\n\n/);
  });

  test('the KOS’s own member may watch (cookie); another KOS member gets 403, an unknown id 404, before the stream', async () => {
    const s = await liveSession(t);
    const login = async (kosId: string) => {
      const email = `live-${kosId.toLowerCase()}@example.com`;
      const password = 'kos password 1';
      await t.call(s.f.org.apiKey, 'POST', '/api/v1/members', { email, password, role: 'kos', kosId });
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
      return `kos_session=${res.cookies.find((c) => c.name === 'kos_session')?.value}`;
    };
    const own = await openSse(`${base}/api/v1/livestreams/${s.id}/live`, { cookie: await login(s.f.kosN) });
    streams.push(own);
    expect(own.status).toBe(200);
    await own.next((e) => e.event === 'tick');
    const other = await openSse(`${base}/api/v1/livestreams/${s.id}/live`, { cookie: await login(s.f.kosS) });
    await other.ended;
    expect(other.status).toBe(403);
    expect(other.headers['content-type']).toMatch(/^application\/problem\+json/);
    const key = await t.call(s.f.org.apiKey, 'POST', '/api/v1/api-keys', { name: 'south', role: 'manager', unitId: s.f.south });
    const manager = await openSse(`${base}/api/v1/livestreams/${s.id}/live`, { authorization: `Bearer ${key.json().key}` });
    await manager.ended;
    expect(manager.status).toBe(403);
    const unknown = await openSse(`${base}/api/v1/livestreams/01J0000000000000000000NONE/live`, {
      authorization: `Bearer ${s.f.org.apiKey}`,
    });
    await unknown.ended;
    expect([unknown.status, JSON.parse(unknown.body).status]).toEqual([404, 404]);
  });

  test('through inject (no real socket) the stream answers 200 and its first tick', async () => {
    const s = await liveSession(t);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/livestreams/${s.id}/live`,
      headers: { authorization: `Bearer ${s.f.org.apiKey}` },
      payloadAsStream: true,
    });
    expect(res.statusCode).toBe(200);
    const stream = res.stream();
    let text = '';
    for await (const chunk of stream) {
      text += String(chunk);
      if (text.includes('event: tick')) break;
    }
    stream.destroy();
    // A heartbeat may come first when the first tick's queries are slow (a loaded machine).
    expect(text).toMatch(/^retry: 2000\n\n(: heartbeat\n\n)*event: tick\nid: \d{13}\ndata: \{"gmvMinor":0,/);
  });

  test('a viewer that disconnects leaves the hub; the last one frees the session entry', async () => {
    const s = await liveSession(t);
    const before = t.app.liveHub.sizes.sessions;
    const a = await watch(s.id, s.f.org.apiKey);
    const b = await watch(s.id, s.f.org.apiKey);
    await Promise.all([a.next((e) => e.event === 'tick'), b.next((e) => e.event === 'tick')]);
    expect(t.app.liveHub.sizes.sessions).toBe(before + 1);
    a.close();
    b.close();
    const deadline = Date.now() + 2000;
    while (t.app.liveHub.sizes.sessions > before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(t.app.liveHub.sizes.sessions).toBe(before);
  });
});
