import { parentPort, workerData } from 'node:worker_threads';
import { createDatabase, type Database } from '../db/database.js';
import type { Principal } from '../features/access/access.js';
import { ClicksDroppedError, ClickWriter, type PendingClick } from '../features/clicks/click-writer.js';
import type { FileJob } from '../features/imports/import-jobs.js';
import { ImportRunner } from '../features/imports/import-runner.js';
import { importWebhookBody } from '../features/imports/webhook-import.js';
import { TierScheduler } from '../features/tiers/scheduler.js';
import { recompute } from '../features/tiers/tiers.service.js';
// Training assigns courses when a recompute moves a KOS into a course's audience (its listener, docs/training.md).
import '../features/training/assignment.service.js';
import { lowerThreadPriority, serialiseError, type ThreadReply, type ThreadRequest } from '../lib/thread.js';
import type { BackgroundSettings, ThreadRole } from './background.js';

/**
 * A background thread (docs/imports.md, docs/security.md): it owns a database connection of its own and
 * does bulk writes, so that the event loop serving redirects, pages and the API never waits on them, not
 * even on SQLite's single-writer lock. Two roles, one thread each:
 * - `clicks`: the batched click writer. Writing a click is part of answering its redirect, so this thread
 *   runs at the serving thread's priority and keeps up with it.
 * - `jobs`: imports (parse, attribute, store, book), webhook pushes, tier recomputes and the daily
 *   scheduler (docs/tiers.md). Deferrable: it yields the CPU to
 *   the other two (nice 10 against 0 — on a busy core it gets roughly a tenth of their time).
 */
const settings = workerData as BackgroundSettings & { role: ThreadRole };
const port = parentPort;
if (!port) throw new Error('background-thread.ts runs as a worker thread');

type Methods = Record<string, (payload: never) => Promise<unknown>>;
const event = (level: 'error' | 'warn' | 'info', message: string, error?: unknown) =>
  port.postMessage({ event: { level, message, ...(error ? { error: serialiseError(error) } : {}) } });

function clickMethods(database: Database): Methods {
  const clicks = new ClickWriter(database.db, settings.secret, {
    onError: (error) =>
      error instanceof ClicksDroppedError
        ? event('error', `clicks lost: ${error.message}`, error)
        : event('error', 'click write failed; will retry', error),
  });
  // Clicks, flushes and the close are handled strictly in the order they were sent.
  let chain: Promise<unknown> = Promise.resolve();
  const inOrder = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work);
    chain = next.catch(() => {});
    return next;
  };
  return {
    clicks: (batch: PendingClick[]) =>
      inOrder(async () => {
        for (const click of batch) {
          const full = clicks.push(click);
          if (full) await full;
        }
      }),
    flushClicks: () => inOrder(() => clicks.flush()),
    close: () => inOrder(() => clicks.close()),
  };
}

function jobMethods(database: Database): Methods {
  lowerThreadPriority(10);
  const imports = new ImportRunner(database.db, { onError: (error) => event('error', 'import bookkeeping failed', error) });
  const started = imports.start();
  const scheduler = settings.scheduler
    ? new TierScheduler(database.db, { log: (level, message, error) => event(level, message, error) })
    : null;
  scheduler?.start();
  return {
    queueImport: async (input: Omit<FileJob, 'id' | 'orgId'>) => {
      await started;
      return imports.queue(input);
    },
    awaitImport: (id: string) => imports.settled(id),
    recomputeTiers: (input: { principal: Principal; date?: string }) => recompute(database.db, input.principal, input.date),
    webhookImport: (input: { principal: Principal; raw: Uint8Array; now: number }) =>
      importWebhookBody(database.db, input.principal, input.raw, input.now),
    close: async () => {
      await scheduler?.stop();
      await started.catch(() => {});
      await imports.close();
    },
  };
}

const database = createDatabase(settings.databaseUrl, { poolSize: settings.role === 'jobs' ? 4 : 2 });
const methods = settings.role === 'clicks' ? clickMethods(database) : jobMethods(database);
const close = methods.close as () => Promise<unknown>;
methods.close = async () => {
  await close();
  await database.close();
};

port.on('message', (request: ThreadRequest) => {
  const method = methods[request.method];
  const answer = method ? method(request.payload as never) : Promise.reject(new Error(`no method ${request.method}`));
  answer.then(
    (value) => request.id && port.postMessage({ id: request.id, ok: true, value } satisfies ThreadReply),
    (error) => request.id && port.postMessage({ id: request.id, ok: false, error: serialiseError(error) } satisfies ThreadReply),
  );
});
