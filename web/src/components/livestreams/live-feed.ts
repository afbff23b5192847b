import { useEffect, useState } from 'react';
import type { Livestream } from '../../types';

/** One `tick` event of the live room (API.md; `stock` by product id, null = not tracked: docs/live-room.md). */
export interface Tick {
  gmvMinor: number;
  orders: number;
  /** Order lines tied to the session. */
  lines: number;
  lastOrderAt: string | null;
  stats: Livestream['stats'];
  stock?: Record<string, number | null>;
}
/** `connecting` until the first open, `live` while the stream is open, `reconnecting` after it dropped. */
export type FeedStatus = 'connecting' | 'live' | 'reconnecting';

/** Waits before opening the stream again after the browser gave up on it (its own retries come first). */
const BACKOFF_MS = [2_000, 5_000, 10_000, 30_000];

/**
 * The session's live figures (`GET /livestreams/{id}/live`, server-sent events, the session cookie): the
 * latest `tick` and the connection's state. The browser reconnects by itself after a drop (the server
 * asks for 2 s); when it gives up (an answer that is not a stream) the hook opens a new one, waiting
 * longer each time (docs/livestream-console.md, "The live room"). `enabled` false opens nothing.
 */
export function useLiveFeed(id: string, enabled: boolean): { tick: Tick | null; status: FeedStatus } {
  const [tick, setTick] = useState<Tick | null>(null);
  const [status, setStatus] = useState<FeedStatus>('connecting');
  useEffect(() => {
    if (!enabled || !id || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let stopped = false;
    const open = () => {
      source = new EventSource(`/api/v1/livestreams/${encodeURIComponent(id)}/live`, { withCredentials: true });
      source.onopen = () => {
        failures = 0;
        setStatus('live');
      };
      source.addEventListener('tick', (e) => {
        try {
          setTick(JSON.parse((e as MessageEvent<string>).data) as Tick);
          setStatus('live');
        } catch {
          // a malformed event: keep the last figures
        }
      });
      source.onerror = () => {
        setStatus('reconnecting');
        if (source?.readyState !== EventSource.CLOSED || stopped) return;
        source = null;
        const wait = BACKOFF_MS[Math.min(failures, BACKOFF_MS.length - 1)];
        failures += 1;
        timer = setTimeout(open, wait);
      };
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [id, enabled]);
  return { tick, status };
}
