import type { PendingClick } from './click-writer.js';

/** Where the redirect hands its clicks: the batched writer itself, or the background thread hosting it. */
export interface ClickSink {
  /** Queues a click; returns a promise only when the queue is full (the caller should await it). */
  push(click: PendingClick): Promise<void> | undefined;
}
