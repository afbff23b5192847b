import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { createDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import type { DemoLogin } from '../features/demo/demo.service.js';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('migrate, then serve the API, console, redirects and bio pages')
    .option('--demo', 'load the demo organisation when the database is empty')
    .action(async (options: { demo?: boolean }) => {
      // The server (every route, the console, the jobs thread) is loaded only to serve: the other commands
      // of `kos` start in about half the time without it.
      const [{ buildApp }, { loadDemoIfEmpty }] = await Promise.all([
        import('../app.js'),
        import('../features/demo/demo.service.js'),
      ]);
      const config = loadConfig();
      // The serving thread's commits leave WAL checkpoints to the jobs thread (database.ts, checkpointWal).
      const database = createDatabase(config.databaseUrl, { walCheckpoints: false });
      await migrateToLatest(database.db);
      const demo = options.demo ? await loadDemoIfEmpty(database.db, (msg) => process.stderr.write(`${msg}\n`)) : null;
      const app = await buildApp({ config, database });
      app.background.start();
      // The daily jobs (docs/tiers.md "Scheduler") run in the jobs thread when `KOS_SCHEDULER` is on.
      // Installed before listening: a stop at any moment closes the server and flushes every click.
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        process.stderr.write(`${signal}: stopping…\n`);
        await app.close();
        await database.close();
        process.exit(0);
      };
      process.on('SIGTERM', () => void stop('SIGTERM'));
      process.on('SIGINT', () => void stop('SIGINT'));
      await app.listen({ host: config.host, port: config.port });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      const base = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
      if (demo) process.stdout.write(demoLines(demo));
      process.stdout.write(`kosmatrix is serving on ${base} (console ${base}/app/, API docs ${base}/api/docs)\n`);
    });
}

/** What `serve --demo` prints: the login, the owner API key (first load only) and the tour's month. */
function demoLines(demo: DemoLogin): string {
  const newKey = `npm run --silent kos -- api-keys create --org ${demo.orgSlug} --name tour --role owner`;
  return [
    `demo login: ${demo.email} / ${demo.password} (organisation "${demo.orgSlug}")`,
    demo.apiKey
      ? `demo API key (owner, shown once): ${demo.apiKey}`
      : `demo API key: shown at the first start only; make another with: ${newKey}`,
    demo.created
      ? `demo tour month: ${demo.tourPeriod} (it has ended; the demo left it open for the tour's payout close)`
      : `demo tour month: ${demo.tourPeriod} (the last month that has ended)`,
    '',
  ].join('\n');
}
