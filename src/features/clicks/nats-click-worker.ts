import { type ConsumerMessages, type JsMsg, jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Db } from '../../db/database.js';
import { connectNats, type NatsAuth, type NatsNames } from '../../lib/nats.js';
import { ClickEnricher } from './click-enrich.js';
import { decodeRecords } from './click-log-format.js';
import type { PendingClick } from './click-writer.js';
import { RepeatDetector } from './clicks.js';
import { insertClicks } from './clicks.repository.js';
import { ensureClickStream } from './nats-clicks.js';

/** Clicks stored per transaction (whole messages: a transaction may go a message past this). */
const BATCH_CLICKS = 5000;

export interface ClickWorkerOptions {
  /** Credentials and TLS for NATS (docs/deployment.md "Securing NATS"). */
  auth?: NatsAuth;
  onError?: (error: unknown) => void;
}

/**
 * Stores the click batches of the JetStream stream into the database (docs/deployment.md "Clicks through NATS"):
 * every worker pulls from one shared durable consumer, so each batch goes to one of them; a worker
 * enriches a few batches' clicks together, stores them in one transaction through `insertClicks` (which
 * skips click ids already stored and counts in the rollup only the clicks it inserted), and acknowledges
 * the batches after the commit. A batch delivered again (a worker died before its ack, an ack was lost)
 * stores nothing twice.
 */
export class ClickWorker {
  private pending: JsMsg[] = [];
  private flushing: Promise<void> | null = null;
  private messages: ConsumerMessages | null = null;
  private stopped = false;
  private readonly enricher: ClickEnricher;
  /** Clicks this worker handed to the database (those already stored included). */
  stored = 0;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly db: Db,
    secret: string,
    private readonly opts: ClickWorkerOptions,
  ) {
    this.enricher = new ClickEnricher(secret, new RepeatDetector());
  }

  /** Connects (waiting for NATS as long as it takes), makes the stream and consumer if missing, consumes. */
  static async start(url: string, names: NatsNames, db: Db, secret: string, opts: ClickWorkerOptions = {}): Promise<ClickWorker> {
    const nc = await connectNats(url, 'kos worker', opts.auth);
    await ensureClickStream(await jetstreamManager(nc), names);
    const worker = new ClickWorker(nc, db, secret, opts);
    const consumer = await jetstream(nc).consumers.get(names.stream, names.consumer);
    worker.messages = await consumer.consume({ max_messages: 64, callback: (m) => worker.take(m) });
    return worker;
  }

  /** Stops pulling, stores and acknowledges what it holds, closes the connection. */
  async close(): Promise<void> {
    this.messages?.stop();
    this.stopped = true;
    while (this.flushing) await this.flushing;
    await this.nc.drain().catch(() => {});
  }

  private take(message: JsMsg): void {
    this.pending.push(message);
    this.kick();
  }

  private kick(): void {
    if (this.flushing) return;
    this.flushing = this.flush().finally(() => {
      this.flushing = null;
      if (this.pending.length > 0) this.kick();
    });
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const taken: JsMsg[] = [];
      const clicks: PendingClick[] = [];
      while (this.pending.length > 0 && clicks.length < BATCH_CLICKS) {
        const message = this.pending.shift() as JsMsg;
        const decoded = decodeRecords(Buffer.from(message.data.buffer, message.data.byteOffset, message.data.byteLength));
        if (decoded.damaged || decoded.used !== message.data.length) {
          // Not a batch a forwarder wrote (it sends whole, checked records only): never deliver it again.
          this.opts.onError?.(new Error(`click batch ${message.seq} is damaged; dropped`));
          message.term(); // no reason: servers before 2.10 ignore a +TERM that carries one
          continue;
        }
        taken.push(message);
        clicks.push(...decoded.clicks);
      }
      if (taken.length === 0) continue;
      const rows = clicks.map((click) => this.enricher.enrich(click));
      for (let attempt = 1; ; attempt++) {
        try {
          await insertClicks(this.db, rows);
          break;
        } catch (error) {
          this.opts.onError?.(error);
          // Unacknowledged, the batches go to a worker again after the ack wait: nothing is lost.
          if (this.stopped && attempt >= 3) {
            this.pending = [];
            return;
          }
          for (const message of taken) message.working();
          await new Promise((resolve) => setTimeout(resolve, Math.min(attempt * 200, 2000)));
        }
      }
      for (const message of taken) message.ack();
      this.stored += rows.length;
    }
  }
}
