import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { loadConfig } from '../../config.js';
import { LiveHub, type LiveSource } from './live-hub.js';
import { fingerprintKey, HEARTBEAT_FRAME, SLOW_CLIENT_BYTES, STREAM_PREAMBLE, type Tick, tickDelay } from './live-room.js';

/** A response that records what is written; `full` makes writes answer false (the socket buffer is full). */
class FakeResponse extends EventEmitter {
  written: string[] = [];
  full = false;
  writableLength = 0;
  destroyed = false;
  writableEnded = false;
  write(data: string): boolean {
    this.written.push(data);
    return !this.full;
  }
  end(): void {
    this.writableEnded = true;
    this.emit('close');
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('close');
  }
  get ticks(): number[] {
    return this.written.filter((w) => w.startsWith('event: tick')).map((w) => JSON.parse(w.split('data: ')[1] ?? '').gmvMinor);
  }
}

const tickOf = (gmvMinor: number): Tick => ({
  gmvMinor,
  orders: 0,
  lines: 0,
  lastOrderAt: null,
  stats: {} as Tick['stats'],
  stock: {},
});

describe('the live hub (docs/live-room.md)', () => {
  let version = 1;
  let exists = true;
  let hub: LiveHub;
  const source: LiveSource = {
    fingerprint: async () => (exists ? String(version) : undefined),
    tick: async () => tickOf(version),
  };
  const open = () => {
    const res = new FakeResponse();
    hub.join('org', 's1', res as unknown as ServerResponse);
    return res;
  };

  beforeEach(() => {
    vi.useFakeTimers();
    version = 1;
    exists = true;
    hub = new LiveHub(source, { heartbeatMs: 1000, pollMs: 250 });
  });
  afterEach(() => {
    hub.close();
    vi.useRealTimers();
  });

  test('a viewer gets the preamble and a tick at once; two changes 100 ms apart give ticks 500 ms apart', async () => {
    const res = open();
    await vi.advanceTimersByTimeAsync(1);
    expect(res.written[0]).toBe(STREAM_PREAMBLE);
    expect(res.ticks).toEqual([1]);
    await vi.advanceTimersByTimeAsync(600);
    version = 2;
    hub.nudge('s1');
    await vi.advanceTimersByTimeAsync(100);
    expect(res.ticks).toEqual([1, 2]);
    version = 3;
    hub.nudge('s1');
    await vi.advanceTimersByTimeAsync(300);
    expect(res.ticks).toEqual([1, 2]);
    await vi.advanceTimersByTimeAsync(200);
    expect(res.ticks).toEqual([1, 2, 3]);
  });

  test('the poll finds a change without a nudge; an unchanged fingerprint sends nothing', async () => {
    const res = open();
    await vi.advanceTimersByTimeAsync(2000);
    expect(res.ticks).toEqual([1]);
    version = 5;
    await vi.advanceTimersByTimeAsync(300);
    expect(res.ticks).toEqual([1, 5]);
  });

  test('a second viewer of a watched session gets its last tick at once, one room for both', async () => {
    const a = open();
    await vi.advanceTimersByTimeAsync(10);
    const b = open();
    expect(b.ticks).toEqual([1]);
    expect(hub.sizes).toEqual({ sessions: 1, viewers: 2 });
    a.destroy();
    b.destroy();
    expect(hub.sizes).toEqual({ sessions: 0, viewers: 0 });
  });

  test('heartbeats every heartbeatMs; a full socket keeps only the newest tick and gets it on drain', async () => {
    const res = open();
    await vi.advanceTimersByTimeAsync(1000);
    expect(res.written.filter((w) => w === HEARTBEAT_FRAME)).toHaveLength(1);
    res.full = true;
    version = 2;
    await vi.advanceTimersByTimeAsync(600); // tick 2 is written, the socket answers "full"
    version = 3;
    await vi.advanceTimersByTimeAsync(600);
    version = 4;
    await vi.advanceTimersByTimeAsync(600);
    expect(res.ticks).toEqual([1, 2]);
    const beats = res.written.filter((w) => w === HEARTBEAT_FRAME).length;
    res.full = false;
    res.emit('drain');
    expect(res.ticks).toEqual([1, 2, 4]);
    expect(beats).toBe(1); // no heartbeat was written while the socket was full
  });

  test('a viewer whose socket stays full for two heartbeats, or buffers too much, is closed', async () => {
    const stuck = open();
    await vi.advanceTimersByTimeAsync(10);
    stuck.full = true;
    version = 2;
    await vi.advanceTimersByTimeAsync(600);
    expect(stuck.destroyed).toBe(false);
    await vi.advanceTimersByTimeAsync(3000);
    expect(stuck.destroyed).toBe(true);
    const flooded = open();
    await vi.advanceTimersByTimeAsync(10);
    flooded.writableLength = SLOW_CLIENT_BYTES + 1;
    await vi.advanceTimersByTimeAsync(1000);
    expect(flooded.destroyed).toBe(true);
  });

  test('a session that disappears ends its streams; close ends all and refuses later viewers', async () => {
    const res = open();
    await vi.advanceTimersByTimeAsync(10);
    exists = false;
    await vi.advanceTimersByTimeAsync(300);
    expect(res.writableEnded).toBe(true);
    exists = true;
    const other = open();
    await vi.advanceTimersByTimeAsync(10);
    hub.close();
    expect(other.writableEnded).toBe(true);
    const late = open();
    expect([late.writableEnded, late.written]).toEqual([true, []]);
  });
});

describe('live-room rules', () => {
  test('tickDelay: at once for the first tick or after 500 ms, else the rest of the 500 ms', () => {
    expect(tickDelay(null, 1000)).toBe(0);
    expect(tickDelay(1000, 1100)).toBe(400);
    expect(tickDelay(1000, 1500)).toBe(0);
    expect(tickDelay(1000, 9000)).toBe(0);
  });

  test('KOS_SSE_HEARTBEAT_S: 15 s by default, a whole number of seconds from 1 to 3 600', () => {
    const base = { KOS_SECRET: 'a-secret-of-sixteen-chars', KOS_DATABASE_URL: 'sqlite::memory:' };
    expect(loadConfig(base).sseHeartbeatSeconds).toBe(15);
    expect(loadConfig({ ...base, KOS_SSE_HEARTBEAT_S: '1' }).sseHeartbeatSeconds).toBe(1);
    for (const bad of ['0', '1.5', 'soon', '3601'])
      expect(() => loadConfig({ ...base, KOS_SSE_HEARTBEAT_S: bad })).toThrow(/KOS_SSE_HEARTBEAT_S/);
  });

  test('fingerprintKey reads PostgreSQL and SQLite aggregates alike, whatever the key order', () => {
    expect(fingerprintKey({ b: '12', a: 3, c: null })).toBe(fingerprintKey({ a: '3', c: null, b: 12 }));
    expect(fingerprintKey({ a: 1, b: 2 })).not.toBe(fingerprintKey({ a: 1, b: 3 }));
  });
});
