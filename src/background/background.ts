import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Principal } from '../features/access/access.js';
import { type ClickFsync, ClickLog } from '../features/clicks/click-log.js';
import type { ClickSink } from '../features/clicks/click-sink.js';
import type { PendingClick } from '../features/clicks/click-writer.js';
import type { FileJob } from '../features/imports/import-jobs.js';
import type { ImportReport, ImportStatus } from '../features/imports/imports.schema.js';
import type { TierRecompute } from '../features/tiers/tiers.service.js';
import { DomainError, type ErrorCode, type FieldError, GENERIC_PROBLEMS, STATUS_BY_CODE } from '../lib/errors.js';
import type { NatsAuth } from '../lib/nats.js';
import { isProblem } from '../lib/problems/problem.js';
import { type SerialisedError, startThread, ThreadClient } from '../lib/thread.js';

export interface BackgroundSettings {
  databaseUrl: string;
  secret: string;
  /** Run the daily jobs (the tier recompute at 02:00 in each org's zone, docs/tiers.md) in the jobs thread. */
  scheduler?: boolean;
  /** This instance's click log folder (docs/clicks.md); without one, a private temporary folder. */
  clickDir?: string;
  clickFsync?: ClickFsync;
  /** How long a stop stores the click log before it exits (docs/clicks.md); unset: until it is all stored. */
  clickStopBudgetMs?: number;
  /** Forward the click log to NATS JetStream instead of ingesting it here (docs/deployment.md). */
  nats?: { url: string; prefix: string; worker?: boolean; auth?: NatsAuth };
}

/** The background thread: jobs (click ingestion, imports, webhooks, tiers) at a lower priority. */
export type ThreadRole = 'jobs';

export type BackgroundLog = (level: 'error' | 'warn' | 'info', message: string, error?: SerialisedError) => void;

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
 * This thread's side of the background (background-thread.ts): clicks go to this instance's click log,
 * written in batches from here (docs/clicks.md), and the jobs thread ingests them into the database;
 * imports and webhook pushes are handed whole to the jobs thread. The thread starts on first use (or
 * `start`) and again after a crash.
 */
export class Background implements ClickSink {
  private readonly clients = new Map<ThreadRole, ThreadClient>();
  private clickLog: ClickLog | null = null;
  /** Restarts a crashed jobs thread, whose ingester the click log needs, within a second. */
  private watchdog: NodeJS.Timeout | null = null;
  private readonly settings: BackgroundSettings & { clickDir: string };
  /** The click folder is a private temporary one (no `clickDir` given): removed at close. */
  private readonly temporary: boolean;

  constructor(
    settings: BackgroundSettings,
    private readonly log: BackgroundLog,
  ) {
    this.temporary = !settings.clickDir;
    this.settings = { ...settings, clickDir: settings.clickDir ?? join(tmpdir(), `kos-clicks-${randomUUID()}`) };
  }

  push(click: PendingClick): Promise<void> | undefined {
    return this.openClickLog().push(click);
  }

  /** Opens the click log (claiming its folder) and starts the jobs thread, whose ingester reads it. */
  private openClickLog(): ClickLog {
    if (!this.clickLog) {
      this.clickLog = new ClickLog(this.settings.clickDir, {
        fsync: this.settings.clickFsync ?? 'batch',
        onError: (error) => this.log('error', 'click log write failed; will retry', { message: String(error) }),
      });
      this.thread('jobs');
      this.watchdog = setInterval(() => this.thread('jobs'), 1000);
      this.watchdog.unref();
    }
    return this.clickLog;
  }

  /**
   * Opens the click log and starts the jobs thread now (a server does at start-up: a click folder in use
   * fails the start, orphaned imports are failed at once, and clicks a stop left in the log are ingested).
   */
  start(): void {
    this.openClickLog();
  }

  /**
   * Resolves when every click pushed so far is stored in the database — or, with NATS, published to
   * JetStream, from where a worker stores it (docs/deployment.md "Clicks through NATS").
   */
  async flushClicks(): Promise<void> {
    await this.clickLog?.flush();
    await this.thread('jobs').call('ingestClicks', null);
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

  /**
   * Writes and syncs the click log, ingests it (within the stop budget: the rest waits in the log for the
   * next start), stops imports after their chunk, closes the thread's database.
   */
  async close(): Promise<void> {
    if (this.watchdog) clearInterval(this.watchdog);
    await this.clickLog?.close();
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
    if (this.temporary) rmSync(this.settings.clickDir, { recursive: true, force: true });
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
