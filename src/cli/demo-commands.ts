import type { Command } from 'commander';
import { addSampleKos } from '../features/demo/demo-samples.js';
import { orgBySlugOrThrow } from './find-org.js';
import { printResult, withDatabase } from './open-database.js';

/** `kos demo sample-kos`: the KOS and products the sample reports (test/fixtures/samples/) are attributed to. */
export function registerDemoCommands(program: Command): void {
  const demo = program.command('demo').description('demo and sample data');
  demo
    .command('sample-kos')
    .description('add the KOS LAN01, MINH02, HOA03 (accounts, voucher) and the products the sample reports name')
    .requiredOption('--org <slug>', 'organisation slug')
    .option('--json', 'print {"kos":{code: id},"products":[sku]} as one JSON line')
    .action(async (options: { org: string; json?: boolean }) => {
      const added = await withDatabase(async (database) => {
        const org = await orgBySlugOrThrow(database.db, options.org);
        return addSampleKos(database.db, org);
      });
      printResult(
        Boolean(options.json),
        added,
        `added to ${options.org}: KOS ${Object.keys(added.kos).join(', ')} and products ${added.products.join(', ')}`,
      );
    });
}
