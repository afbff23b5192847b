import { AckPolicy, DiscardPolicy, type JetStreamManager, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import type { NatsNames } from '../../lib/nats.js';

/** How long JetStream remembers a message id to drop a republished batch (docs/deployment.md). */
export const DUPLICATE_WINDOW_MS = 10 * 60_000;
/** How long a delivered batch may stay unacknowledged before JetStream delivers it again. */
const ACK_WAIT_MS = 60_000;
/** Unstored batches a worker may hold at once (each at most ~512 KB of clicks). */
const MAX_ACK_PENDING = 64;
const ns = (ms: number) => ms * 1_000_000;

/**
 * Creates the click stream and the workers' durable pull consumer when missing (the same call with the
 * same settings is a no-op, so every process may make it at start; one an operator made beforehand with
 * other settings, replicas say, is kept as it is). Work-queue retention: a batch is removed once a
 * worker acknowledged it, after it committed.
 */
export async function ensureClickStream(jsm: JetStreamManager, names: NatsNames): Promise<void> {
  // A failed add is fine when the stream (or consumer) exists after all: made before with other settings.
  const kept = (exists: () => Promise<unknown>) => (error: unknown) =>
    exists().catch(() => {
      throw error;
    });
  await jsm.streams
    .add({
      name: names.stream,
      subjects: [names.clickSubjects],
      retention: RetentionPolicy.Workqueue,
      storage: StorageType.File,
      discard: DiscardPolicy.Old,
      duplicate_window: ns(DUPLICATE_WINDOW_MS),
    })
    .catch(kept(() => jsm.streams.info(names.stream)));
  await jsm.consumers
    .add(names.stream, {
      durable_name: names.consumer,
      ack_policy: AckPolicy.Explicit,
      ack_wait: ns(ACK_WAIT_MS),
      max_ack_pending: MAX_ACK_PENDING,
    })
    .catch(kept(() => jsm.consumers.info(names.stream, names.consumer)));
}
