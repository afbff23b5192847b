import type { Db } from '../../db/database.js';
import { keepRollups } from './rollups.service.js';

/**
 * Runs `keepRollups` in the jobs thread (docs/rollups.md "Kept by the jobs thread"): at start, then every
 * `intervalMs`; a pass already under way is joined, never doubled.
 */
export class RollupKeeper {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
  ) {}

  start(): void {
    if (this.timer) return;
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs ?? 30_000);
    this.timer.unref();
  }

  tick(): Promise<void> {
    this.running ??= keepRollups(this.db)
      .then(
        () => undefined,
        (error) => this.options.onError?.(error),
      )
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
