import type { Command } from 'commander';
import { findOrgBySlug } from '../features/orgs/orgs.service.js';
import { recomputeOrg } from '../features/tiers/tiers.service.js';
import { DomainError, invalid } from '../lib/errors.js';
import { problem } from '../lib/problems/problem.js';
import { isoDate } from '../lib/schemas.js';
import { printResult, withDatabase } from './open-database.js';

export function registerTierCommands(program: Command): void {
  const tiers = program.command('tiers').description('performance tiers (docs/tiers.md)');
  tiers
    .command('recompute')
    .description("recompute an organisation's tiers from net sales in the 30 days before the date")
    .requiredOption('--org <slug>', 'organisation slug')
    .option('--date <YYYY-MM-DD>', "the date d (default today in the organisation's time zone)")
    .option('--json', 'print {"date","changes"} as one JSON line')
    .action(async (options: { org: string; date?: string; json?: boolean }) => {
      if (options.date !== undefined && !isoDate.safeParse(options.date).success)
        throw invalid('date', problem('field.calendar_date'), 'must be a date YYYY-MM-DD');
      const result = await withDatabase(async (database) => {
        const org = await findOrgBySlug(database.db, options.org);
        if (!org)
          throw new DomainError(
            'not_found',
            problem('org.slug.unknown', { slug: options.org }),
            `no organisation with slug "${options.org}"`,
          );
        return recomputeOrg(database.db, org.id, options.date);
      });
      printResult(
        Boolean(options.json),
        result,
        [
          `${result.date}: ${result.changes.length} tier change(s)`,
          ...result.changes.map((c) => `  ${c.kosId}: ${c.from ?? '-'} → ${c.to}`),
        ].join('\n'),
      );
    });
}
