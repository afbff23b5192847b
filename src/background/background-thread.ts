import { parentPort, workerData } from 'node:worker_threads';
import { CHECKPOINT_EVERY_MS, checkpointWal, createDatabase, type Database } from '../db/database.js';
import type { Principal } from '../features/access/access.js';
import { RollupKeeper } from '../features/analytics/rollup-keeper.js';
import { ClickIngester } from '../features/clicks/click-ingester.js';
import { ClickForwarder } from '../features/clicks/nats-click-forwarder.js';
import { ClickWorker } from '../features/clicks/nats-click-worker.js';
import type { FileJob } from '../features/imports/import-jobs.js';
import { ImportRunner } from '../features/imports/import-runner.js';
import { importWebhookBody } from '../features/imports/webhook-import.js';
import { TierScheduler } from '../features/tiers/scheduler.js';
import { recompute } from '../features/tiers/tiers.service.js';
import { natsNames } from '../lib/nats.js';
import { Periodic } from '../lib/periodic.js';
// Training assigns courses when a recompute moves a KOS into a course's audience (its listener, docs/training.md).
import '../features/training/assignment.service.js';
import { lowerThreadPriority, serialiseError, type ThreadReply, type ThreadRequest } from '../lib/thread.js';
import type { BackgroundSettings, ThreadRole } from './background.js';

/**
 * The background thread (docs/imports.md, docs/security.md, docs/clicks.md): it owns a database
 * connection of its own and does bulk writes, so that the event loop serving redirects, pages and the
 * API never waits on them, not even on SQLite's single-writer lock: click ingestion from the click log,
 * imports (parse, attribute, store, book), webhook pushes, tier recomputes and the daily scheduler
 * (docs/tiers.md). Deferrable: it yields the CPU to the serving thread (nice 10 against 0 — on a busy
 * core it gets roughly a tenth of its time), and catches up when the server is idle.
 */
const settings = workerData as BackgroundSettings & { role: ThreadRole };
const port = parentPort;
if (!port) throw new Error('background-thread.ts runs as a worker thread');

type Methods = Record<string, (payload: never) => Promise<unknown>>;
const event = (level: 'error' | 'warn' | 'info', message: string, error?: unknown) =>
  port.postMessage({ event: { level, message, ...(error ? { error: serialiseError(error) } : {}) } });

function jobMethods(database: Database): Methods {
  lowerThreadPriority(10);
  const imports = new ImportRunner(database.db, { onError: (error) => event('error', 'import bookkeeping failed', error) });
  const started = imports.start();
  const scheduler = settings.scheduler
    ? new TierScheduler(database.db, { log: (level, message, error) => event(level, message, error) })
    : null;
  scheduler?.start();
  // Rollups built for new orgs and after a zone change, dirty days refreshed (docs/rollups.md).
  const rollups = settings.scheduler
    ? new RollupKeeper(database.db, { onError: (error) => event('error', 'keeping the analytics rollups failed', error) })
    : null;
  rollups?.start();
  // The WAL is checkpointed from here: the serving thread's connection leaves it to this thread (serve-command).
  const checkpoints = new Periodic(() => checkpointWal(database.db), CHECKPOINT_EVERY_MS);
  checkpoints.start();
  // The click log of this instance goes into the database from here (docs/clicks.md "Ingestion"), or
  // with NATS to the JetStream stream that `kos worker` stores (docs/deployment.md "Clicks through NATS").
  const ingester = !settings.clickDir
    ? null
    : settings.nats
      ? new ClickForwarder(settings.nats.url, natsNames(settings.nats.prefix), settings.clickDir, {
          auth: settings.nats.auth,
          onError: (error) => event('error', 'click forwarding to NATS failed; the clicks wait in the log', error),
        })
      : new ClickIngester(database.db, settings.secret, settings.clickDir, {
          onError: (error) => event('error', 'click ingestion failed; will retry', error),
        });
  ingester?.start();
  // KOS_NATS_WORKER: this process stores clicks too, pulling from the workers' shared consumer.
  const worker =
    settings.nats?.worker === true
      ? ClickWorker.start(settings.nats.url, natsNames(settings.nats.prefix), database.db, settings.secret, {
          auth: settings.nats.auth,
          onError: (error) => event('error', 'storing clicks from NATS failed; will retry', error),
        })
      : null;
  worker?.catch((error) => event('error', 'the click worker did not start', error));
  return {
    ingestClicks: async () => ingester?.drain(),
    queueImport: async (input: Omit<FileJob, 'id' | 'orgId'>) => {
      await started;
      return imports.queue(input);
    },
    awaitImport: (id: string) => imports.settled(id),
    recomputeTiers: (input: { principal: Principal; date?: string }) => recompute(database.db, input.principal, input.date),
    webhookImport: (input: { principal: Principal; raw: Uint8Array; now: number }) =>
      importWebhookBody(database.db, input.principal, input.raw, input.now),
    close: async () => {
      // A stop stores the log for at most its budget; the next start stores the rest (docs/clicks.md).
      const budget = settings.clickStopBudgetMs ?? Number.POSITIVE_INFINITY;
      if (ingester && !(await ingester.close(budget))) {
        event(
          'warn',
          `the click log was not all stored or forwarded at the stop (budget ${budget / 1000} s): the rest goes at the next start`,
        );
      }
      // A worker still waiting for its first connection to NATS is left behind (the thread ends).
      const stopped = worker?.then((w) => w.close()).catch(() => {});
      await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
      await scheduler?.stop();
      await rollups?.stop();
      await checkpoints.stop();
      await started.catch(() => {});
      await imports.close();
    },
  };
}

const database = createDatabase(settings.databaseUrl, { poolSize: 4 });
const methods = jobMethods(database);
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
