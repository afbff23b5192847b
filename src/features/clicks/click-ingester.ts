import { open, readdir, stat, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Db } from '../../db/database.js';
import { ClickEnricher } from './click-enrich.js';
import { decodeRecords, HEADER_BYTES, MAX_RECORD_BYTES, segmentName, segmentNumber } from './click-log-format.js';
import { RepeatDetector } from './clicks.js';
import { insertClicks, type LogCheckpoint, readCheckpoint, saveCheckpoint } from './clicks.repository.js';

export interface ClickIngesterOptions {
  /** Clicks stored per transaction (with the checkpoint after them). */
  batch?: number;
  /** How often an idle ingester looks for new clicks. */
  pollMs?: number;
  /** Above this many clicks a second coming into the log, the server is busy: ingest slowly. */
  busyRate?: number;
  onError?: (error: unknown) => void;
}

/** About the size of a click record (for the arrival rate). */
const RECORD_BYTES = 170;
/**
 * While the server is busy: one batch of this many clicks, this often (500 a second). Fewer, larger
 * batches cost less per click than small ones each second — a transaction's index pages and WAL
 * writes are shared by more clicks (docs/clicks.md "Ingestion cost").
 */
const BUSY_BATCH = 2500;
const BUSY_PAUSE_MS = 5000;

/**
 * Moves an instance's click log into the database (docs/clicks.md "Ingestion"): reads each segment
 * from the checkpoint, stores its clicks in batches, each batch in one transaction with the checkpoint
 * after it, and deletes a segment once a newer one exists and it has been read to its end. Inserts skip
 * click ids already stored, so exactly once holds even if a checkpoint were behind.
 */
export class ClickIngester {
  readonly instance: string;
  private checkpoint: LogCheckpoint | null = null;
  private readonly enricher: ClickEnricher;
  private running: Promise<number> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly opts: Required<Omit<ClickIngesterOptions, 'onError'>> & Pick<ClickIngesterOptions, 'onError'>;
  /** Clicks stored by this ingester (duplicates skipped by the database included). */
  ingested = 0;

  constructor(
    private readonly db: Db,
    secret: string,
    readonly dir: string,
    options: ClickIngesterOptions = {},
  ) {
    this.instance = basename(dir);
    this.enricher = new ClickEnricher(secret, new RepeatDetector());
    this.opts = { batch: 5000, pollMs: 100, busyRate: 2000, ...options };
  }

  /**
   * Polls for new clicks until `close`. While clicks arrive fast (the server is busy answering them) it
   * stores a small batch a second and leaves the rest in the log; when they slow down it catches up batch
   * after batch (docs/clicks.md "Ingestion").
   */
  start(): void {
    let last = { at: performance.now(), end: -1 };
    const tick = async () => {
      this.timer = null;
      if (this.stopped) return;
      const now = { at: performance.now(), end: await this.logEnd() };
      const rate = last.end < 0 ? 0 : (Math.abs(now.end - last.end) / RECORD_BYTES / (now.at - last.at)) * 1000;
      last = now;
      const busy = rate > this.opts.busyRate;
      return this.ingest(busy ? BUSY_BATCH : this.opts.batch).then(
        (stored) => {
          if (!this.stopped) this.timer = setTimeout(tick, busy ? BUSY_PAUSE_MS : stored > 0 ? 0 : this.opts.pollMs);
        },
        (error) => {
          this.opts.onError?.(error);
          if (!this.stopped) this.timer = setTimeout(tick, 1000);
        },
      );
    };
    void tick();
  }

