/**
 * Fixed-window attempt counters, keyed by text (an address, an e-mail). `take` counts one attempt and
 * answers the count in the current window; `untake` gives one back (a sign-in that succeeded).
 * Two stores: this one in memory (one process, SQLite), and a table shared by every process on
 * PostgreSQL (src/features/auth/login-attempts.repository.ts).
 */
export interface AttemptWindows {
  take(key: string): Promise<number>;
  untake(key: string): Promise<void>;
  reset(key: string): Promise<void>;
}

/** The in-memory fixed-window counter; `take` is synchronous under `AttemptWindows`'s promise. */
export class RateLimiter implements AttemptWindows {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one attempt; false when the key has used up its window. */
  allow(key: string): boolean {
    return this.count(key) <= this.limit;
  }

  take(key: string): Promise<number> {
    return Promise.resolve(this.count(key));
  }

  untake(key: string): Promise<void> {
    const window = this.windows.get(key);
    if (window && window.count > 0) window.count -= 1;
    return Promise.resolve();
  }

  reset(key: string): Promise<void> {
    this.windows.delete(key);
    return Promise.resolve();
  }

  private count(key: string): number {
    const now = this.now();
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      if (this.windows.size > 100_000) this.prune(now);
      this.windows.set(key, { start: now, count: 1 });
      return 1;
    }
    window.count += 1;
    return window.count;
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.windowMs) this.windows.delete(key);
    }
  }
}
