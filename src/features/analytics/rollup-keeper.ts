import type { Db } from '../../db/database.js';
import { Periodic } from '../../lib/periodic.js';
import { keepRollups } from './rollups.service.js';

/**
 * Runs `keepRollups` in the jobs thread (docs/rollups.md "Kept by the jobs thread"): at start, then every
 * `intervalMs`; a pass already under way is joined, never doubled.
 */
export class RollupKeeper {
  private readonly periodic: Periodic<void>;

  constructor(db: Db, options: { intervalMs?: number; onError?: (error: unknown) => void } = {}) {
    const pass = () =>
      keepRollups(db).then(
        () => undefined,
        (error: unknown) => options.onError?.(error),
      );
    this.periodic = new Periodic(pass, options.intervalMs ?? 30_000);
  }

  start(): void {
    this.periodic.start();
  }

  tick(): Promise<void> {
    return this.periodic.tick();
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }
}
