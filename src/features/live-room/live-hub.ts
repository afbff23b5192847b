import type { ServerResponse } from 'node:http';
import {
  HEARTBEAT_FRAME,
  POLL_INTERVAL_MS,
  SLOW_CLIENT_BYTES,
  STREAM_PREAMBLE,
  stampedTickFrame,
  TICK_SPACING_MS,
  type Tick,
  tickDelay,
  tickFrame,
} from './live-room.js';

/** Where the hub reads a session: its change fingerprint (undefined = the session is gone) and its tick. */
export interface LiveSource {
  fingerprint(orgId: string, sessionId: string): Promise<string | undefined>;
  tick(orgId: string, sessionId: string): Promise<Tick>;
}

export interface LiveHubOptions {
  heartbeatMs: number;
  pollMs?: number;
  onError?: (error: unknown) => void;
  now?: () => number;
}

interface Client {
  res: ServerResponse;
  /** When this client was last sent a tick; null before its first. */
  lastAt: number | null;
  /** The latest tick not yet written (throttled or the socket was full): only the newest is kept. */
  pending: string | null;
  /** Since when the socket buffer has been full (write answered false, no drain yet). */
  congestedSince: number | null;
}

interface Room {
  orgId: string;
  sessionId: string;
  clients: Set<Client>;
  key: string | null;
  frame: string | null;
  lastSentAt: number | null;
  /** A change seen that no tick has carried yet. */
  due: boolean;
  polling: boolean;
  computing: boolean;
  tickTimer: NodeJS.Timeout | null;
  flushTimer: NodeJS.Timeout | null;
}

/**
 * One per process (docs/live-room.md): the watched sessions, each with its viewers. A poll reads one
 * fingerprint per watched session; a change (or a nudge from this process) computes the tick once and
 * writes it to every viewer, at most one per `TICK_SPACING_MS`. Slow viewers keep only the newest tick,
 * and are closed when their buffer stays full.
 */
export class LiveHub {
  private readonly rooms = new Map<string, Room>();
  private pollTimer: NodeJS.Timeout | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly now: () => number;

