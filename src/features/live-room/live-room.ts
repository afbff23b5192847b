import type { LiveTick } from './live-room.schema.js';

/**
 * The live room's pure rules (docs/live-room.md): what a tick holds, how it is framed on the event
 * stream, and when the next one may go out. No I/O.
 */

/** At most one tick per session every this many ms (docs/live-room.md, "Throttling"). */
export const TICK_SPACING_MS = 500;
/** How often a watched session's fingerprint is read (docs/live-room.md, "Changes from any process"). */
export const POLL_INTERVAL_MS = 250;
/** A client whose socket buffer stays this full is closed; its browser reconnects and gets a fresh tick. */
export const SLOW_CLIENT_BYTES = 256 * 1024;

/**
 * One `tick` event: the session's figures now — GMV, orders, tied lines (a count, any status), the latest
 * order time, the stats and, our addition to the contract, each product's stock (null = not tracked).
 */
export type Tick = LiveTick;

const TICK_EVENT = 'event: tick\n';

/** The bytes of one `tick` event. */
export const tickFrame = (tick: Tick): string => `${TICK_EVENT}data: ${JSON.stringify(tick)}\n\n`;

/** A tick frame with its SSE `id`: when it is written to a viewer, ms since 1970 (docs/live-room.md "Throttling"). */
export const stampedTickFrame = (frame: string, sentAt: number): string =>
  `${TICK_EVENT}id: ${sentAt}\n${frame.slice(TICK_EVENT.length)}`;

/** A heartbeat: an SSE comment line, ignored by EventSource, that keeps proxies from closing the stream. */
export const HEARTBEAT_FRAME = ': heartbeat\n\n';

/** The first bytes of a stream: how long a browser waits before reconnecting (ms), as an SSE field. */
export const STREAM_PREAMBLE = 'retry: 2000\n\n';

/**
 * When the next tick of a session may be sent: now, or `TICK_SPACING_MS` after the last one. Returns the
 * delay in ms (0 = at once).
 */
export function tickDelay(lastSentAt: number | null, now: number): number {
  if (lastSentAt === null) return 0;
  return Math.max(0, lastSentAt + TICK_SPACING_MS - now);
}

/**
 * The change fingerprint of a session (docs/live-room.md): values read in one query that change with any
 * committed change to the session, its tied lines or its products' stock.
 */
export type Fingerprint = Record<string, number | string | bigint | null>;

/** A comparable text of a fingerprint (PostgreSQL and SQLite may type the aggregates differently). */
export const fingerprintKey = (f: Fingerprint): string =>
  Object.keys(f)
    .sort()
    .map((k) => {
      const v = f[k];
      return v === null || v === undefined ? '' : String(Number(v));
    })
    .join('|');
