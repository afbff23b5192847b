interface Entry<T> {
  target: T | null;
  loadedAt: number;
}

/**
 * Slug → redirect target, in memory, bounded (oldest entries go first) and refreshed after `ttlMs`
 * so that other processes' changes show up. Misses are cached too (a bot hammering unknown slugs
 * costs one query per slug per TTL). This process's own changes invalidate at once.
 */
export class LinkCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly loading = new Map<string, Promise<T | null>>();

  constructor(
    private readonly load: (slug: string) => Promise<T | null>,
    private readonly max = 100_000,
    private readonly ttlMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached target (null = known missing), or undefined when it must be loaded; `at`: now, if the caller has it. */
  peek(slug: string, at = this.now()): T | null | undefined {
    const entry = this.entries.get(slug);
    if (!entry || at - entry.loadedAt > this.ttlMs) return undefined;
    return entry.target;
  }

  /** Loads a slug once, however many requests ask for it at the same moment. */
  fetch(slug: string): Promise<T | null> {
    const pending = this.loading.get(slug);
    if (pending) return pending;
    const promise: Promise<T | null> = this.load(slug)
      .then((target) => {
        // A change while loading invalidated this load: answer it, but do not cache it.
        if (this.loading.get(slug) !== promise) return target;
        this.entries.delete(slug);
        this.entries.set(slug, { target, loadedAt: this.now() });
        if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
        return target;
      })
      .finally(() => {
        if (this.loading.get(slug) === promise) this.loading.delete(slug);
      });
    this.loading.set(slug, promise);
    return promise;
  }

  invalidate(slug: string): void {
    this.entries.delete(slug);
    this.loading.delete(slug);
  }

  get size(): number {
    return this.entries.size;
  }
}
