import type { Command } from 'commander';
import { migrateToLatest } from '../db/migrate.js';
import { printResult, withDatabase } from './open-database.js';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('bring the database schema up to date')
    .option('--json', 'print the result as one JSON line')
    .action(async (options: { json?: boolean }) => {
      const applied = await withDatabase((database) => migrateToLatest(database.db));
      printResult(Boolean(options.json), { applied }, applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
    });
}
