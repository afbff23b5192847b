import { open, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { type JetStreamClient, jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { headers } from '@nats-io/transport-node';
import { connectNats, type NatsAuth, type NatsNames } from '../../lib/nats.js';
import { decodeRecords, HEADER_BYTES, MAX_RECORD_BYTES, segmentName, segmentNumber } from './click-log-format.js';
import { ensureClickStream } from './nats-clicks.js';

/** A message holds at most this many bytes of records (NATS refuses payloads over 1 MB by default). */
const MESSAGE_BYTES = 512 * 1024;
/** The forwarder's own checkpoint in the instance's folder: `{ segment, offset }` forwarded so far. */
const CHECKPOINT = 'forwarded';
/** How long a publish (or the first connection) may take before the pass fails and is retried. */
const PUBLISH_TIMEOUT_MS = 5000;

interface Position {
  segment: number;
  offset: number;
}

export interface ClickForwarderOptions {
  /** How often an idle forwarder looks for new batches in the log. */
  pollMs?: number;
  /** Credentials and TLS for NATS (docs/deployment.md "Securing NATS"). */
  auth?: NatsAuth;
  onError?: (error: unknown) => void;
}

/**
 * Moves an instance's click log to JetStream (docs/deployment.md "Clicks through NATS"), in the jobs
 * thread: reads the log from its own checkpoint, publishes the records as they are on disk (a message
 * of up to 512 KB of whole records, with a message id made of its first and last click ids and its
 * count, so JetStream drops a batch published twice), advances the checkpoint once JetStream has
 * acknowledged, and deletes a sealed segment forwarded to its end. While NATS is unreachable nothing
 * moves: the clicks wait in the log, on disk, and go when it is back.
 */
export class ClickForwarder {
  private connection: Promise<NatsConnection> | null = null;
  private nc: NatsConnection | null = null;
  private js: JetStreamClient | null = null;
  private position: Position | null = null;
  private running: Promise<number> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly instance: string;
  private readonly opts: Required<Omit<ClickForwarderOptions, 'onError' | 'auth'>> &
    Pick<ClickForwarderOptions, 'onError' | 'auth'>;
  /** Clicks published by this forwarder (acknowledged by JetStream, duplicates included). */
  forwarded = 0;

  constructor(
    private readonly url: string,
    private readonly names: NatsNames,
    readonly dir: string,
    options: ClickForwarderOptions = {},
  ) {
    this.instance = basename(dir);
    this.opts = { pollMs: 25, ...options };
  }

  start(): void {
    let reported = Number.NEGATIVE_INFINITY;
    const tick = () => {
      this.timer = null;
      if (this.stopped) return;
      this.forward().then(
        (sent) => {
          reported = Number.NEGATIVE_INFINITY;
          if (!this.stopped) this.timer = setTimeout(tick, sent > 0 ? 0 : this.opts.pollMs);
        },
        (error) => {
          // Retried every second; told once, then every 30 s while it lasts (a NATS outage is long).
          if (performance.now() - reported > 30_000) {
            reported = performance.now();
            this.opts.onError?.(error);
          }
          if (!this.stopped) this.timer = setTimeout(tick, 1000);
        },
      );
    };
    tick();
  }

  /** Forwards until the log holds nothing new. */
  async drain(): Promise<void> {
    while ((await this.forward()) > 0) {}
  }

  /**
   * Stops polling, forwards what the log holds (its writer flushed it), closes the connection. With NATS
   * unreachable it gives up after the publish timeout: the clicks stay in the log for the next start.
   * Answers whether the whole log was forwarded (the click ingester's contract).
   */
  async close(): Promise<boolean> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    try {
      await this.drain();
      return true;
    } catch (error) {
      this.opts.onError?.(error);
      return false;
    } finally {
      await this.nc?.drain().catch(() => {});
    }
  }

  /** One pass (never two at once): publishes at most one message, answers how many clicks it held. */
  forward(): Promise<number> {
    const next = (this.running ?? Promise.resolve(0)).catch(() => 0).then(() => this.pass());
    this.running = next;
    return next;
  }

  private async client(): Promise<JetStreamClient> {
    if (this.js) return this.js;
    this.connection ??= connectNats(this.url, `kos ${this.instance} clicks`, this.opts.auth).then((nc) => {
      this.nc = nc;
      return nc;
    });
    let timer: NodeJS.Timeout | undefined;
    const unreachable = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`NATS at ${this.url} is unreachable`)), PUBLISH_TIMEOUT_MS);
    });
    const nc = await Promise.race([this.connection, unreachable]).finally(() => clearTimeout(timer));
    await ensureClickStream(await jetstreamManager(nc), this.names);
    this.js = jetstream(nc);
    return this.js;
  }

  private async pass(): Promise<number> {
    this.position ??= await readPosition(this.dir);
    const segments = (await readdir(this.dir).catch(() => []))
      .map((name) => segmentNumber(name))
      .filter((n): n is number => n !== null)
      .sort((a, b) => a - b);
    for (const [index, n] of segments.entries()) {
      if (n < this.position.segment) {
        await unlink(join(this.dir, segmentName(n))).catch(() => {}); // forwarded before a crash
        continue;
      }
      const from = n === this.position.segment ? this.position.offset : 0;
      const { clicks, atEnd } = await this.sendFrom(n, from);
      if (clicks > 0) return clicks;
      const next = segments[index + 1];
      if (next === undefined || !atEnd) return 0;
      // Sealed (a newer segment exists) and forwarded to its end (a torn tail is skipped): move on.
      await this.save({ segment: next, offset: 0 });
      await unlink(join(this.dir, segmentName(n))).catch(() => {});
    }
    return 0;
  }

  /** Publishes one message of the segment's records from `from`; `atEnd` when nothing is left to read. */
  private async sendFrom(n: number, from: number): Promise<{ clicks: number; atEnd: boolean }> {
    const file = await open(join(this.dir, segmentName(n)), 'r').catch(() => null);
    if (!file) return { clicks: 0, atEnd: true };
    let data: Buffer;
    let size: number;
    try {
      size = (await file.stat()).size;
      if (size <= from) return { clicks: 0, atEnd: true };
      const length = Math.min(size - from, Math.max(MESSAGE_BYTES, HEADER_BYTES + MAX_RECORD_BYTES));
      data = Buffer.allocUnsafe(length);
      data = data.subarray(0, (await file.read(data, 0, length, from)).bytesRead);
    } finally {
      await file.close();
    }
    const decoded = decodeRecords(data);
    const first = decoded.clicks[0];
    const last = decoded.clicks[decoded.clicks.length - 1];
    if (!first || !last) return { clicks: 0, atEnd: decoded.damaged || from + data.length >= size };
    const js = await this.client();
    const h = headers();
    h.set('Kos-Instance', this.instance);
    h.set('Kos-Clicks', String(decoded.clicks.length));
    // Click ids are random (12 characters from a CSPRNG): first, last and count name this batch alone.
    const msgID = `${first.clickId}.${last.clickId}.${decoded.clicks.length}`;
    await js.publish(this.names.clicksOf(this.instance), data.subarray(0, decoded.used), {
      msgID,
      headers: h,
      timeout: PUBLISH_TIMEOUT_MS,
    });
    await this.save({ segment: n, offset: from + decoded.used });
    this.forwarded += decoded.clicks.length;
    return { clicks: decoded.clicks.length, atEnd: false };
  }

  /** Saves the position (write, then rename: a crash leaves the old one or the new one, never half). */
  private async save(position: Position): Promise<void> {
    const file = join(this.dir, CHECKPOINT);
    await writeFile(`${file}.tmp`, JSON.stringify(position));
    await rename(`${file}.tmp`, file);
    this.position = position;
  }
}

async function readPosition(dir: string): Promise<Position> {
  try {
    const { segment, offset } = JSON.parse(await readFile(join(dir, CHECKPOINT), 'utf8')) as Position;
    if (Number.isInteger(segment) && Number.isInteger(offset)) return { segment, offset };
  } catch {}
  return { segment: 0, offset: 0 };
}
