// Many SSE viewers in one process for the live-room benchmark: each a socket of its own (no agent pooling)
// that keeps the newest `tick` it read; `waitAll` resolves when every viewer has seen a tick that matches,
// with the time each one saw it.
import { request } from 'node:http';

interface Viewer {
  latest: Record<string, unknown> | null;
  close(): void;
}

export class Viewers {
  private readonly viewers: Viewer[] = [];
  private waiter: { match: (tick: Record<string, unknown>) => boolean; seen: Map<number, number>; done: () => void } | null =
    null;

  get count(): number {
    return this.viewers.length;
  }

  /** The newest tick viewer `i` has read. */
  latest(i: number): Record<string, unknown> | null {
    return this.viewers[i]?.latest ?? null;
  }

  /** Opens `n` streams on `url`, `batch` at a time, each resolved at its first tick. */
  async open(url: string, headers: Record<string, string>, n: number, batch = 50): Promise<void> {
    for (let i = 0; i < n; i += batch)
      await Promise.all(Array.from({ length: Math.min(batch, n - i) }, () => this.openOne(url, headers)));
  }

  private openOne(url: string, headers: Record<string, string>): Promise<void> {
    const index = this.viewers.length;
    return new Promise((resolve, reject) => {
      const req = request(url, { agent: false, headers: { accept: 'text/event-stream', ...headers } }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`viewer ${index}: ${res.statusCode}`));
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end = buffer.indexOf('\n\n');
          while (end !== -1) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block.startsWith('event: tick\n') ? block.slice(block.indexOf('data: ') + 6) : null;
            if (data !== null) {
              viewer.latest = JSON.parse(data);
              resolve();
              this.onTick(index, viewer.latest as Record<string, unknown>);
            }
            end = buffer.indexOf('\n\n');
          }
        });
      });
      const viewer: Viewer = { latest: null, close: () => req.destroy() };
      this.viewers.push(viewer);
      req.on('error', (error) => (viewer.latest === null ? reject(error) : undefined));
      req.end();
    });
  }

  private onTick(index: number, tick: Record<string, unknown>): void {
    const w = this.waiter;
    if (!w || w.seen.has(index) || !w.match(tick)) return;
    w.seen.set(index, performance.now());
    if (w.seen.size === this.viewers.length) w.done();
  }

  /** Resolves with each viewer's arrival time (performance.now) of the first tick matching `match`. */
  waitAll(match: (tick: Record<string, unknown>) => boolean, timeoutMs = 10_000): Promise<number[]> {
    return new Promise((resolve, reject) => {
      const seen = new Map<number, number>();
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(new Error(`only ${seen.size} of ${this.viewers.length} viewers saw the tick within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiter = {
        match,
        seen,
        done: () => {
          clearTimeout(timer);
          this.waiter = null;
          resolve([...seen.values()]);
        },
      };
      for (const [i, v] of this.viewers.entries()) if (v.latest && match(v.latest)) seen.set(i, performance.now());
      if (seen.size === this.viewers.length) this.waiter.done();
    });
  }

  closeAll(): void {
    for (const v of this.viewers.splice(0)) v.close();
  }
}

/** The value at quantile q (0–1) of the numbers, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}