  constructor(
    private readonly source: LiveSource,
    private readonly options: LiveHubOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Watched sessions and their viewer counts (tests, benchmarks). */
  get sizes(): { sessions: number; viewers: number } {
    let viewers = 0;
    for (const room of this.rooms.values()) viewers += room.clients.size;
    return { sessions: this.rooms.size, viewers };
  }

  /** Adds a viewer whose headers are written; it gets a tick at once and until it leaves or the hub closes. */
  join(orgId: string, sessionId: string, res: ServerResponse): void {
    if (this.closed) {
      res.end();
      return;
    }
    let room = this.rooms.get(sessionId);
    if (!room) {
      room = {
        orgId,
        sessionId,
        clients: new Set(),
        key: null,
        frame: null,
        lastSentAt: null,
        due: true,
        polling: false,
        computing: false,
        tickTimer: null,
        flushTimer: null,
      };
      this.rooms.set(sessionId, room);
    }
    const client: Client = { res, lastAt: null, pending: null, congestedSince: null };
    room.clients.add(client);
    const joined = room;
    res.on('close', () => this.leave(joined, client));
    res.on('error', () => res.destroy());
    res.on('drain', () => {
      client.congestedSince = null;
      this.flushClient(joined, client);
    });
    this.write(client, STREAM_PREAMBLE);
    // The room's last tick is current as of its last poll; a new room polls and ticks at once.
    if (room.frame !== null) this.deliver(room, client, room.frame);
    else void this.poll(room);
    this.startTimers();
  }

  /** "This session changed in this process": read its fingerprint now instead of at the next poll. */
  nudge(sessionId: string): void {
    const room = this.rooms.get(sessionId);
    if (room) void this.poll(room);
  }

  /** Ends every stream and stops the timers; later joins are answered with an empty stream. */
  close(): void {
    this.closed = true;
    this.stopTimers();
    for (const room of [...this.rooms.values()]) {
      for (const client of room.clients) client.res.end();
      this.dropRoom(room);
    }
  }

  private leave(room: Room, client: Client): void {
    room.clients.delete(client);
    if (room.clients.size === 0 && this.rooms.get(room.sessionId) === room) this.dropRoom(room);
  }

  private dropRoom(room: Room): void {
    if (room.tickTimer) clearTimeout(room.tickTimer);
    if (room.flushTimer) clearTimeout(room.flushTimer);
    room.tickTimer = room.flushTimer = null;
    room.clients.clear();
    this.rooms.delete(room.sessionId);
    if (this.rooms.size === 0) this.stopTimers();
  }

  private startTimers(): void {
    if (!this.pollTimer) {
      this.pollTimer = setInterval(() => {
        for (const room of this.rooms.values()) void this.poll(room);
      }, this.options.pollMs ?? POLL_INTERVAL_MS);
      this.pollTimer.unref();
    }
    if (!this.heartbeatTimer) {
      this.heartbeatTimer = setInterval(() => this.heartbeat(), this.options.heartbeatMs);
      this.heartbeatTimer.unref();
    }
  }

  private stopTimers(): void {
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.pollTimer = this.heartbeatTimer = null;
  }

  private live(room: Room): boolean {
    return !this.closed && this.rooms.get(room.sessionId) === room;
  }

  /** One fingerprint read; a new value marks the room due. The first read of a room always ticks. */
  private async poll(room: Room): Promise<void> {
    if (room.polling) return;
    room.polling = true;
    try {
      const key = await this.source.fingerprint(room.orgId, room.sessionId);
      if (!this.live(room)) return;
      if (key === undefined) {
        for (const client of room.clients) client.res.end();
        this.dropRoom(room);
        return;
      }
      if (key !== room.key) {
        room.key = key;
        room.due = true;
      }
    } catch (error) {
      this.options.onError?.(error);
    } finally {
      room.polling = false;
    }
    this.maybeTick(room);
  }

  /** Computes and sends the room's tick when one is due and the spacing allows; else waits for it. */
  private maybeTick(room: Room): void {
    if (!room.due || room.computing || room.tickTimer || !this.live(room)) return;
    const delay = tickDelay(room.lastSentAt, this.now());
    if (delay > 0) {
      room.tickTimer = setTimeout(() => {
        room.tickTimer = null;
        this.maybeTick(room);
      }, delay);
      return;
    }
    room.due = false;
    room.computing = true;
    this.source
      .tick(room.orgId, room.sessionId)
      .then((tick) => {
        if (!this.live(room)) return;
        // A committed change (a new fingerprint) always ticks, even when every figure came out the same
        // (docs/live-room.md "When a tick is sent").
        const frame = tickFrame(tick);
        room.frame = frame;
        room.lastSentAt = this.now();
        for (const client of room.clients) this.deliver(room, client, frame);
      })
      .catch((error: unknown) => {
        this.options.onError?.(error);
        room.key = null; // read again at the next poll
      })
      .finally(() => {
        room.computing = false;
        this.maybeTick(room);
      });
  }

  /** Sends a tick to one viewer now, or keeps it as the newest pending one (spacing, full socket). */
  private deliver(room: Room, client: Client, frame: string): void {
    client.pending = frame;
    this.flushClient(room, client);
  }

  private flushClient(room: Room, client: Client): void {
    if (client.pending === null || client.congestedSince !== null || !this.live(room)) return;
    const now = this.now();
    const wait = client.lastAt === null ? 0 : tickDelay(client.lastAt, now);
    if (wait > 0) {
      this.scheduleFlush(room, wait);
      return;
    }
    const frame = client.pending;
    client.pending = null;
    client.lastAt = now;
    this.write(client, stampedTickFrame(frame, now));
  }

  private scheduleFlush(room: Room, delay: number): void {
    if (room.flushTimer) return;
    room.flushTimer = setTimeout(
      () => {
        room.flushTimer = null;
        for (const client of room.clients) this.flushClient(room, client);
      },
      Math.min(delay, TICK_SPACING_MS),
    );
  }

  private heartbeat(): void {
    const now = this.now();
    for (const room of this.rooms.values())
      for (const client of room.clients) {
        if (client.congestedSince === null) this.write(client, HEARTBEAT_FRAME);
        else if (now - client.congestedSince > 2 * this.options.heartbeatMs) client.res.destroy();
      }
  }

  private write(client: Client, data: string): void {
    const { res } = client;
    if (res.destroyed || res.writableEnded) return;
    if (res.writableLength > SLOW_CLIENT_BYTES) {
      res.destroy();
      return;
    }
    if (!res.write(data) && client.congestedSince === null) client.congestedSince = this.now();
  }
}
