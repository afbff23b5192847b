import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { dayInZone, utcDay } from '../../lib/time.js';
import { deviceClass, isBotAgent, RepeatDetector, referrerHost, visitorHash } from './clicks.js';
import { type ClickRow, type DailyDelta, insertClicks } from './clicks.repository.js';

/** A click as the redirect saw it; enriched (bot, device, hashes, uniqueness) when written. */
export interface PendingClick {
  clickId: string;
  orgId: string;
  linkId: string;
  kosId: string;
  timezone: string;
  at: number;
  ip: string;
  userAgent: string | undefined;
  referer: string | undefined;
}

/** Clicks written per transaction, with a turn of the event loop between slices. */
const SLICE = 250;

interface PreparedBatch {
  rows: ClickRow[];
  deltas: DailyDelta[];
}

export interface ClickWriterOptions {
  flushMs?: number;
  batchSize?: number;
  /** Past this many queued clicks, `push` returns a promise that resolves when there is room. */
  maxQueue?: number;
  onError?: (error: unknown) => void;
}

/**
 * Batches clicks off the redirect's hot path: flushes every `flushMs` or `batchSize` clicks, never two
 * flushes at once, keeps a failed batch to retry, and on `close()` writes everything still queued.
 */
export class ClickWriter {
  private queue: PendingClick[] = [];
  private retry: PreparedBatch[] = [];
  private flushing: Promise<void> | null = null;
  private readonly timer: NodeJS.Timeout;
  private readonly repeats = new RepeatDetector();
  private readonly opts: Required<Omit<ClickWriterOptions, 'onError'>> & Pick<ClickWriterOptions, 'onError'>;
  written = 0;

  constructor(
    private readonly db: Db,
    private readonly secret: string,
    options: ClickWriterOptions = {},
  ) {
    this.opts = { flushMs: 50, batchSize: 2000, maxQueue: 100_000, ...options };
    this.timer = setInterval(() => void this.flush(), this.opts.flushMs);
    this.timer.unref();
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Queues a click; returns a promise only when the queue is full (the caller should await it). */
  push(click: PendingClick): Promise<void> | undefined {
    this.queue.push(click);
    if (this.queue.length >= this.opts.batchSize) void this.flush();
    if (this.queue.length >= this.opts.maxQueue) return this.flush();
    return undefined;
  }

  /** Writes what is queued now (waits for a running flush first). */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing.then(() => (this.queue.length || this.retry.length ? this.flush() : undefined));
    if (this.queue.length === 0 && this.retry.length === 0) return Promise.resolve();
    // Written in slices with a turn of the event loop between them, so redirects keep being answered
    // while a large batch is written. Each slice is enriched once: a retried slice keeps its unique flags.
    const batches: (PreparedBatch | PendingClick[])[] = this.retry;
    for (let i = 0; i < this.queue.length; i += SLICE) batches.push(this.queue.slice(i, i + SLICE));
    this.queue = [];
    this.retry = [];
    this.flushing = this.writeAll(batches).finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  /** Stops the timer and writes every queued click (retrying a few times if the database hiccups). */
  async close(): Promise<void> {
    clearInterval(this.timer);
    for (let attempt = 0; attempt < 5 && (this.queue.length > 0 || this.retry.length > 0 || this.flushing); attempt++) {
      await this.flush();
    }
  }

  private async writeAll(batches: (PreparedBatch | PendingClick[])[]): Promise<void> {
    const prepared = (item: PreparedBatch | PendingClick[]) => (Array.isArray(item) ? this.prepare(item) : item);
    for (const [index, item] of batches.entries()) {
      if (index > 0) await new Promise((resolve) => setImmediate(resolve));
      const batch = prepared(item);
      try {
        await insertClicks(this.db, batch.rows, batch.deltas);
        this.written += batch.rows.length;
      } catch (error) {
        this.retry.push(batch, ...batches.slice(index + 1).map(prepared));
        this.opts.onError?.(error);
        return;
      }
    }
  }

  private prepare(batch: PendingClick[]): PreparedBatch {
    const rows: ClickRow[] = [];
    const deltas = new Map<string, DailyDelta>();
    for (const click of batch) {
      const ua = click.userAgent ?? '';
      const bot = isBotAgent(click.userAgent);
      const visitor = createHash('sha1').update(click.ip).update('\u0000').update(ua).digest('base64url');
      const unique = !bot && this.repeats.isUnique(`${visitor}:${click.linkId}`, click.at);
      rows.push({
        clickId: click.clickId,
        orgId: click.orgId,
        linkId: click.linkId,
        kosId: click.kosId,
        clickedAt: click.at,
        visitorHash: visitorHash(this.secret, utcDay(click.at), click.ip, ua),
        userAgent: click.userAgent ? click.userAgent.slice(0, 512) : null,
        referrerHost: referrerHost(click.referer),
        device: deviceClass(click.userAgent, bot),
        isBot: bot,
        isUnique: unique,
      });
      const day = dayInZone(click.at, click.timezone);
      const key = `${click.linkId}|${day}`;
      const delta = deltas.get(key) ?? {
        linkId: click.linkId,
        day,
        orgId: click.orgId,
        kosId: click.kosId,
        clicks: 0,
        uniqueClicks: 0,
        bots: 0,
      };
      if (bot) delta.bots += 1;
      else {
        delta.clicks += 1;
        if (unique) delta.uniqueClicks += 1;
      }
      deltas.set(key, delta);
    }
    return { rows, deltas: [...deltas.values()] };
  }
}
