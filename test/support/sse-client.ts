import { type IncomingMessage, request } from 'node:http';

/** One event read from a `text/event-stream` (a comment line is `{ comment }`), with when it arrived. */
export interface SseEvent {
  event: string | null;
  data: string | null;
  comment: string | null;
  /** The event's `id` field (the live room writes its send time there), or null. */
  id: string | null;
  at: number;
}

export interface SseStream {
  status: number;
  headers: IncomingMessage['headers'];
  /** The events read so far (the body of a non-stream answer is in `body`). */
  events: SseEvent[];
  body: string;
  /** Resolves when an event matching `match` has arrived (looking at all read so far), or rejects after `timeoutMs`. */
  next(match: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/** Ticks' data, parsed. */
export const ticks = (s: SseStream) =>
  s.events
    .filter((e) => e.event === 'tick')
    .map((e) => ({ ...JSON.parse(e.data ?? '{}'), at: e.at, sentAt: e.id === null ? null : Number(e.id) }));

/**
 * Opens a GET on a listening server with node:http and parses the answer as server-sent events as they
 * arrive (a real socket, not `inject`). Resolves once the status and headers are in.
 */
export function openSse(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      const waiters = new Set<() => void>();
      let buffer = '';
      let endedResolve: () => void = () => {};
      const stream: SseStream = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        events: [],
        body: '',
        ended: new Promise<void>((r) => {
          endedResolve = r;
        }),
        next(match, timeoutMs = 5000) {
          return new Promise((ok, fail) => {
            const check = () => {
              const found = stream.events.find(match);
              if (!found) return false;
              clearTimeout(timer);
              waiters.delete(check as () => void);
              ok(found);
              return true;
            };
            const timer = setTimeout(() => {
              waiters.delete(check as () => void);
              fail(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(stream.events)}`));
            }, timeoutMs);
            if (!check()) waiters.add(check as () => void);
          });
        },
        close: () => req.destroy(),
      };
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        stream.body += chunk;
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: SseEvent = { event: null, data: null, comment: null, id: null, at: Date.now() };
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) event.comment = line.slice(1).trim();
            else if (line.startsWith('event:')) event.event = line.slice(6).trim();
            else if (line.startsWith('id:')) event.id = line.slice(3).trim();
            else if (line.startsWith('data:')) event.data = (event.data === null ? '' : `${event.data}\n`) + line.slice(5).trim();
          }
          stream.events.push(event);
          end = buffer.indexOf('\n\n');
        }
        for (const waiter of [...waiters]) waiter();
      });
      res.on('end', () => endedResolve());
      res.on('close', () => endedResolve());
      resolve(stream);
    });
    req.on('error', reject);
    req.end();
  });
}
