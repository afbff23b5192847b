import { parentPort, workerData } from 'node:worker_threads';
import { createDatabase } from '../db/database.js';
import type { Principal } from '../features/auth/auth.js';
import { ClickWriter, type PendingClick } from '../features/clicks/click-writer.js';
import type { FileJob } from '../features/imports/import-jobs.js';
import { ImportRunner } from '../features/imports/import-runner.js';
import { importWebhookBody } from '../features/imports/webhook-import.js';
import { lowerThreadPriority, serialiseError, type ThreadReply, type ThreadRequest } from '../lib/thread.js';
import type { BackgroundSettings } from './background.js';

/**
 * The background thread (docs/security.md, "Nothing public blocks the loop"): it owns a database
 * connection of its own and does the bulk writes — batched clicks and imports (parse, attribute, store,
 * book) — so that the event loop serving redirects, pages and the API never waits on them, not even
 * on SQLite's single-writer lock.
 */
const settings = workerData as BackgroundSettings;
const port = parentPort;
if (!port) throw new Error('background-thread.ts runs as a worker thread');

const event = (level: 'error' | 'warn', message: string, error?: unknown) =>
  port.postMessage({ event: { level, message, ...(error ? { error: serialiseError(error) } : {}) } });

// Bulk work yields the CPU to the thread serving redirects and pages: on a busy core the kernel gives
// this thread roughly a tenth of the time the serving thread gets (nice 10 against 0).
lowerThreadPriority(10);
const database = createDatabase(settings.databaseUrl, { poolSize: 4 });
const clicks = new ClickWriter(database.db, settings.secret, {
  onError: (error) => event('error', 'click write failed; will retry', error),
});
const imports = new ImportRunner(database.db, { onError: (error) => event('error', 'import bookkeeping failed', error) });
const started = imports.start();
// Clicks, flushes and the close are handled strictly in order; imports run beside them.
let clickChain: Promise<unknown> = Promise.resolve();
const inOrder = <T>(work: () => Promise<T>): Promise<T> => {
  const next = clickChain.then(work);
  clickChain = next.catch(() => {});
  return next;
};

const methods: Record<string, (payload: never) => Promise<unknown>> = {
  clicks: (batch: PendingClick[]) =>
    inOrder(async () => {
      for (const click of batch) {
        const full = clicks.push(click);
        if (full) await full;
      }
    }),
  flushClicks: () => inOrder(() => clicks.flush()),
  queueImport: async (input: Omit<FileJob, 'id' | 'orgId'>) => {
    await started;
    return imports.queue(input);
  },
  awaitImport: (id: string) => imports.settled(id),
  webhookImport: (input: { principal: Principal; raw: Uint8Array; now: number }) =>
    importWebhookBody(database.db, input.principal, input.raw, input.now),
  close: () =>
    inOrder(async () => {
      await clicks.close();
      await started.catch(() => {});
      await imports.close();
      await database.close();
    }),
};

port.on('message', (request: ThreadRequest) => {
  const method = methods[request.method];
  const answer = method ? method(request.payload as never) : Promise.reject(new Error(`no method ${request.method}`));
  answer.then(
    (value) => request.id && port.postMessage({ id: request.id, ok: true, value } satisfies ThreadReply),
    (error) => request.id && port.postMessage({ id: request.id, ok: false, error: serialiseError(error) } satisfies ThreadReply),
  );
});
