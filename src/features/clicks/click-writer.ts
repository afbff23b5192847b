import type { Db } from '../../db/database.js';
import { ClickEnricher } from './click-enrich.js';
import { RepeatDetector } from './clicks.js';
import { type ClickRow, insertClicks } from './clicks.repository.js';

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
  /** orgId, linkId, kosId and timezone as `linkFieldsJson` writes them, when the caller keeps them ready (the redirect caches them per link). */
  linkJson?: string;
}

/** Clicks written per transaction, with a turn of the event loop between slices. */
const SLICE = 250;

/** A slice of a flush: clicks kept from a failed write (already enriched), or clicks fresh from the queue. */
type Slice = { prepared: ClickRow[] } | { pending: PendingClick[] };

export interface ClickWriterOptions {
  flushMs?: number;
  batchSize?: number;
  /**
   * Past this many clicks held in memory (queued, being written, or kept for retry), `push` returns a
   * promise that resolves when a write has run; and at most this many are kept for retry.
   */
  maxQueue?: number;
  /** Told of each failed write (its clicks are kept for retry) and of each ClicksDroppedError. */
  onError?: (error: unknown) => void;
}

/** Clicks given up on: the oldest kept for retry while the database kept failing, or left unwritten at close. */
export class ClicksDroppedError extends Error {
  constructor(
    readonly count: number,
    why: string,
  ) {
    super(`${count} clicks dropped: ${why}`);
    this.name = 'ClicksDroppedError';
  }
}

/**
 * Batches clicks off the redirect's hot path: flushes every `flushMs` or `batchSize` clicks, never two
 * flushes at once, keeps the clicks of a failed write to retry (the newest `maxQueue` of them), and on
 * `close()` writes everything still queued.
 */
export class ClickWriter {
  private queue: PendingClick[] = [];
  /** Enriched clicks of failed writes, oldest first. */
  private retry: ClickRow[] = [];
  /** Clicks taken by the running flush, not yet written nor back in `retry`. */
  private writing = 0;
  private flushing: Promise<void> | null = null;
  private readonly timer: NodeJS.Timeout;
  private readonly enricher: ClickEnricher;
  private readonly opts: Required<Omit<ClickWriterOptions, 'onError'>> & Pick<ClickWriterOptions, 'onError'>;
  written = 0;
  /** Clicks given up on (each reported to `onError` in a ClicksDroppedError). */
  dropped = 0;

  constructor(
    private readonly db: Db,
    secret: string,
    options: ClickWriterOptions = {},
  ) {
    this.enricher = new ClickEnricher(secret, new RepeatDetector());
    this.opts = { flushMs: 50, batchSize: 2000, maxQueue: 100_000, ...options };
    this.timer = setInterval(() => void this.flush(), this.opts.flushMs);
    this.timer.unref();
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Clicks in memory: queued, being written, or kept for retry. */
  get held(): number {
    return this.queue.length + this.writing + this.retry.length;
  }

  /** Queues a click; returns a promise only when the writer is full (the caller should await it). */
  push(click: PendingClick): Promise<void> | undefined {
    this.queue.push(click);
    if (this.queue.length >= this.opts.batchSize) void this.flush();
    if (this.held >= this.opts.maxQueue) return this.flush();
    return undefined;
  }

  /** Writes what is queued now (waits for a running flush first). */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing.then(() => (this.queue.length || this.retry.length ? this.flush() : undefined));
    if (this.queue.length === 0 && this.retry.length === 0) return Promise.resolve();
    // Written in slices with a turn of the event loop between them, so redirects keep being answered
    // while a large batch is written. Each slice is enriched once: a retried slice keeps its unique flags.
    const slices: Slice[] = [];
    for (let i = 0; i < this.retry.length; i += SLICE) slices.push({ prepared: this.retry.slice(i, i + SLICE) });
    for (let i = 0; i < this.queue.length; i += SLICE) slices.push({ pending: this.queue.slice(i, i + SLICE) });
    this.writing = this.retry.length + this.queue.length;
    this.queue = [];
    this.retry = [];
    this.flushing = this.writeAll(slices).finally(() => {
      this.writing = 0;
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
    const left = this.queue.length + this.retry.length;
    if (left > 0) this.drop(left, 'the database was still failing when the writer closed');
    this.queue = [];
    this.retry = [];
  }

  private async writeAll(slices: Slice[]): Promise<void> {
    const rowsOf = (slice: Slice) => ('prepared' in slice ? slice.prepared : this.prepare(slice.pending));
    for (const [index, slice] of slices.entries()) {
      if (index > 0) await new Promise((resolve) => setImmediate(resolve));
      const rows = rowsOf(slice);
      try {
        await insertClicks(this.db, rows);
        this.written += rows.length;
        this.writing -= rows.length;
      } catch (error) {
        this.keepForRetry([...rows, ...slices.slice(index + 1).flatMap(rowsOf)]);
        this.opts.onError?.(error);
        return;
      }
    }
  }

  /** Keeps the unwritten clicks of a failed flush, at most `maxQueue` of them: past that, the oldest go. */
  private keepForRetry(rows: ClickRow[]): void {
    const excess = rows.length - this.opts.maxQueue;
    this.retry = excess > 0 ? rows.slice(excess) : rows;
    this.writing = 0;
    if (excess > 0) this.drop(excess, `the database keeps failing and at most ${this.opts.maxQueue} are kept for retry`);
  }

  private drop(count: number, why: string): void {
    this.dropped += count;
    this.opts.onError?.(new ClicksDroppedError(count, why));
  }

  private prepare(batch: PendingClick[]): ClickRow[] {
    return batch.map((click) => this.enricher.enrich(click));
  }
}
