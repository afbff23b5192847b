import type { Principal } from '../features/access/access.js';
import type { ClickSink } from '../features/clicks/click-sink.js';
import type { PendingClick } from '../features/clicks/click-writer.js';
import type { FileJob } from '../features/imports/import-jobs.js';
import type { ImportReport, ImportStatus } from '../features/imports/imports.schema.js';
import type { TierRecompute } from '../features/tiers/tiers.service.js';
import { DomainError, type ErrorCode, type FieldError, GENERIC_PROBLEMS, STATUS_BY_CODE } from '../lib/errors.js';
import { isProblem } from '../lib/problems/problem.js';
import { type SerialisedError, startThread, ThreadClient } from '../lib/thread.js';

export interface BackgroundSettings {
  databaseUrl: string;
  secret: string;
  /** Run the daily jobs (the tier recompute at 02:00 in each org's zone, docs/tiers.md) in the jobs thread. */
  scheduler?: boolean;
}

/** The two background threads: click writes (serving priority) and jobs (imports, webhooks, tiers; lower). */
export type ThreadRole = 'clicks' | 'jobs';

export type BackgroundLog = (level: 'error' | 'warn' | 'info', message: string, error?: SerialisedError) => void;

/** Clicks sent to the thread per message, and the longest a click waits in this thread before it goes. */
const BATCH = 256;
const SEND_MS = 10;
/** Past this many clicks not yet queued by the thread, `push` returns a promise (back-pressure). */
const MAX_IN_FLIGHT = 100_000;

const decodeError = (error: SerialisedError): Error => {
  if (error.code && error.code in STATUS_BY_CODE) {
    // The problem crosses the thread as plain data; the field errors carry theirs in each item.
    const keyed = { key: error.key, params: error.params };
    const decoded = isProblem(keyed) ? keyed : GENERIC_PROBLEMS[error.code as ErrorCode];
    return new DomainError(error.code as ErrorCode, decoded, error.message, error.errors as FieldError[] | undefined);
  }
  const decoded = new Error(error.message);
  if (error.stack) decoded.stack = error.stack;
  return decoded;
};

/**
 * This thread's side of the background threads (background-thread.ts): clicks are batched here and sent
 * every few milliseconds to the clicks thread; imports and webhook pushes are handed whole to the jobs
 * thread. Each thread starts on first use and again after a crash.
 */
export class Background implements ClickSink {
  private readonly clients = new Map<ThreadRole, ThreadClient>();
  private buffer: PendingClick[] = [];
  private timer: NodeJS.Timeout | null = null;
  private inFlight = 0;
  private drained: (() => void)[] = [];

  constructor(
    private readonly settings: BackgroundSettings,
    private readonly log: BackgroundLog,
  ) {}

  push(click: PendingClick): Promise<void> | undefined {
    this.buffer.push(click);
    if (this.buffer.length >= BATCH) this.send();
    else this.timer ??= setTimeout(() => this.send(), SEND_MS);
    if (this.inFlight + this.buffer.length < MAX_IN_FLIGHT) return undefined;
    return new Promise((resolve) => this.drained.push(resolve));
  }

  /** Starts the jobs thread now (a server does at start-up, so orphaned imports are failed at once). */
  start(): void {
    this.thread('jobs');
  }

  /** Resolves when every click pushed so far is written. */
  async flushClicks(): Promise<void> {
    this.send();
    await this.thread('clicks').call('flushClicks', null);
  }

  /** Records a file import `queued` in the thread and answers its id; it runs when its org is free. */
  queueImport(input: Omit<FileJob, 'id' | 'orgId'>): Promise<{ id: string; status: ImportStatus }> {
    return this.thread('jobs').call('queueImport', input);
  }

  /** Resolves when the import is done; rejects with its failure (a file error is a 422 DomainError). */
  awaitImport(id: string): Promise<void> {
    return this.thread('jobs').call('awaitImport', id);
  }

  /** `POST /tiers/recompute` (docs/tiers.md): a whole org's scorecards, off the serving event loop. */
  recomputeTiers(principal: Principal, date: string | undefined): Promise<TierRecompute> {
    return this.thread('jobs').call('recomputeTiers', { principal, date });
  }

  webhookImport(principal: Principal, raw: Buffer, now: number): Promise<ImportReport> {
    return this.thread('jobs').call('webhookImport', { principal, raw: new Uint8Array(raw), now });
  }

  /** Writes every queued click, stops imports after their chunk, closes the threads' databases. */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.send();
    await Promise.all(
      [...this.clients].map(async ([role, client]) => {
        try {
          await client.call('close', null);
        } finally {
          await client.worker.terminate();
          this.clients.delete(role);
        }
      }),
    );
  }

  private send(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    this.inFlight += batch.length;
    const done = () => {
      this.inFlight -= batch.length;
      if (this.inFlight < MAX_IN_FLIGHT / 2) for (const resolve of this.drained.splice(0)) resolve();
    };
    this.thread('clicks')
      .call('clicks', batch)
      .then(done, (error) => {
        done();
        this.log('error', `${batch.length} clicks were lost: the background thread failed`, { message: String(error) });
      });
  }

  private thread(role: ThreadRole): ThreadClient {
    const running = this.clients.get(role);
    if (running?.alive) return running;
    const worker = startThread(new URL('./background-thread.js', import.meta.url), { ...this.settings, role });
    worker.unref();
    const client = new ThreadClient(worker, decodeError, (event) => {
      const { level, message, error } = event as { level: 'error' | 'warn' | 'info'; message: string; error?: SerialisedError };
      this.log(level, message, error);
    });
    worker.on('error', (error) =>
      this.log('error', `the ${role} thread crashed; it restarts on next use`, { message: error.message }),
    );
    this.clients.set(role, client);
    return client;
  }
}
