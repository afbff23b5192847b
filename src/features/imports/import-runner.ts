import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Db } from '../../db/database.js';
import { STOPPED_BEFORE_START } from './import-failure.js';
import { type FileJob, failStaleImports, queueFileImport, runFileImport } from './import-jobs.js';
import * as repo from './imports.repository.js';
import type { ImportStatus } from './imports.schema.js';

export interface RunnerOptions {
  /** File imports this process runs at once (each of another org). */
  maxRunning?: number;
  heartbeatMs?: number;
  /** How often queued imports retry their claim (another process's import may have ended). */
  retryMs?: number;
  sweepMs?: number;
  onError?(error: unknown): void;
}

interface Entry {
  job: FileJob;
  started: boolean;
  settled: Promise<void>;
  settle(error?: unknown): void;
}

/**
 * Runs this process's file imports (docs/imports.md): each waits `queued` until it can claim its org's
 * single running slot, runs, and settles. Heartbeats keep its imports alive for the sweep, which fails
 * other processes' imports that went silent. Lives in the background thread, so none of its database
 * writes ever waits on the event loop that serves requests.
 */
export class ImportRunner {
  private readonly entries = new Map<string, Entry>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly controller = new AbortController();
  private running = 0;
  private readonly opts: Required<Omit<RunnerOptions, 'onError'>> & Pick<RunnerOptions, 'onError'>;

  constructor(
    private readonly db: Db,
    options: RunnerOptions = {},
  ) {
    this.opts = { maxRunning: 2, heartbeatMs: 5_000, retryMs: 1_000, sweepMs: 15_000, ...options };
  }

  /** Fails imports orphaned by a stopped process, then keeps heartbeats, claims and sweeps going. */
  async start(): Promise<void> {
    await failStaleImports(this.db);
    const every = (ms: number, work: () => Promise<unknown>) => {
      const timer = setInterval(() => void work().catch((error) => this.opts.onError?.(error)), ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(this.opts.heartbeatMs, () => repo.touchImports(this.db, [...this.entries.keys()], Date.now()));
    every(this.opts.retryMs, () => this.pump());
    every(this.opts.sweepMs, () => failStaleImports(this.db));
  }

  /** Records the import `queued` and starts it when its org is free; answers its id and status now. */
  async queue(input: Omit<FileJob, 'id' | 'orgId'>): Promise<{ id: string; status: ImportStatus }> {
    const job = await queueFileImport(this.db, input.principal, input);
    let settle: Entry['settle'] = () => {};
    const settled = new Promise<void>((resolve, reject) => {
      settle = (error) => (error === undefined ? resolve() : reject(error));
    });
    settled.catch(() => {}); // a caller that answered 202 never awaits it
    this.entries.set(job.id, { job, started: false, settled, settle });
    await this.pump();
    return { id: job.id, status: this.entries.get(job.id)?.started ? 'running' : 'queued' };
  }

  /** Resolves when the import is done; rejects with its failure. Unknown ids resolve at once. */
  settled(id: string): Promise<void> {
    return this.entries.get(id)?.settled ?? Promise.resolve();
  }

  /** Stops: queued imports fail at once, running ones stop after their current chunk (rows kept). */
  async close(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.controller.abort();
    const waiting = [...this.entries.values()];
    for (const entry of waiting.filter((e) => !e.started)) {
      const { reason, problem } = STOPPED_BEFORE_START;
      await repo.markFailed(this.db, entry.job.id, reason, Date.now(), problem);
      await this.finish(entry, new Error('the server stopped before this import started'));
    }
    await Promise.allSettled(waiting.map((e) => e.settled));
  }

  private async pump(): Promise<void> {
    for (const entry of this.entries.values()) {
      if (this.running >= this.opts.maxRunning || this.controller.signal.aborted) return;
      if (entry.started || !(await repo.claimImport(this.db, entry.job.id, Date.now()))) continue;
      entry.started = true;
      this.running += 1;
      runFileImport(this.db, entry.job, { signal: this.controller.signal }).then(
        () => this.finish(entry),
        (error) => this.finish(entry, error),
      );
    }
  }

  private async finish(entry: Entry, error?: unknown): Promise<void> {
    if (!this.entries.delete(entry.job.id)) return;
    if (entry.started) this.running -= 1;
    // The upload's own folder goes on every path: done, failed, or never started.
    await rm(dirname(entry.job.path), { recursive: true, force: true }).catch(() => {});
    entry.settle(error);
    if (!this.controller.signal.aborted) void this.pump().catch((e) => this.opts.onError?.(e));
  }
}
