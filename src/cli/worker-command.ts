import type { Command } from 'commander';
import { ConfigError, loadConfig } from '../config.js';
import { createDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { ClickWorker } from '../features/clicks/nats-click-worker.js';
import { natsNames } from '../lib/nats.js';

/**
 * `kos worker` (docs/deployment.md "Clicks through NATS"): stores the clicks every `kos serve` publishes to NATS
 * JetStream into the database, exactly once by click id. Run one, or several: they share one durable
 * consumer, so each batch goes to one of them. SIGTERM stores and acknowledges what it holds, then exits.
 */
export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('store the clicks of every server (published to NATS JetStream, KOS_NATS_URL) in the database')
    .action(async () => {
      const config = loadConfig();
      if (!config.natsUrl) throw new ConfigError('KOS_NATS_URL', 'kos worker needs NATS: set it to nats://host:port');
      const names = natsNames(config.natsPrefix ?? 'kos');
      const database = createDatabase(config.databaseUrl);
      await migrateToLatest(database.db);
      const worker = await ClickWorker.start(config.natsUrl, names, database.db, config.secret, {
        auth: config.natsAuth,
        onError: (error) => process.stderr.write(`kos worker: ${error instanceof Error ? error.message : String(error)}\n`),
      });
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        process.stderr.write(`${signal}: stopping…\n`);
        await worker.close();
        await database.close();
        process.exit(0);
      };
      process.on('SIGTERM', () => void stop('SIGTERM'));
      process.on('SIGINT', () => void stop('SIGINT'));
      process.stdout.write(`kos worker is storing clicks from stream ${names.stream} (consumer ${names.consumer})\n`);
    });
}
