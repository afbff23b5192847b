import type { NatsConnection } from '@nats-io/transport-node';
import { connectNats, type NatsAuth } from '../../lib/nats.js';

/** How long a start waits for NATS before it serves anyway (changes then reach it by the cache TTL). */
const CONNECT_WAIT_MS = 3000;

/**
 * Link-cache invalidation across processes (docs/deployment.md "Link cache"): a process that changes a
 * link drops the slug from its own cache and publishes the slug on a core NATS subject; every process
 * subscribed drops it from its cache at once, instead of after the cache's 30 s TTL. Best effort: while
 * NATS is unreachable, a change reaches the other processes by the TTL, as without NATS.
 */
export class LinkInvalidation {
  private nc: NatsConnection | null = null;
  private closed = false;

  private constructor(private readonly subject: string) {}

  /** Connects and subscribes (waiting at most a few seconds; the connection goes on trying after that). */
  static async start(
    url: string,
    subject: string,
    drop: (slug: string) => void,
    onError: (error: unknown) => void,
    auth: NatsAuth = {},
  ): Promise<LinkInvalidation> {
    const bus = new LinkInvalidation(subject);
    const ready = connectNats(url, 'kos link cache', auth).then(async (nc) => {
      if (bus.closed) return void (await nc.close());
      nc.subscribe(subject, { callback: (error, message) => (error ? onError(error) : drop(message.string())) });
      // The server has the subscription once it answers a ping: a change from now on reaches this process.
      await nc.flush();
      bus.nc = nc;
    });
    ready.catch(onError);
    await Promise.race([ready, new Promise((resolve) => setTimeout(resolve, CONNECT_WAIT_MS).unref())]);
    return bus;
  }

  /** Tells every process that the slug's target changed. */
  publish(slug: string): void {
    try {
      this.nc?.publish(this.subject, slug);
    } catch {
      // Closed or reconnecting: the other processes fall back to the TTL.
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.nc?.drain().catch(() => {});
  }
}