  /**
   * Stops polling, then stores what the log holds now (the log was flushed by its writer) — for at most
   * `budgetMs` (docs/clicks.md "What a stop or a crash loses"): what is left stays in the log, and the
   * next start stores it. Answers whether the log was drained.
   */
  async close(budgetMs = Number.POSITIVE_INFINITY): Promise<boolean> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    return this.drain(budgetMs);
  }

  /**
   * Ingests until the log holds nothing new, or until `budgetMs` has passed: answers false when clicks
   * are left in the log.
   */
  async drain(budgetMs = Number.POSITIVE_INFINITY): Promise<boolean> {
    const until = performance.now() + budgetMs;
    // A batch under way is finished: the budget is overrun by at most one batch (~0.1 s).
    while (performance.now() < until) if ((await this.ingest()) === 0) return true;
    return !(await this.unread());
  }

  /** Whether the log holds bytes past the checkpoint (clicks not stored yet, or a torn tail). */
  private async unread(): Promise<boolean> {
    const from = this.checkpoint ?? (await readCheckpoint(this.db, this.instance)) ?? { segment: 0, offset: 0 };
    for (const name of await readdir(this.dir).catch(() => [])) {
      const n = segmentNumber(name);
      if (n === null || n < from.segment) continue;
      const { size } = await stat(join(this.dir, name)).catch(() => ({ size: 0 }));
      if (size > (n === from.segment ? from.offset : 0)) return true;
    }
    return false;
  }

  /** One pass over the log (never two at once), at most `limit` clicks: answers how many it stored. */
  ingest(limit = this.opts.batch): Promise<number> {
    const next = (this.running ?? Promise.resolve(0)).catch(() => 0).then(() => this.pass(Math.min(limit, this.opts.batch)));
    this.running = next;
    return next;
  }

  /** Where the log ends: the newest segment's number and size, as one number (for the arrival rate). */
  private async logEnd(): Promise<number> {
    const names = await readdir(this.dir).catch(() => []);
    const newest = Math.max(0, ...names.map((name) => segmentNumber(name) ?? 0));
    if (newest === 0) return 0;
    const size = await stat(join(this.dir, segmentName(newest))).then(
      (s) => s.size,
      () => 0,
    );
    return newest * 2 ** 32 + size;
  }

  private async pass(limit: number): Promise<number> {
    this.checkpoint ??= (await readCheckpoint(this.db, this.instance)) ?? { instance: this.instance, segment: 0, offset: 0 };
    const segments = (await readdir(this.dir).catch(() => []))
      .map((name) => segmentNumber(name))
      .filter((n): n is number => n !== null)
      .sort((a, b) => a - b);
    let stored = 0;
    for (const [index, n] of segments.entries()) {
      const sealed = index < segments.length - 1;
      if (n < this.checkpoint.segment) {
        await unlink(join(this.dir, segmentName(n))).catch(() => {}); // read before a crash, not yet deleted
        continue;
      }
      const from = n === this.checkpoint.segment ? this.checkpoint.offset : 0;
      const { clicks, atEnd } = await this.readSegment(n, from, limit);
      stored += clicks;
      if (clicks >= limit) return stored; // more to come: the caller comes back at once
      if (sealed && atEnd) {
        // Read to its end (a torn or damaged tail of a crashed run is skipped): move on, then delete.
        const moved = { instance: this.instance, segment: segments[index + 1] as number, offset: 0 };
        await saveCheckpoint(this.db, moved);
        this.checkpoint = moved;
        await unlink(join(this.dir, segmentName(n))).catch(() => {});
      } else return stored;
    }
    return stored;
  }

  /** Stores at most one batch of the segment's records from `from`; `atEnd` when nothing is left to read. */
  private async readSegment(n: number, from: number, limit: number): Promise<{ clicks: number; atEnd: boolean }> {
    const file = await open(join(this.dir, segmentName(n)), 'r').catch(() => null);
    if (!file) return { clicks: 0, atEnd: true };
    try {
      const { size } = await file.stat();
      if (size <= from) return { clicks: 0, atEnd: true };
      // Enough for `limit` records of a kilobyte (a click is ~200 bytes), and always for the longest one.
      const length = Math.min(size - from, Math.max(limit * 1024, HEADER_BYTES + MAX_RECORD_BYTES));
      const data = Buffer.allocUnsafe(length);
      const { bytesRead } = await file.read(data, 0, length, from);
      const decoded = decodeRecords(data.subarray(0, bytesRead), limit);
      if (decoded.clicks.length === 0) return { clicks: 0, atEnd: decoded.damaged || from + bytesRead >= size };
      const rows = decoded.clicks.map((click) => this.enricher.enrich(click));
      const checkpoint = { instance: this.instance, segment: n, offset: from + decoded.used };
      await insertClicks(this.db, rows, checkpoint);
      this.checkpoint = checkpoint;
      this.ingested += rows.length;
      return { clicks: rows.length, atEnd: false };
    } finally {
      await file.close();
    }
  }
}
